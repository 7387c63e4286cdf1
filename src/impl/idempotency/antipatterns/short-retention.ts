/**
 * ANTI-PATTERN 11 (never use): records expire before clients stop
 * retrying. A late retry finds no record and runs the effect again.
 */
import { SqliteIdempotencyStore, type SqliteStoreOptions } from '../sqlite-store.js';

/** A store whose retention is a fraction of the clients' retry window. */
export function shortRetentionStore(options: SqliteStoreOptions & { clientRetryWindowMs: number }) {
  return new SqliteIdempotencyStore({
    ...options,
    retentionMs: Math.max(1, Math.floor(options.clientRetryWindowMs / 10)),
  });
}
