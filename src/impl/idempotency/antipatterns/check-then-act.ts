/**
 * ANTI-PATTERN 2 (never use): lookup and insert are separate steps. Two
 * requests that both look before either inserts both see "absent", and the
 * later insert overwrites whatever the other wrote: both run the effect.
 */
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { AcquireOutcome, AcquireRequest } from '../types.js';

export class CheckThenActStore extends SqliteIdempotencyStore {
  /** Runs between the lookup and the insert (tests use it to force the race). */
  betweenLookupAndInsert: (request: AcquireRequest) => Promise<void> = () =>
    new Promise((resolve) => setImmediate(resolve));

  override async acquire(request: AcquireRequest): Promise<AcquireOutcome> {
    const seen = this.get(request.user, request.key); // step 1: look
    if (seen !== undefined) return super.acquire(request);
    await this.betweenLookupAndInsert(request);
    // step 2: insert, trusting the stale lookup (a blind upsert)
    return this.immediate(() => ({
      kind: 'acquired',
      lease: this.writePending(request, undefined, this.now()),
      takeover: false,
    }));
  }
}
