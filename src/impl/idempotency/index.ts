export {
  backoffDelay,
  type ClientOptions,
  type ClientResponse,
  IdempotentClient,
  isRetryableStatus,
  RetriesExhaustedError,
  retryAfterMs,
} from './client.js';
export { type Decision, decide, isLocked } from './decision.js';
export {
  type DriverOptions,
  type Observation,
  type ObservedRecord,
  type ObservedResponse,
  type Outcome,
  type Produced,
  type ReceiveResult,
  RequestDriver,
} from './driver.js';
export { canonicalJson, isValidIdempotencyKey, requestFingerprint } from './fingerprint.js';
export {
  closeServer,
  createIdempotentServer,
  type IdempotentServerOptions,
  listen,
  USER_HEADER,
} from './http-server.js';
export { countAllEffects, countEffects, createLedger, transferHandler, twoStepHandler } from './ledger.js';
export {
  completionStatus,
  createIdempotencyMiddleware,
  type Handler,
  type HandlerContext,
  type HandlerResult,
  IDEMPOTENCY_KEY_HEADER,
  type IdempotentRequest,
  jsonResponse,
  LockLostError,
  type MiddlewareOptions,
  type ProcessRequest,
  REPLAYED_HEADER,
} from './middleware.js';
export {
  DEFAULT_LOCK_TTL_MS,
  DEFAULT_RETENTION_MS,
  isDatabaseFailure,
  openDatabase,
  SqliteIdempotencyStore,
  type SqliteStoreOptions,
} from './sqlite-store.js';
export type {
  AcquireOutcome,
  AcquireRequest,
  Completion,
  Effect,
  IdempotencyRecord,
  IdempotencyStore,
  Lease,
  RecordStatus,
  StoredResponse,
} from './types.js';
export { StoreUnavailableError } from './types.js';
