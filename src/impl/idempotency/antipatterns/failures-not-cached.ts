/**
 * ANTI-PATTERN 5 (never use): only successes are cached; a 4xx deletes the
 * record. A retry of a rejected request can later succeed, so one key gets
 * two different answers.
 */
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { Completion, Effect, Lease } from '../types.js';

export class FailuresNotCachedStore extends SqliteIdempotencyStore {
  override async complete(lease: Lease, completion: Completion, effect?: Effect): Promise<boolean> {
    if (completion.status !== 'failed-permanent') return super.complete(lease, completion, effect);
    return this.immediate(() => {
      if (!this.holdsLock(this.get(lease.user, lease.key), lease)) return false;
      this.db
        .prepare('DELETE FROM idempotency_records WHERE user_id = ? AND idem_key = ?')
        .run(lease.user, lease.key);
      return true;
    });
  }
}
