export {
  type Authenticator,
  bearerTokenAuthenticator,
  issueToken,
  MIN_SECRET_BYTES,
  type TokenClaims,
  verifyToken,
} from './auth.js';
export { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES } from './body-reader.js';
export { type CanonicalJson, canonicalizeJson, DEFAULT_MAX_JSON_DEPTH } from './canonical-json.js';
export { DEFAULT_CLEANUP_INTERVAL_MS, scheduleCleanup } from './cleanup-schedule.js';
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
export {
  BodyTooDeepError,
  canonicalJson,
  isValidIdempotencyKey,
  normalizeIdempotencyKey,
  requestFingerprint,
} from './fingerprint.js';
export { closeServer, createIdempotentServer, type IdempotentServerOptions, listen } from './http-server.js';
export { countAllEffects, countEffects, createLedger, transferHandler, twoStepHandler } from './ledger.js';
export { errorFields, type Logger, stderrLogger } from './logger.js';
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
export { unsendableReason } from './response-check.js';
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
  NotPromise,
  RecordStatus,
  StoredResponse,
} from './types.js';
export { EffectFailedError, StoreUnavailableError } from './types.js';
