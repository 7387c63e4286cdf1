/**
 * ANTI-PATTERN 10 (never use): the business effect and the record's
 * completion commit in separate transactions. A crash between them leaves
 * the effect applied and the record pending; the retry, after the lock
 * expires, applies the effect again.
 */
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { Completion, Effect, Lease } from '../types.js';

export class SeparateTransactionsStore extends SqliteIdempotencyStore {
  /** Runs between the two transactions (tests make it "crash"). */
  betweenTransactions: () => Promise<void> = async () => {};

  override async complete(lease: Lease, completion: Completion, effect?: Effect): Promise<boolean> {
    if (effect === undefined) return super.complete(lease, completion); // nothing to separate
    const applied = this.immediate(() => {
      if (!this.holdsLock(this.get(lease.user, lease.key), lease)) return false;
      effect(this.db);
      return true;
    });
    if (!applied) return false;
    await this.betweenTransactions();
    return this.immediate(() => {
      this.finish(lease, completion);
      return true;
    });
  }
}
