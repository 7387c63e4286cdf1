/**
 * Request processing with idempotency: the framework-agnostic middleware.
 *
 * A mutating request must carry an `Idempotency-Key` (a UUID chosen by the
 * client, one per intent). The store decides atomically whether this
 * request runs the handler, replays the cached response, waits (409) or is
 * refused (422). The handler's effect commits together with the record,
 * fenced by the lock token; store failures fail closed with 503.
 */
import {
  BodyTooDeepError,
  isValidIdempotencyKey,
  normalizeIdempotencyKey,
  requestFingerprint,
} from './fingerprint.js';
import { errorFields, type Logger } from './logger.js';
import { unsendableReason } from './response-check.js';
import { runEffect } from './store-failures.js';
import {
  type Effect,
  EffectFailedError,
  type IdempotencyStore,
  type Lease,
  type StoredResponse,
  StoreUnavailableError,
} from './types.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';

/** The parts of a request the middleware needs; header names are lower case. */
export interface IdempotentRequest {
  method: string;
  path: string;
  /** The authenticated user: records are scoped to (user, key). */
  user: string;
  headers: Record<string, string | undefined>;
  /** The body as text (UTF-8), for handlers. */
  body: string;
  /** The exact body bytes, when known: the fingerprint covers them, not their decoding. */
  rawBody?: Buffer;
}

export interface HandlerResult {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
  /** The business effect; it commits in the same transaction as the record. */
  effect?: Effect;
}

export interface HandlerContext {
  /** The idempotency key of this request (undefined for safe methods). */
  key?: string;
  /** Steps up to this one were committed by an earlier attempt. */
  resumeAfter: number;
  /**
   * Commit step `n` of a multi-step workflow with its effect, fenced by the
   * lock. Skipped when an earlier attempt already committed it.
   */
  step(n: number, effect: Effect): Promise<void>;
}

export type Handler = (request: IdempotentRequest, context: HandlerContext) => Promise<HandlerResult>;

export type ProcessRequest = (request: IdempotentRequest, handler: Handler) => Promise<StoredResponse>;

/** Raised inside a handler when its lock was taken over; the attempt is abandoned. */
export class LockLostError extends Error {
  constructor() {
    super('idempotency lock lost to another worker');
    this.name = 'LockLostError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): StoredResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify(value)),
  };
}

export function toStoredResponse(result: HandlerResult): StoredResponse {
  return {
    status: result.status,
    headers: { ...(result.headers ?? {}) },
    body: typeof result.body === 'string' ? Buffer.from(result.body) : result.body,
  };
}

export function storeUnavailable(): StoredResponse {
  return jsonResponse(503, { error: 'idempotency store unavailable' }, { 'retry-after': '1' });
}

/** The status a finished handler leaves the record in: 2xx completed, 4xx cached failure, 5xx retryable. */
export function completionStatus(status: number): 'completed' | 'failed-permanent' | 'failed-retryable' {
  if (status >= 500) return 'failed-retryable';
  if (status >= 400) return 'failed-permanent';
  return 'completed';
}

export interface MiddlewareOptions {
  /** Report unexpected handler errors (they are answered with 500). */
  onHandlerError?: (err: unknown) => void;
  /** Where store failures and handler errors are logged (none by default; the server passes stderr). */
  logger?: Logger;
  /** JSON bodies nested deeper are refused with 400 (default 256). */
  maxJsonDepth?: number;
}

function internalError(): StoredResponse {
  return jsonResponse(500, { error: 'internal error' });
}

export function createIdempotencyMiddleware(
  store: IdempotencyStore,
  options: MiddlewareOptions = {},
): ProcessRequest {
  return async (request, handler) => {
    const method = request.method.toUpperCase();
    if (SAFE_METHODS.has(method)) return runUnprotected(store, request, handler, options);

    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined || header === '')
      return jsonResponse(400, { error: 'Idempotency-Key header required' });
    if (!isValidIdempotencyKey(header)) return jsonResponse(400, { error: 'Idempotency-Key must be a UUID' });
    const key = normalizeIdempotencyKey(header);

    let fingerprint: string;
    try {
      fingerprint = requestFingerprint(
        method,
        request.path,
        request.rawBody ?? request.body,
        options.maxJsonDepth,
      );
    } catch (err) {
      if (err instanceof BodyTooDeepError) return jsonResponse(400, { error: err.message });
      throw err;
    }
    let outcome: Awaited<ReturnType<IdempotencyStore['acquire']>>;
    try {
      outcome = await store.acquire({ user: request.user, key, method, path: request.path, fingerprint });
    } catch (err) {
      if (err instanceof StoreUnavailableError) return reportStoreFailure(err, options);
      throw err;
    }
    switch (outcome.kind) {
      case 'replay':
        return {
          ...outcome.response,
          headers: { ...outcome.response.headers, [REPLAYED_HEADER]: 'true' },
        };
      case 'in-progress':
        return jsonResponse(
          409,
          { error: 'a request with this Idempotency-Key is in progress' },
          { 'retry-after': String(outcome.retryAfterSeconds) },
        );
      case 'mismatch':
        return jsonResponse(422, { error: 'Idempotency-Key reused with a different request' });
      case 'acquired':
        return runLocked(store, request, handler, key, outcome.lease, options);
    }
  };
}

/** Log a store failure for operators and answer 503 (fail closed: never "duplicate", never unprotected). */
function reportStoreFailure(err: StoreUnavailableError, options: MiddlewareOptions): StoredResponse {
  options.logger?.error('idempotency store unavailable', errorFields(err));
  return storeUnavailable();
}

function reportHandlerError(err: unknown, options: MiddlewareOptions): void {
  options.onHandlerError?.(err);
  options.logger?.error('request handler failed', errorFields(err));
}

async function runUnprotected(
  store: IdempotencyStore,
  request: IdempotentRequest,
  handler: Handler,
  options: MiddlewareOptions,
): Promise<StoredResponse> {
  const context: HandlerContext = {
    resumeAfter: 0,
    step: async (_n, effect) => {
      store.db.transaction(() => runEffect(store.db, effect)).immediate();
    },
  };
  const result = await handler(request, context);
  const response = toStoredResponse(result);
  const unsendable = unsendableReason(response);
  if (unsendable !== undefined) {
    reportHandlerError(new Error(`handler response cannot be sent: ${unsendable}`), options);
    return internalError();
  }
  if (result.effect !== undefined) {
    const effect = result.effect;
    store.db.transaction(() => runEffect(store.db, effect)).immediate();
  }
  return response;
}

function lockLost(): StoredResponse {
  return jsonResponse(409, { error: 'request taken over by another worker' }, { 'retry-after': '1' });
}

async function runLocked(
  store: IdempotencyStore,
  request: IdempotentRequest,
  handler: Handler,
  key: string,
  lease: Lease,
  options: MiddlewareOptions,
): Promise<StoredResponse> {
  const context: HandlerContext = {
    key,
    resumeAfter: lease.progress,
    step: async (n, effect) => {
      if (n <= lease.progress) return;
      if (!(await store.commitStep(lease, n, effect))) throw new LockLostError();
    },
  };
  try {
    let result: HandlerResult;
    try {
      result = await handler(request, context);
    } catch (err) {
      if (err instanceof LockLostError || err instanceof StoreUnavailableError) throw err;
      reportHandlerError(err, options);
      result = {
        status: 500,
        headers: { 'content-type': 'application/json' },
        body: '{"error":"internal error"}',
      };
    }
    let response = toStoredResponse(result);
    // Checked before the commit: a response that cannot be sent must not leave an effect behind.
    const unsendable = unsendableReason(response);
    if (unsendable !== undefined) {
      reportHandlerError(new Error(`handler response cannot be sent: ${unsendable}`), options);
      response = internalError();
    }
    const status = completionStatus(response.status);
    // 5xx is retryable: no effect, and the response is not replayed later.
    const effect = status === 'completed' ? result.effect : undefined;
    let committed: boolean;
    try {
      committed = await store.complete(lease, { status, response }, effect);
    } catch (err) {
      if (!(err instanceof EffectFailedError)) throw err;
      // The effect itself failed and rolled back: record a retryable failure, the key stays usable.
      reportHandlerError(err, options);
      const failed = internalError();
      await store.complete(lease, { status: 'failed-retryable', response: failed });
      return failed;
    }
    return committed ? response : lockLost();
  } catch (err) {
    if (err instanceof LockLostError) return lockLost();
    if (err instanceof StoreUnavailableError) return reportStoreFailure(err, options);
    throw err;
  }
}
