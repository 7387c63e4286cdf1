/**
 * Shared types of the idempotency store: records, responses, and the
 * store interface the middleware relies on.
 */
import type Database from 'better-sqlite3';

export type RecordStatus = 'pending' | 'completed' | 'failed-retryable' | 'failed-permanent';

/** A response as it is sent and cached: status, headers and the exact body bytes. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One row of the idempotency table, scoped to (user, key). */
export interface IdempotencyRecord {
  user: string;
  key: string;
  method: string;
  path: string;
  fingerprint: string;
  status: RecordStatus;
  response?: StoredResponse;
  createdAt: number;
  expiresAt: number;
  lockedUntil: number;
  /** Fencing token: changes at every acquisition. */
  lockToken: string;
  /** Last committed workflow step (the recovery point); 0 before any. */
  progress: number;
}

/** What a request brings to the acquisition. */
export interface AcquireRequest {
  user: string;
  key: string;
  method: string;
  path: string;
  fingerprint: string;
}

/** Proof of holding the lock on (user, key): the fencing token and where to resume. */
export interface Lease {
  user: string;
  key: string;
  token: string;
  /** Steps up to this one are already committed; a takeover resumes after it. */
  progress: number;
}

export type AcquireOutcome =
  | { kind: 'acquired'; lease: Lease; takeover: boolean }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in-progress'; retryAfterSeconds: number }
  | { kind: 'mismatch' };

/**
 * What an effect may return: anything but a promise. An effect runs inside
 * the commit transaction; code after an `await` would run after the commit,
 * outside the fence, so `async` effects are refused by the compiler (and by
 * the store at run time, for callers the compiler does not see).
 */
export type NotPromise =
  | undefined
  // biome-ignore lint/suspicious/noConfusingVoidType: a block-bodied effect returns void
  | void
  | null
  | string
  | number
  | boolean
  | bigint
  | (object & { then?: never });

/** A business effect, run synchronously inside the store's commit transaction. */
export type Effect = (db: Database.Database) => NotPromise;

/** How a finished request is recorded. */
export interface Completion {
  /** 'completed' for 2xx, 'failed-permanent' for cached 4xx, 'failed-retryable' for 5xx. */
  status: Exclude<RecordStatus, 'pending'>;
  response: StoredResponse;
}

export interface IdempotencyStore {
  /** The database the business tables live in (effects commit in its transactions). */
  readonly db: Database.Database;
  /** Atomically insert a pending record or decide on the existing one. */
  acquire(request: AcquireRequest): Promise<AcquireOutcome>;
  /**
   * Commit an intermediate workflow step with its effect, fenced by the lease.
   * Returns false (and applies nothing) when the lock was lost.
   */
  commitStep(lease: Lease, step: number, effect: Effect): Promise<boolean>;
  /**
   * Apply the final effect and record the completion in one transaction,
   * fenced by the lease. Returns false (and applies nothing) when the lock was lost.
   */
  complete(lease: Lease, completion: Completion, effect?: Effect): Promise<boolean>;
  /** The record for (user, key), if any. */
  get(user: string, key: string): IdempotencyRecord | undefined;
  /** Remove expired records, never a pending record with a live lock. Returns how many. */
  cleanup(): number;
  close(): void;
}

/**
 * Thrown by stores when the effect itself failed (a business constraint, a
 * bug, a promise returned): the transaction rolled back, the store is fine.
 * The message is the effect's own.
 */
export class EffectFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EffectFailedError';
  }
}

/** Thrown by stores when the database itself fails (locked, full, read-only, I/O, closed, file removed). */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
