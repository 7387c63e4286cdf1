/**
 * ANTI-PATTERN 3 (never use): nothing marks a request as in progress; a
 * record is written only when the response is ready. A retry that arrives
 * while the first attempt is still running runs the handler again.
 */
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { AcquireOutcome, AcquireRequest, Completion, Effect, Lease } from '../types.js';

export class NoInProgressStore extends SqliteIdempotencyStore {
  private readonly requests = new Map<string, AcquireRequest>();

  override async acquire(request: AcquireRequest): Promise<AcquireOutcome> {
    const record = this.get(request.user, request.key);
    if (record?.response !== undefined && record.status !== 'failed-retryable') {
      return { kind: 'replay', response: record.response };
    }
    const lease: Lease = { user: request.user, key: request.key, token: '', progress: 0 };
    this.requests.set(`${request.user}\u0000${request.key}`, request);
    return { kind: 'acquired', lease, takeover: false };
  }

  override async complete(lease: Lease, completion: Completion, effect?: Effect): Promise<boolean> {
    const request = this.requests.get(`${lease.user}\u0000${lease.key}`);
    if (request === undefined) return false;
    return this.immediate(() => {
      effect?.(this.db);
      this.writePending(request, undefined, this.now());
      this.finish(lease, completion);
      // No lock was ever taken: the row carries no fencing token.
      this.db
        .prepare("UPDATE idempotency_records SET lock_token = '' WHERE user_id = ? AND idem_key = ?")
        .run(lease.user, lease.key);
      return true;
    });
  }
}
