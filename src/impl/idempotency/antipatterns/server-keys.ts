/**
 * ANTI-PATTERN 1 (never use): the server derives the key from the payload
 * and a time window instead of taking the client's key. Two legitimate
 * identical operations in one window collapse into one: the second gets
 * the first one's response and never runs.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../fingerprint.js';
import { createIdempotencyMiddleware, type ProcessRequest } from '../middleware.js';
import type { IdempotencyStore } from '../types.js';

function derivedKey(user: string, method: string, path: string, body: string, window: number): string {
  let parsed: unknown = body;
  try {
    parsed = JSON.parse(body);
  } catch {
    // hash the raw text
  }
  const hex = createHash('sha256')
    .update(canonicalJson({ user, method, path, body: parsed, window }))
    .digest('hex');
  // Shaped as a UUID v4 so the correct middleware accepts it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function serverKeysMiddleware(
  store: IdempotencyStore,
  options: { windowMs?: number; now?: () => number } = {},
): ProcessRequest {
  const inner = createIdempotencyMiddleware(store);
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  return (request, handler) => {
    const window = Math.floor(now() / windowMs);
    const key = derivedKey(request.user, request.method, request.path, request.body, window);
    return inner({ ...request, headers: { ...request.headers, 'idempotency-key': key } }, handler);
  };
}
