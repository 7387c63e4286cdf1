/**
 * The one place the task manager meets the idempotency middleware
 * (src/impl/idempotency): every mutating task request runs through it,
 * scoped to the authenticated user.
 *
 * The middleware commits a handler's effect in the same transaction as the
 * idempotency record. So the handler first runs the command as a dry run (a
 * transaction rolled back) to learn the answer, and hands the real run over
 * as the effect; the effect runs the command again and refuses to commit if
 * the answer changed in between (a concurrent write), which the middleware
 * answers with a retryable 500. Refusals (4xx) write nothing and are cached
 * as they are.
 */
import type Database from 'better-sqlite3';
import {
  createIdempotencyMiddleware,
  type HandlerResult,
  SqliteIdempotencyStore,
  type StoredResponse,
} from '../idempotency/index.js';
import type { CommandResult } from './service.js';

export interface IdempotencyOptions {
  /** SQLite file shared by the idempotency records and the tasks (':memory:' for tests). */
  path: string;
  lockTtlMs?: number;
  now?: () => number;
}

/** What the HTTP layer gives: the request as the middleware fingerprints it, and the command to run. */
export interface MutatingRequest {
  method: string;
  path: string;
  user: string;
  headers: Record<string, string | undefined>;
  /** What identifies the request beyond method and path (body and If-Match). */
  fingerprint: unknown;
  run: () => CommandResult;
}

class AnswerChanged extends Error {
  constructor() {
    super('the task changed while the request was processed');
  }
}

const DRY_RUN = Symbol('dry run');

export function toResponse(result: CommandResult): HandlerResult {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (result.version !== undefined) headers.etag = `"${result.version}"`;
  return {
    status: result.status,
    headers,
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

export class IdempotentTasks {
  private readonly store: SqliteIdempotencyStore;
  private readonly process: ReturnType<typeof createIdempotencyMiddleware>;

  constructor(options: IdempotencyOptions) {
    this.store = new SqliteIdempotencyStore({
      path: options.path,
      ...(options.lockTtlMs !== undefined ? { lockTtlMs: options.lockTtlMs } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
    });
    this.process = createIdempotencyMiddleware(this.store);
  }

  /** The database the tasks live in: the idempotency store's, so that both commit together. */
  get db(): Database.Database {
    return this.store.db;
  }

  private dryRun(run: () => CommandResult): CommandResult {
    let result: CommandResult | undefined;
    try {
      this.db.transaction(() => {
        result = run();
        throw DRY_RUN;
      })();
    } catch (err) {
      if (err !== DRY_RUN) throw err;
    }
    return result!;
  }

  handle(request: MutatingRequest): Promise<StoredResponse> {
    const { run, fingerprint, ...rest } = request;
    return this.process({ ...rest, body: JSON.stringify(fingerprint ?? null) }, async () => {
      const answer = this.dryRun(run);
      const response = toResponse(answer);
      if (answer.status >= 300) return response;
      const expected = JSON.stringify(answer);
      return {
        ...response,
        effect: () => {
          if (JSON.stringify(run()) !== expected) throw new AnswerChanged();
        },
      };
    });
  }

  close(): void {
    this.store.close();
  }
}
