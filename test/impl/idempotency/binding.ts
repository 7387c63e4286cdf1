/**
 * The binding between specs/IdempotencyStore.tla and src/impl/idempotency:
 * each spec action becomes a RequestDriver call, and the implementation is
 * observed as the spec variables `records`, `effects`, `responses` and
 * `clock` (the bookkeeping variables are not observable and not compared).
 *
 * One clock tick is one second; the lock TTL and retention are the model's
 * LockTTL and Retention in seconds. Fencing tokens (UUIDs) are observed as
 * 1, 2, 3… in the order they first appear, like the spec's counter.
 *
 * `idempotencyBinding(constants, variant)` builds a binding for one model's
 * constants and one implementation: the correct one, or an anti-pattern
 * variant (to show that the variant does what the refuted model does).
 */
import type { Value } from '../../../src/check/value/index.js';
import {
  ambiguousStoreFailureMiddleware,
  CheckThenActStore,
  FailuresNotCachedStore,
  NoFencingStore,
  NoFingerprintStore,
  NoInProgressStore,
  NoRecoveryStore,
  NoWorkflowCorrelationStore,
  optionalKeysMiddleware,
  SeparateTransactionsStore,
  StaleReadStore,
  serverKeysMiddleware,
} from '../../../src/impl/idempotency/antipatterns/index.js';
import {
  createLedger,
  type DriverOptions,
  type Outcome,
  type Produced,
  RequestDriver,
  SqliteIdempotencyStore,
  type SqliteStoreOptions,
} from '../../../src/impl/idempotency/index.js';
import type { Binding } from '../../../src/mbt/index.js';
import { asString, defineBinding, tlaFcn, tlaRecord, tlaSeq, tlaSet } from '../../../src/mbt/index.js';
import { ManualClock } from './helpers.js';

export interface ModelConstants {
  users: string[];
  keys: string[];
  steps: number;
  lockTTL: number;
  retention: number;
}

/** The constants of specs/IdempotencyStore.cfg. */
export const CORRECT_MODEL: ModelConstants = {
  users: ['alice', 'bob'],
  keys: ['k1'],
  steps: 1,
  lockTTL: 1,
  retention: 2,
};

const TICK_MS = 1000;

interface Variant {
  store: (options: SqliteStoreOptions) => SqliteIdempotencyStore;
  middleware?: DriverOptions['middleware'];
  /** Connects the store's pause points to the driver. */
  wire?: (store: SqliteIdempotencyStore, driver: RequestDriver) => void;
  /** The variant's idempotency table does not have the spec's shape: do not compare `records`. */
  hideRecords?: boolean;
}

/** Implementations by spec `Variant` name. */
export const VARIANTS: Record<string, Variant> = {
  Correct: { store: (o) => new SqliteIdempotencyStore(o) },
  // Records live under derived keys; one window spans the whole model.
  ServerKeys: {
    store: (o) => new SqliteIdempotencyStore(o),
    middleware: (store) => serverKeysMiddleware(store, { windowMs: Number.MAX_SAFE_INTEGER }),
    hideRecords: true,
  },
  CheckThenAct: {
    store: (o) => new CheckThenActStore(o),
    wire: (store, driver) => {
      (store as CheckThenActStore).betweenLookupAndInsert = () => driver.pause();
    },
  },
  SeparateTransactions: {
    store: (o) => new SeparateTransactionsStore(o),
    wire: (store, driver) => {
      (store as SeparateTransactionsStore).betweenTransactions = () => driver.pause();
    },
  },
  NoInProgress: { store: (o) => new NoInProgressStore(o) },
  OptionalKeys: { store: (o) => new SqliteIdempotencyStore(o), middleware: optionalKeysMiddleware },
  FailuresNotCached: { store: (o) => new FailuresNotCachedStore(o) },
  // Its replica is in memory, not the spec's `replica` table: compare effects and responses only.
  StaleReads: { store: (o) => new StaleReadStore(o), hideRecords: true },
  NoRecovery: { store: (o) => new NoRecoveryStore(o) },
  NoFingerprint: { store: (o) => new NoFingerprintStore(o) },
  AmbiguousStoreFailure: {
    store: (o) => new SqliteIdempotencyStore(o),
    middleware: ambiguousStoreFailureMiddleware,
  },
  ShortRetention: { store: (o) => new SqliteIdempotencyStore(o) },
  NoWorkflowCorrelation: { store: (o) => new NoWorkflowCorrelationStore(o) },
  NoFencing: { store: (o) => new NoFencingStore(o) },
};

/** The system under test: the driver around a fresh in-memory store, and how tokens were numbered. */
export interface Sut {
  driver: RequestDriver;
  store: SqliteIdempotencyStore;
  clock: ManualClock;
  start: number;
  tokens: Map<string, number>;
}

const NO_BODY: Produced = { user: '', key: '', payload: '' };

function bodyValue(body: Produced | undefined): Value {
  const b = body ?? NO_BODY;
  return tlaRecord({ user: b.user, key: b.key, payload: b.payload });
}

/** Spec response codes: 200 for any 2xx, the status otherwise. */
function specCode(status: number): number {
  return status >= 200 && status < 300 ? 200 : status;
}

function observeRecords(sut: Sut, constants: ModelConstants): Value {
  const seen = new Map(sut.driver.observe().records.map((r) => [`${r.user}\u0000${r.key}`, r] as const));
  const ticks = (ms: number) => (ms === 0 ? 0 : (ms - sut.start) / TICK_MS);
  const entries: [Value, Value][] = [];
  for (const user of constants.users) {
    for (const key of constants.keys) {
      const r = seen.get(`${user}\u0000${key}`);
      let value: Value;
      if (r === undefined) {
        value = tlaRecord({
          status: 'absent',
          fp: '',
          code: 0,
          body: bodyValue(undefined),
          token: 0,
          lockedUntil: 0,
          createdAt: 0,
          progress: 0,
        });
      } else {
        if (r.lockToken !== '' && !sut.tokens.has(r.lockToken))
          sut.tokens.set(r.lockToken, sut.tokens.size + 1);
        const cached = r.status === 'completed' || r.status === 'failed-permanent';
        value = tlaRecord({
          status: r.status,
          fp: r.payload,
          code: cached && r.code !== undefined ? specCode(r.code) : 0,
          body: bodyValue(cached ? r.body : undefined),
          token: sut.tokens.get(r.lockToken) ?? 0,
          lockedUntil: ticks(r.lockedUntil),
          createdAt: ticks(r.createdAt),
          progress: r.progress,
        });
      }
      entries.push([tlaSeq([user, key]), value]);
    }
  }
  return tlaFcn(entries);
}

function observeEffects(sut: Sut, constants: ModelConstants): Value {
  const counts = new Map(
    sut.driver.observe().effects.map((e) => [`${e.user}\u0000${e.key}\u0000${e.step}`, e.count]),
  );
  const entries: [Value, Value][] = [];
  for (const user of constants.users) {
    for (const key of constants.keys) {
      for (let step = 1; step <= constants.steps; step++) {
        entries.push([tlaSeq([user, key, step]), counts.get(`${user}\u0000${key}\u0000${step}`) ?? 0]);
      }
    }
  }
  return tlaFcn(entries);
}

function observeResponses(sut: Sut): Value {
  return tlaSet(
    sut.driver.observe().responses.map((r) =>
      tlaRecord({
        user: r.user,
        key: r.key,
        payload: r.payload,
        code: specCode(r.status),
        body: bodyValue(r.body),
      }),
    ),
  );
}

export function idempotencyBinding(constants: ModelConstants, variantName = 'Correct'): Binding<Sut> {
  const variant = VARIANTS[variantName];
  if (variant === undefined) throw new Error(`no implementation bound for variant ${variantName}`);
  return defineBinding<Sut>({
    name: `idempotency-${variantName}`,
    create() {
      const clock = new ManualClock();
      const store = variant.store({
        path: ':memory:',
        now: clock.now,
        lockTtlMs: constants.lockTTL * TICK_MS,
        retentionMs: constants.retention * TICK_MS,
      });
      createLedger(store.db);
      const driver = new RequestDriver({
        store,
        clock,
        tickMs: TICK_MS,
        steps: constants.steps,
        ...(variant.middleware ? { middleware: variant.middleware } : {}),
      });
      variant.wire?.(store, driver);
      return { driver, store, clock, start: clock.t, tokens: new Map() };
    },
    dispose(sut) {
      sut.store.close();
    },
    actions: {
      Receive: async (sut, p) => {
        await sut.driver.receive(asString(p.w), asString(p.u), asString(p.k), asString(p.p));
      },
      ReceiveWithoutKey: async (sut, p) => {
        await sut.driver.receive(asString(p.w), asString(p.u), asString(p.k), asString(p.p), false);
      },
      StoreFailure: async (sut, p) => {
        await sut.driver.storeFailure(asString(p.u), asString(p.k), asString(p.p));
      },
      Process: async (sut, p) => {
        await sut.driver.finish(asString(p.w), asString(p.outcome) as Outcome);
      },
      CommitStep: async (sut, p) => {
        await sut.driver.commitStep(asString(p.w));
      },
      Crash: (sut, p) => sut.driver.crash(asString(p.w)),
      Tick: (sut) => sut.driver.tick(),
      Expire: (sut) => {
        sut.driver.cleanup();
      },
      Insert: async (sut, p) => {
        await sut.driver.resume(asString(p.w));
      },
      RecordCompletion: async (sut, p) => {
        await sut.driver.resume(asString(p.w));
      },
      Replicate: (sut) => {
        (sut.store as StaleReadStore).replicate();
      },
    },
    observe(sut) {
      const observed: Record<string, Value> = {
        effects: observeEffects(sut, constants),
        responses: observeResponses(sut),
        clock: (sut.clock.t - sut.start) / TICK_MS,
      };
      if (!variant.hideRecords) observed.records = observeRecords(sut, constants);
      return observed;
    },
  });
}

export default idempotencyBinding(CORRECT_MODEL);
