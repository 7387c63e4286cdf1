/**
 * Request fingerprints and idempotency-key validation.
 *
 * The fingerprint is the SHA-256 of method, path and the body's identity:
 * its lossless canonical JSON when the body is JSON (so two encodings of
 * the same value agree), else its exact bytes. A JSON body and a non-JSON
 * body never share an identity, nor do an empty body and `null`.
 */
import { createHash } from 'node:crypto';
import { canonicalizeJson, DEFAULT_MAX_JSON_DEPTH } from './canonical-json.js';

/** JSON of a JavaScript value with object keys sorted at every level (used by the server-keys variant). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k]));
  return '{' + entries.join(',') + '}';
}

/** A JSON body nested deeper than the fingerprint will follow: the request is refused with 400. */
export class BodyTooDeepError extends Error {
  constructor(readonly maxDepth: number) {
    super(`request body nested deeper than ${maxDepth} levels`);
    this.name = 'BodyTooDeepError';
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function bodyIdentity(body: string | Buffer, maxDepth: number): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  let text: string | undefined;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = undefined; // invalid UTF-8: identified by its bytes
  }
  if (text !== undefined && text.length > 0) {
    const canonical = canonicalizeJson(text, maxDepth);
    if (canonical.kind === 'too-deep') throw new BodyTooDeepError(canonical.maxDepth);
    if (canonical.kind === 'json') return 'json:' + canonical.text;
  }
  return 'bytes:' + bytes.toString('hex');
}

/**
 * The fingerprint of a request. Pass the raw body bytes when there are any:
 * a decoded string has already merged different invalid UTF-8 sequences.
 * Throws BodyTooDeepError for JSON nested deeper than `maxDepth`.
 */
export function requestFingerprint(
  method: string,
  path: string,
  body: string | Buffer,
  maxDepth = DEFAULT_MAX_JSON_DEPTH,
): string {
  return createHash('sha256')
    .update(JSON.stringify([method.toUpperCase(), path]))
    .update('\n')
    .update(bodyIdentity(body, maxDepth))
    .digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Idempotency keys are client-generated UUIDs. */
export function isValidIdempotencyKey(key: string): boolean {
  return UUID.test(key);
}

/** UUIDs are case-insensitive: one key in upper and lower case is one intent. */
export function normalizeIdempotencyKey(key: string): string {
  return key.toLowerCase();
}
