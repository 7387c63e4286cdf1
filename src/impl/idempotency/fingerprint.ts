/**
 * Request fingerprints and idempotency-key validation.
 *
 * The fingerprint is the SHA-256 of a canonical JSON of method, path and
 * body: object keys sorted, so two encodings of the same body agree.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level; non-JSON bodies are hashed as strings. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k]));
  return '{' + entries.join(',') + '}';
}

/** Parse a body as JSON when it is JSON, else keep the text: the fingerprint then covers the raw text. */
function bodyValue(body: string): unknown {
  if (body.length === 0) return null;
  try {
    return JSON.parse(body);
  } catch {
    return { raw: body };
  }
}

export function requestFingerprint(method: string, path: string, body: string): string {
  const canonical = canonicalJson({ method: method.toUpperCase(), path, body: bodyValue(body) });
  return createHash('sha256').update(canonical).digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Idempotency keys are client-generated UUIDs. */
export function isValidIdempotencyKey(key: string): boolean {
  return UUID.test(key);
}
