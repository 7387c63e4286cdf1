/**
 * Telling store failures from effect failures, and running an effect.
 *
 * A store failure (the database busy, full, read-only, corrupt, closed)
 * means the store cannot decide: the middleware answers 503 and logs it.
 * A failure raised by the effect itself, even an SQLite constraint error
 * from a business table, is the handler's: the transaction rolls back and
 * the record becomes a retryable failure, not a locked key.
 */
import Database from 'better-sqlite3';
import { type Effect, EffectFailedError } from './types.js';

/** SQLite result codes (primary part) that mean the database, not the statement, failed. */
const STORE_FAILURE_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_NOTADB',
  'SQLITE_PERM',
]);

function primaryCode(code: string): string {
  const underscore = code.indexOf('_', 'SQLITE_'.length);
  return underscore === -1 ? code : code.slice(0, underscore);
}

function isClosedConnection(err: unknown): boolean {
  return err instanceof TypeError && /database connection is not open/i.test(err.message);
}

/** Any failure of the store's own statements: they are correct, so whatever goes wrong is the database. */
export function isDatabaseFailure(err: unknown): boolean {
  return err instanceof Database.SqliteError || isClosedConnection(err);
}

/** A failure raised inside an effect that is really the database's (full disk, lock timeout…). */
export function isStoreFailureInEffect(err: unknown): boolean {
  return (
    (err instanceof Database.SqliteError && STORE_FAILURE_CODES.has(primaryCode(err.code))) ||
    isClosedConnection(err)
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Run an effect inside the caller's transaction. Store failures propagate
 * as they are; anything else the effect throws becomes EffectFailedError,
 * and so does returning a promise (its rejection, if any, is caught so that
 * it cannot bring the process down; the transaction rolls back).
 */
export function runEffect(db: Database.Database, effect: Effect): void {
  let result: unknown;
  try {
    result = effect(db);
  } catch (err) {
    if (isStoreFailureInEffect(err)) throw err;
    throw new EffectFailedError(err instanceof Error ? err.message : String(err), { cause: err });
  }
  if (isThenable(result)) {
    result.then(undefined, () => {});
    throw new EffectFailedError('an effect must be synchronous: it returned a promise');
  }
}
