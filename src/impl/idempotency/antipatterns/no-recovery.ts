/**
 * ANTI-PATTERN 7 (never use): a pending record is "in progress" forever,
 * whether or not its lock expired. A worker that crashes mid-request
 * leaves the key blocked: every retry gets 409 until the record expires.
 */
import type { Decision } from '../decision.js';
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { AcquireRequest, IdempotencyRecord } from '../types.js';

export class NoRecoveryStore extends SqliteIdempotencyStore {
  protected override decide(
    record: IdempotencyRecord | undefined,
    request: AcquireRequest,
    now: number,
  ): Decision {
    const decision = super.decide(record, request, now);
    if (decision.kind === 'takeover' && record?.status === 'pending') {
      return { kind: 'in-progress', retryAfterSeconds: 1 };
    }
    return decision;
  }
}
