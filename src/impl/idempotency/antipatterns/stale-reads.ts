/**
 * ANTI-PATTERN 6 (never use): a store without atomic compare-and-set whose
 * reads come from a lagging replica. Acquisition reads the replica and
 * writes blindly; commits check nothing. Two requests that both read before
 * the replica catches up both see "absent" and both commit their effect.
 */
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { AcquireOutcome, AcquireRequest, IdempotencyRecord, Lease } from '../types.js';

export class StaleReadStore extends SqliteIdempotencyStore {
  private replica = new Map<string, IdempotencyRecord>();

  /** The replica catches up with the primary. */
  replicate(): void {
    const rows = this.db.prepare<[], { user_id: string; idem_key: string }>(
      'SELECT user_id, idem_key FROM idempotency_records',
    );
    this.replica = new Map();
    for (const row of rows.all()) {
      const record = this.get(row.user_id, row.idem_key);
      if (record !== undefined) this.replica.set(`${row.user_id}\u0000${row.idem_key}`, record);
    }
  }

  protected override readForAcquire(user: string, key: string): IdempotencyRecord | undefined {
    return this.replica.get(`${user}\u0000${key}`);
  }

  override async acquire(request: AcquireRequest): Promise<AcquireOutcome> {
    // No transaction: a read of the replica followed by a blind write.
    return this.acquireInTransaction(request);
  }

  protected override holdsLock(record: IdempotencyRecord | undefined, _lease: Lease): boolean {
    return record !== undefined;
  }
}
