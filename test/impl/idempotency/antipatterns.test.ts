/**
 * Each anti-pattern variant reproduces its failure: these tests assert the
 * bad outcome happens (the same scenario passes against the correct store
 * in middleware.test.ts and sqlite-store.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ANTIPATTERNS,
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
  shortRetentionStore,
} from '../../../src/impl/idempotency/antipatterns/index.js';
import {
  countAllEffects,
  countEffects,
  createIdempotencyMiddleware,
  createLedger,
  type Handler,
  type IdempotencyStore,
  type ProcessRequest,
  SqliteIdempotencyStore,
  transferHandler,
  twoStepHandler,
} from '../../../src/impl/idempotency/index.js';
import { gate, ManualClock, newKey, transferRequest } from './helpers.js';

const clock = new ManualClock();
let opened: IdempotencyStore[] = [];
afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

function use<S extends IdempotencyStore>(store: S): { store: S; process: ProcessRequest } {
  createLedger(store.db);
  opened.push(store);
  return { store, process: createIdempotencyMiddleware(store) };
}
const options = (lockTtlMs = 1000) => ({ path: ':memory:', now: clock.now, lockTtlMs });

describe('anti-patterns, each reproduced against its implementation variant', () => {
  it('the catalogue lists all thirteen with their refuting model', () => {
    expect(ANTIPATTERNS.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('1. server-generated keys: a second, legitimate identical transfer is swallowed', async () => {
    const { store } = use(new SqliteIdempotencyStore(options()));
    const process = serverKeysMiddleware(store, { now: clock.now });
    const first = await process(transferRequest('alice', newKey()), transferHandler());
    const second = await process(transferRequest('alice', newKey()), transferHandler()); // another intent
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.equals(first.body)).toBe(true); // the response of the other intent
    expect(countAllEffects(store.db)).toBe(1); // the user asked for two transfers
  });

  it('2. check-then-act: both requests see "absent" and both run the effect', async () => {
    const { store, process } = use(new CheckThenActStore(options()));
    const key = newKey();
    const firstDone = gate();
    let lookups = 0;
    store.betweenLookupAndInsert = async () => {
      if (++lookups === 2) await firstDone.wait(); // the second request looked before the first inserted
    };
    const handler = transferHandler();
    const first = process(transferRequest('alice', key), handler);
    const second = process(transferRequest('alice', key), handler);
    await first;
    firstDone.open();
    expect((await first).status).toBe(201);
    expect((await second).status).toBe(201);
    expect(countEffects(store.db, 'alice', key)).toBe(2);
  });

  it('3. no in-progress marker: a retry during processing runs the effect again', async () => {
    const { store, process } = use(new NoInProgressStore(options()));
    const key = newKey();
    const hold = gate();
    const first = process(transferRequest('alice', key), transferHandler({ beforeCommit: hold.wait }));
    const retry = await process(transferRequest('alice', key), transferHandler());
    expect(retry.status).toBe(201); // not 409
    hold.open();
    await first;
    expect(countEffects(store.db, 'alice', key)).toBe(2);
  });

  it('4. optional keys: a request retried without a key runs twice', async () => {
    const { store } = use(new SqliteIdempotencyStore(options()));
    const process = optionalKeysMiddleware(store);
    expect((await process(transferRequest('alice', undefined), transferHandler())).status).toBe(201);
    expect((await process(transferRequest('alice', undefined), transferHandler())).status).toBe(201);
    expect(countAllEffects(store.db)).toBe(2);
  });

  it('5. failures not cached: the retry of a 4xx succeeds, one key gets two answers', async () => {
    const { process } = use(new FailuresNotCachedStore(options()));
    const key = newKey();
    let overLimit = true;
    const handler: Handler = async (request, context) =>
      overLimit ? { status: 403, body: 'limit exceeded' } : transferHandler()(request, context);
    const first = await process(transferRequest('alice', key), handler);
    overLimit = false;
    const retry = await process(transferRequest('alice', key), handler);
    expect(first.status).toBe(403);
    expect(retry.status).toBe(201);
  });

  it('6. stale reads without compare-and-set: both requests see "absent" and both commit', async () => {
    const { store, process } = use(new StaleReadStore(options()));
    const key = newKey();
    expect((await process(transferRequest('alice', key), transferHandler())).status).toBe(201);
    const retry = await process(transferRequest('alice', key), transferHandler()); // replica not caught up
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(countEffects(store.db, 'alice', key)).toBe(2);
    store.replicate();
    const late = await process(transferRequest('alice', key), transferHandler());
    expect(late.headers['idempotent-replayed']).toBe('true');
  });

  it('7. no recovery: after a crash mid-request the key stays blocked with 409', async () => {
    const { store, process } = use(new NoRecoveryStore(options(1000)));
    const key = newKey();
    const inHandler = gate();
    const dies = () => {
      inHandler.open();
      return new Promise<void>(() => {}); // the worker crashes here and never answers
    };
    void process(transferRequest('alice', key), transferHandler({ beforeCommit: dies }));
    await inHandler.wait();
    clock.advance(60 * 60 * 1000); // an hour later, long past the lock
    for (let i = 0; i < 3; i++) {
      expect((await process(transferRequest('alice', key), transferHandler())).status).toBe(409);
    }
    expect(countEffects(store.db, 'alice', key)).toBe(0);
  });

  it('8. no fingerprint: the same key with another amount replays the first amount', async () => {
    const { store, process } = use(new NoFingerprintStore(options()));
    const key = newKey();
    await process(transferRequest('alice', key, { amount: 10, to: 'bob' }), transferHandler());
    const other = await process(transferRequest('alice', key, { amount: 99, to: 'bob' }), transferHandler());
    expect(other.status).toBe(201); // not 422
    expect(JSON.parse(other.body.toString()).amount).toBe(10);
    expect(countEffects(store.db, 'alice', key)).toBe(1);
  });

  it('9. ambiguous store failure: the store is down, the client is told 200 and nothing ran', async () => {
    const { store } = use(new SqliteIdempotencyStore(options()));
    const process = ambiguousStoreFailureMiddleware(store);
    let ran = false;
    store.db.close();
    const response = await process(transferRequest('alice', newKey()), async (request, context) => {
      ran = true;
      return transferHandler()(request, context);
    });
    expect(response.status).toBe(200);
    expect(ran).toBe(false);
  });

  it('10. separate transactions: a crash between effect and record duplicates the effect on retry', async () => {
    const { store, process } = use(new SeparateTransactionsStore(options(1000)));
    const key = newKey();
    const betweenTransactions = gate();
    store.betweenTransactions = () => {
      betweenTransactions.open();
      return new Promise(() => {}); // the worker dies here: never resumes
    };
    void process(transferRequest('alice', key), transferHandler());
    await betweenTransactions.wait();
    expect(countEffects(store.db, 'alice', key)).toBe(1);
    expect(store.get('alice', key)?.status).toBe('pending');
    store.betweenTransactions = async () => {};
    clock.advance(1000);
    expect((await process(transferRequest('alice', key), transferHandler())).status).toBe(201);
    expect(countEffects(store.db, 'alice', key)).toBe(2);
  });

  it('11. retention shorter than the retry window: a late retry runs the effect again', async () => {
    const { store, process } = use(shortRetentionStore({ ...options(), clientRetryWindowMs: 60_000 }));
    const key = newKey();
    await process(transferRequest('alice', key), transferHandler());
    clock.advance(30_000); // still inside the client's retry window
    store.cleanup();
    const late = await process(transferRequest('alice', key), transferHandler());
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    expect(countEffects(store.db, 'alice', key)).toBe(2);
  });

  it('12. no workflow correlation: retrying after step 1 re-runs step 1', async () => {
    const { store, process } = use(new NoWorkflowCorrelationStore(options(1000)));
    const key = newKey();
    const reached = gate();
    void process(
      transferRequest('alice', key),
      twoStepHandler({
        betweenSteps: () => {
          reached.open();
          return new Promise(() => {}); // the worker dies after step 1
        },
      }),
    );
    await reached.wait();
    clock.advance(1000);
    expect((await process(transferRequest('alice', key), twoStepHandler())).status).toBe(201);
    expect(countEffects(store.db, 'alice', key, 'reserve')).toBe(2);
  });

  it('13. no fencing token: the slow worker and its successor both apply the effect', async () => {
    const { store, process } = use(new NoFencingStore(options(1000)));
    const key = newKey();
    const hold = gate();
    const slow = process(transferRequest('alice', key), transferHandler({ beforeCommit: hold.wait }));
    clock.advance(1000);
    expect((await process(transferRequest('alice', key), transferHandler())).status).toBe(201);
    hold.open();
    expect((await slow).status).toBe(201);
    expect(countEffects(store.db, 'alice', key)).toBe(2);
  });
});
