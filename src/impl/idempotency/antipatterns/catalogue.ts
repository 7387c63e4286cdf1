/** Each anti-pattern: its number, the spec variant and model that refutes it, and the broken property. */
export interface AntipatternInfo {
  number: number;
  variant: string;
  model: string;
  violated: string;
  summary: string;
}

export const ANTIPATTERNS: readonly AntipatternInfo[] = [
  {
    number: 1,
    variant: 'ServerKeys',
    model: 'idempotency-server-keys',
    violated: 'ResponseMatchesRequest',
    summary: 'server-generated keys from payload and time window',
  },
  {
    number: 2,
    variant: 'CheckThenAct',
    model: 'idempotency-check-then-act',
    violated: 'AtMostOnceEffect',
    summary: 'lookup and insert in separate steps',
  },
  {
    number: 3,
    variant: 'NoInProgress',
    model: 'idempotency-no-in-progress',
    violated: 'AtMostOnceEffect',
    summary: 'no in-progress marker',
  },
  {
    number: 4,
    variant: 'OptionalKeys',
    model: 'idempotency-optional-keys',
    violated: 'AtMostOnceEffect',
    summary: 'optional idempotency keys',
  },
  {
    number: 5,
    variant: 'FailuresNotCached',
    model: 'idempotency-failures-not-cached',
    violated: 'SameResponse',
    summary: '4xx responses not cached',
  },
  {
    number: 6,
    variant: 'StaleReads',
    model: 'idempotency-stale-reads',
    violated: 'AtMostOnceEffect',
    summary: 'no compare-and-set, stale reads',
  },
  {
    number: 7,
    variant: 'NoRecovery',
    model: 'idempotency-no-recovery',
    violated: 'NoKeyBlockedForever',
    summary: 'orphaned pending record never recovered',
  },
  {
    number: 8,
    variant: 'NoFingerprint',
    model: 'idempotency-no-fingerprint',
    violated: 'ResponseMatchesRequest',
    summary: 'no request fingerprint',
  },
  {
    number: 9,
    variant: 'AmbiguousStoreFailure',
    model: 'idempotency-ambiguous-store-failure',
    violated: 'ResponseMatchesRequest',
    summary: 'store failure answered as success',
  },
  {
    number: 10,
    variant: 'SeparateTransactions',
    model: 'idempotency-separate-transactions',
    violated: 'AtMostOnceEffect',
    summary: 'effect and record in separate transactions',
  },
  {
    number: 11,
    variant: 'ShortRetention',
    model: 'idempotency-short-retention',
    violated: 'AtMostOnceEffect',
    summary: 'retention shorter than the retry window',
  },
  {
    number: 12,
    variant: 'NoWorkflowCorrelation',
    model: 'idempotency-no-workflow-correlation',
    violated: 'AtMostOnceEffect',
    summary: 'no correlation across workflow steps',
  },
  {
    number: 13,
    variant: 'NoFencing',
    model: 'idempotency-no-fencing',
    violated: 'AtMostOnceEffect',
    summary: 'lock expiry without a fencing token',
  },
];
