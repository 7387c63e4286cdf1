/**
 * The acquisition decision: given the existing record (if any) and the
 * incoming request, what the store does. Pure, so it is tested on its own
 * and shared by the SQLite store and its variants.
 */
import type { AcquireRequest, IdempotencyRecord } from './types.js';

export type Decision =
  | { kind: 'insert' }
  | { kind: 'replay' }
  | { kind: 'in-progress'; retryAfterSeconds: number }
  | { kind: 'takeover' }
  | { kind: 'mismatch' };

export function decide(
  record: IdempotencyRecord | undefined,
  request: AcquireRequest,
  now: number,
): Decision {
  // An expired record counts as absent, unless it is still locked by a live worker.
  const expired = record !== undefined && record.expiresAt <= now && !isLocked(record, now);
  if (record === undefined || expired) return { kind: 'insert' };
  if (
    record.fingerprint !== request.fingerprint ||
    record.method !== request.method ||
    record.path !== request.path
  ) {
    return { kind: 'mismatch' };
  }
  switch (record.status) {
    case 'completed':
    case 'failed-permanent':
      return { kind: 'replay' };
    case 'failed-retryable':
      return { kind: 'takeover' };
    case 'pending':
      if (record.lockedUntil > now) {
        return {
          kind: 'in-progress',
          retryAfterSeconds: Math.max(1, Math.ceil((record.lockedUntil - now) / 1000)),
        };
      }
      return { kind: 'takeover' };
  }
}

export function isLocked(record: IdempotencyRecord, now: number): boolean {
  return record.status === 'pending' && record.lockedUntil > now;
}
