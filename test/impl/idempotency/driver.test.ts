/**
 * The step-by-step driver replays counterexample-shaped scenarios against
 * the implementation: the same steps that break a variant leave the
 * correct store with one effect and consistent responses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ambiguousStoreFailureMiddleware,
  NoFencingStore,
  NoWorkflowCorrelationStore,
} from '../../../src/impl/idempotency/antipatterns/index.js';
import {
  createLedger,
  RequestDriver,
  SqliteIdempotencyStore,
  type SqliteStoreOptions,
} from '../../../src/impl/idempotency/index.js';
import { ManualClock } from './helpers.js';

const stores: SqliteIdempotencyStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function rig(
  make: (options: SqliteStoreOptions) => SqliteIdempotencyStore,
  extra: Partial<ConstructorParameters<typeof RequestDriver>[0]> = {},
) {
  const clock = new ManualClock();
  const store = make({ path: ':memory:', now: clock.now, lockTtlMs: 1000 });
  createLedger(store.db);
  stores.push(store);
  return new RequestDriver({ store, clock, tickMs: 1000, ...extra });
}
const correct = (o: SqliteStoreOptions) => new SqliteIdempotencyStore(o);

describe('RequestDriver', () => {
  it('slow worker, lock expiry, successor: one effect with fencing, two without', async () => {
    for (const [make, expected] of [
      [correct, 1],
      [(o: SqliteStoreOptions) => new NoFencingStore(o), 2],
    ] as const) {
      const d = rig(make);
      expect((await d.receive('w1', 'alice', 'k1', 'p1')).kind).toBe('running');
      d.tick();
      expect((await d.receive('w2', 'alice', 'k1', 'p1')).kind).toBe('running');
      await d.finish('w1', 'ok');
      await d.finish('w2', 'ok');
      expect(d.observe().effects).toEqual([{ user: 'alice', key: 'k1', step: 1, count: expected }]);
    }
  });

  it('observes records, effects and responses in the shape of the spec variables', async () => {
    const d = rig(correct);
    await d.receive('w1', 'alice', 'k1', 'p1');
    expect(d.observe().records).toMatchObject([
      { user: 'alice', key: 'k1', status: 'pending', payload: 'p1' },
    ]);
    expect((await d.receive('w2', 'alice', 'k1', 'p1')).kind).toBe('answered'); // 409, not final
    d.crash('w1');
    d.tick();
    await d.receive('w2', 'alice', 'k1', 'p1'); // takeover
    expect((await d.finish('w2', 'rejected'))?.status).toBe(400);
    const replay = await d.receive('w1', 'alice', 'k1', 'p1');
    expect(replay.kind === 'answered' && replay.response.status).toBe(400);
    const seen = d.observe();
    expect(seen.records).toMatchObject([
      { status: 'failed-permanent', code: 400, body: { user: 'alice', key: 'k1', payload: 'p1' } },
    ]);
    expect(seen.effects).toEqual([]);
    expect(seen.responses).toEqual([
      {
        user: 'alice',
        key: 'k1',
        payload: 'p1',
        status: 400,
        body: { user: 'alice', key: 'k1', payload: 'p1' },
      },
      {
        user: 'alice',
        key: 'k1',
        payload: 'p1',
        status: 400,
        body: { user: 'alice', key: 'k1', payload: 'p1' },
      },
    ]);
  });

  it('drives workflows step by step: a retry after a failure resumes or restarts', async () => {
    for (const [make, expected] of [
      [correct, 1],
      [(o: SqliteStoreOptions) => new NoWorkflowCorrelationStore(o), 2],
    ] as const) {
      const d = rig(make, { steps: 2 });
      await d.receive('w1', 'alice', 'k1', 'p1');
      await d.commitStep('w1');
      expect((await d.finish('w1', 'error'))?.status).toBe(500);
      await d.receive('w1', 'alice', 'k1', 'p1');
      if (expected === 2) await d.commitStep('w1');
      await d.finish('w1', 'ok');
      const step1 = d.observe().effects.find((e) => e.step === 1);
      expect(step1?.count).toBe(expected);
    }
  });

  it('a store outage is a 503 by default and a bogus 200 with the ambiguous variant', async () => {
    expect((await rig(correct).storeFailure('alice', 'k1', 'p1')).status).toBe(503);
    const d = rig(correct, { middleware: ambiguousStoreFailureMiddleware });
    expect((await d.storeFailure('alice', 'k1', 'p1')).status).toBe(200);
    expect(d.observe().responses).toEqual([
      { user: 'alice', key: 'k1', payload: 'p1', status: 200, body: undefined },
    ]);
  });
});
