/** The thirteen anti-patterns: number, what goes wrong, and the export that implements it. */
export interface AntipatternInfo {
  number: number;
  summary: string;
  /** Name of the export in ./index.ts. */
  implementation: string;
  /** What a user of that variant observes. */
  failure: string;
}

export const ANTIPATTERNS: readonly AntipatternInfo[] = [
  {
    number: 1,
    summary: 'server-generated keys from payload and time window',
    implementation: 'serverKeysMiddleware',
    failure: 'a second legitimate identical operation gets the first one’s response',
  },
  {
    number: 2,
    summary: 'check-then-act: lookup and insert in separate steps',
    implementation: 'CheckThenActStore',
    failure: 'two concurrent requests both run the effect',
  },
  {
    number: 3,
    summary: 'no in-progress handling',
    implementation: 'NoInProgressStore',
    failure: 'a retry during processing runs the effect again',
  },
  {
    number: 4,
    summary: 'optional idempotency keys',
    implementation: 'optionalKeysMiddleware',
    failure: 'a retried request without a key runs twice',
  },
  {
    number: 5,
    summary: 'failures not cached',
    implementation: 'FailuresNotCachedStore',
    failure: 'a retry of a 4xx succeeds later: two answers for one key',
  },
  {
    number: 6,
    summary: 'no atomic compare-and-set, stale reads',
    implementation: 'StaleReadStore',
    failure: 'both requests see "absent" and both apply the effect',
  },
  {
    number: 7,
    summary: 'orphaned pending record, no recovery',
    implementation: 'NoRecoveryStore',
    failure: 'after a crash the key answers 409 forever',
  },
  {
    number: 8,
    summary: 'no request fingerprint',
    implementation: 'NoFingerprintStore',
    failure: 'the same key with another payload replays the first payload’s response',
  },
  {
    number: 9,
    summary: 'ambiguous store failures',
    implementation: 'ambiguousStoreFailureMiddleware',
    failure: 'a store outage is answered 200 although nothing ran',
  },
  {
    number: 10,
    summary: 'effect and record in separate transactions',
    implementation: 'SeparateTransactionsStore',
    failure: 'a crash between them duplicates the effect on retry',
  },
  {
    number: 11,
    summary: 'retention shorter than the retry window',
    implementation: 'shortRetentionStore',
    failure: 'a late retry runs the effect again',
  },
  {
    number: 12,
    summary: 'no correlation across a multi-step workflow',
    implementation: 'NoWorkflowCorrelationStore',
    failure: 'retrying step 2 re-runs step 1',
  },
  {
    number: 13,
    summary: 'lock expiry without a fencing token',
    implementation: 'NoFencingStore',
    failure: 'a slow worker and its successor both apply the effect',
  },
];
