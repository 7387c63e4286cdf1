/**
 * ANTI-PATTERN 8 (never use): records keep no request fingerprint. A key
 * reused with another payload replays the first payload's response
 * instead of answering 422.
 */
import type { Decision } from '../decision.js';
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { AcquireRequest, IdempotencyRecord } from '../types.js';

export class NoFingerprintStore extends SqliteIdempotencyStore {
  protected override decide(
    record: IdempotencyRecord | undefined,
    request: AcquireRequest,
    now: number,
  ): Decision {
    const blind = record === undefined ? undefined : { ...record, fingerprint: request.fingerprint };
    return super.decide(blind, request, now);
  }
}
