/**
 * ANTI-PATTERN 13 (never use): plain lock expiry without a fencing token.
 * A slow worker whose lock expired and was taken over still commits, so
 * it and its successor both apply the effect.
 */
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { IdempotencyRecord, Lease } from '../types.js';

export class NoFencingStore extends SqliteIdempotencyStore {
  protected override holdsLock(record: IdempotencyRecord | undefined, _lease: Lease): boolean {
    return record !== undefined;
  }
}
