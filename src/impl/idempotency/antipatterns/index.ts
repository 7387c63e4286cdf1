/**
 * The thirteen classic ways to get idempotency wrong, as runnable variants
 * of the store and middleware. Never the default: they exist so tests and
 * demos can show each failure, and each matches a model of
 * specs/IdempotencyStore.tla (see specs/models.json).
 */

export { ambiguousStoreFailureMiddleware } from './ambiguous-store-failure.js';
export { ANTIPATTERNS, type AntipatternInfo } from './catalogue.js';
export { CheckThenActStore } from './check-then-act.js';
export { FailuresNotCachedStore } from './failures-not-cached.js';
export { NoFencingStore } from './no-fencing.js';
export { NoFingerprintStore } from './no-fingerprint.js';
export { NoInProgressStore } from './no-in-progress.js';
export { NoRecoveryStore } from './no-recovery.js';
export { NoWorkflowCorrelationStore } from './no-workflow-correlation.js';
export { optionalKeysMiddleware } from './optional-keys.js';
export { SeparateTransactionsStore } from './separate-transactions.js';
export { serverKeysMiddleware } from './server-keys.js';
export { shortRetentionStore } from './short-retention.js';
export { StaleReadStore } from './stale-reads.js';
