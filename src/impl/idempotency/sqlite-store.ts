/**
 * The idempotency store on SQLite (better-sqlite3).
 *
 * WAL mode and a busy timeout let several processes share one database
 * file; every decision runs in a `BEGIN IMMEDIATE` transaction, which takes
 * the write lock up front, so two processes can never both read "absent"
 * and both insert. Completion re-checks the fencing token inside the same
 * transaction as the business effect.
 *
 * The protected hooks (`decide`, `holdsLock`, `resumeFrom`) exist for the
 * anti-pattern variants in ./antipatterns; the defaults are the correct design.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { DatabaseFileWatch } from './database-file.js';
import { type Decision, decide } from './decision.js';
import { isDatabaseFailure, runEffect } from './store-failures.js';
import {
  type AcquireOutcome,
  type AcquireRequest,
  type Completion,
  type Effect,
  type IdempotencyRecord,
  type IdempotencyStore,
  type Lease,
  type RecordStatus,
  StoreUnavailableError,
} from './types.js';

export { isDatabaseFailure } from './store-failures.js';

export interface SqliteStoreOptions {
  /** Database file; ':memory:' for a private in-memory database. */
  path: string;
  /** How long a pending lock stays valid (ms). Default 30 s. */
  lockTtlMs?: number;
  /** How long records live (ms). Default 24 h. */
  retentionMs?: number;
  /** How long to wait for another process's write lock (ms). Default 5 s. */
  busyTimeoutMs?: number;
  /** Clock (ms since epoch); injectable for tests. */
  now?: () => number;
}

export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_LOCK_TTL_MS = 30_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency_records (
  user_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL,
  response_status INTEGER,
  response_headers TEXT,
  response_body BLOB,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  lock_token TEXT NOT NULL,
  progress INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX IF NOT EXISTS idempotency_records_expiry ON idempotency_records (expires_at);
`;

interface Row {
  user_id: string;
  idem_key: string;
  method: string;
  path: string;
  fingerprint: string;
  status: RecordStatus;
  response_status: number | null;
  response_headers: string | null;
  response_body: Buffer | null;
  created_at: number;
  expires_at: number;
  locked_until: number;
  lock_token: string;
  progress: number;
}

function toRecord(row: Row): IdempotencyRecord {
  const record: IdempotencyRecord = {
    user: row.user_id,
    key: row.idem_key,
    method: row.method,
    path: row.path,
    fingerprint: row.fingerprint,
    status: row.status,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lockedUntil: row.locked_until,
    lockToken: row.lock_token,
    progress: row.progress,
  };
  if (row.response_status !== null) {
    record.response = {
      status: row.response_status,
      headers: JSON.parse(row.response_headers ?? '{}') as Record<string, string>,
      body: row.response_body ?? Buffer.alloc(0),
    };
  }
  return record;
}

/** Open a database file the way every process sharing it must: WAL, busy timeout. */
export function openDatabase(path: string, busyTimeoutMs = 5000): Database.Database {
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

export class SqliteIdempotencyStore implements IdempotencyStore {
  readonly db: Database.Database;
  readonly lockTtlMs: number;
  readonly retentionMs: number;
  protected readonly now: () => number;
  private readonly stmt;
  private readonly file: DatabaseFileWatch | undefined;

  constructor(options: SqliteStoreOptions) {
    this.lockTtlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
    this.now = options.now ?? Date.now;
    this.db = openDatabase(options.path, options.busyTimeoutMs);
    this.db.exec(SCHEMA);
    this.file = DatabaseFileWatch.forPath(options.path);
    this.stmt = {
      select: this.db.prepare<[string, string], Row>(
        'SELECT * FROM idempotency_records WHERE user_id = ? AND idem_key = ?',
      ),
      all: this.db.prepare<[], Row>('SELECT * FROM idempotency_records ORDER BY user_id, idem_key'),
      writePending: this.db.prepare(
        `INSERT INTO idempotency_records
           (user_id, idem_key, method, path, fingerprint, status, response_status, response_headers,
            response_body, created_at, expires_at, locked_until, lock_token, progress)
         VALUES (@user, @key, @method, @path, @fingerprint, 'pending', NULL, NULL, NULL,
                 @createdAt, @expiresAt, @lockedUntil, @token, @progress)
         ON CONFLICT (user_id, idem_key) DO UPDATE SET
           method = excluded.method, path = excluded.path, fingerprint = excluded.fingerprint,
           status = 'pending', response_status = NULL, response_headers = NULL, response_body = NULL,
           created_at = excluded.created_at, expires_at = excluded.expires_at,
           locked_until = excluded.locked_until, lock_token = excluded.lock_token, progress = excluded.progress`,
      ),
      finish: this.db.prepare(
        `UPDATE idempotency_records SET status = @status, response_status = @responseStatus,
           response_headers = @headers, response_body = @body, locked_until = 0
         WHERE user_id = @user AND idem_key = @key`,
      ),
      progress: this.db.prepare(
        'UPDATE idempotency_records SET progress = @step WHERE user_id = @user AND idem_key = @key',
      ),
      cleanup: this.db.prepare(
        `DELETE FROM idempotency_records
         WHERE expires_at <= @now AND NOT (status = 'pending' AND locked_until > @now)`,
      ),
    };
  }

  /**
   * Run `fn` in a BEGIN IMMEDIATE transaction; database failures become
   * StoreUnavailableError. Refuses to run once the database file was
   * removed or replaced: this connection would write to a file no other
   * process sees, and two stores would diverge.
   */
  protected immediate<T>(fn: () => T): T {
    try {
      this.file?.assertUnchanged();
      return this.db.transaction(fn).immediate();
    } catch (err) {
      if (err instanceof StoreUnavailableError) throw err;
      if (isDatabaseFailure(err)) {
        throw new StoreUnavailableError(`idempotency store unavailable: ${(err as Error).message}`, {
          cause: err,
        });
      }
      throw err;
    }
  }

  /** The acquisition decision (correct design by default). */
  protected decide(record: IdempotencyRecord | undefined, request: AcquireRequest, now: number): Decision {
    return decide(record, request, now);
  }

  /** Whether the lease still owns the record: the fencing check at commit. */
  protected holdsLock(record: IdempotencyRecord | undefined, lease: Lease): boolean {
    return record !== undefined && record.status === 'pending' && record.lockToken === lease.token;
  }

  /** The committed step a new lock holder resumes after. */
  protected resumeFrom(record: IdempotencyRecord): number {
    return record.progress;
  }

  /** Read the record as the acquisition sees it (the primary, by default). */
  protected readForAcquire(user: string, key: string): IdempotencyRecord | undefined {
    return this.get(user, key);
  }

  get(user: string, key: string): IdempotencyRecord | undefined {
    const row = this.stmt.select.get(user, key);
    return row === undefined ? undefined : toRecord(row);
  }

  /** Every record, ordered by user then key (for observation in tests and tools). */
  all(): IdempotencyRecord[] {
    return this.stmt.all.all().map(toRecord);
  }

  protected writePending(
    request: AcquireRequest,
    previous: IdempotencyRecord | undefined,
    now: number,
  ): Lease {
    const token = randomUUID();
    const keep = previous !== undefined && previous.expiresAt > now;
    const progress = keep ? this.resumeFrom(previous) : 0;
    this.stmt.writePending.run({
      ...request,
      createdAt: keep ? previous.createdAt : now,
      expiresAt: keep ? previous.expiresAt : now + this.retentionMs,
      lockedUntil: now + this.lockTtlMs,
      token,
      progress,
    });
    return { user: request.user, key: request.key, token, progress };
  }

  async acquire(request: AcquireRequest): Promise<AcquireOutcome> {
    return this.immediate(() => this.acquireInTransaction(request));
  }

  protected acquireInTransaction(request: AcquireRequest): AcquireOutcome {
    const now = this.now();
    const record = this.readForAcquire(request.user, request.key);
    const decision = this.decide(record, request, now);
    switch (decision.kind) {
      case 'insert':
        return { kind: 'acquired', lease: this.writePending(request, undefined, now), takeover: false };
      case 'takeover':
        return { kind: 'acquired', lease: this.writePending(request, record, now), takeover: true };
      case 'replay':
        if (record?.response === undefined) throw new Error('replayable record without a response');
        return { kind: 'replay', response: record.response };
      case 'in-progress':
        return { kind: 'in-progress', retryAfterSeconds: decision.retryAfterSeconds };
      case 'mismatch':
        return { kind: 'mismatch' };
    }
  }

  async commitStep(lease: Lease, step: number, effect: Effect): Promise<boolean> {
    return this.immediate(() => {
      if (!this.holdsLock(this.get(lease.user, lease.key), lease)) return false;
      runEffect(this.db, effect);
      this.stmt.progress.run({ user: lease.user, key: lease.key, step });
      return true;
    });
  }

  async complete(lease: Lease, completion: Completion, effect?: Effect): Promise<boolean> {
    return this.immediate(() => {
      if (!this.holdsLock(this.get(lease.user, lease.key), lease)) return false;
      if (effect !== undefined) runEffect(this.db, effect);
      this.finish(lease, completion);
      return true;
    });
  }

  protected finish(lease: Pick<Lease, 'user' | 'key'>, completion: Completion): void {
    this.stmt.finish.run({
      user: lease.user,
      key: lease.key,
      status: completion.status,
      responseStatus: completion.response.status,
      headers: JSON.stringify(completion.response.headers),
      body: completion.response.body,
    });
  }

  cleanup(): number {
    return this.immediate(() => this.stmt.cleanup.run({ now: this.now() }).changes);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
