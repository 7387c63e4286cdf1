import { afterEach, describe, expect, it } from 'vitest';
import {
  countEffects,
  createIdempotencyMiddleware,
  createLedger,
  type Handler,
  SqliteIdempotencyStore,
  transferHandler,
  twoStepHandler,
} from '../../../src/impl/idempotency/index.js';
import { gate, ManualClock, newKey, transferRequest } from './helpers.js';

describe('idempotency middleware', () => {
  const clock = new ManualClock();
  let store: SqliteIdempotencyStore;
  const setup = (lockTtlMs = 30_000) => {
    store = new SqliteIdempotencyStore({ path: ':memory:', now: clock.now, lockTtlMs });
    createLedger(store.db);
    return createIdempotencyMiddleware(store);
  };
  afterEach(() => store?.close());

  it('rejects a mutating request without a key, or with a malformed key, with 400 and no effect', async () => {
    const process = setup();
    expect((await process(transferRequest('alice', undefined), transferHandler())).status).toBe(400);
    expect((await process(transferRequest('alice', 'abc'), transferHandler())).status).toBe(400);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM transfers').get()).toEqual({ n: 0 });
  });

  it('runs the effect once and replays the same response with Idempotent-Replayed', async () => {
    const process = setup();
    const key = newKey();
    const first = await process(transferRequest('alice', key), transferHandler());
    const second = await process(transferRequest('alice', key), transferHandler());
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(countEffects(store.db, 'alice', key)).toBe(1);
  });

  it('answers 409 with Retry-After while the first request is still running', async () => {
    const process = setup(3000);
    const key = newKey();
    const hold = gate();
    const first = process(transferRequest('alice', key), transferHandler({ beforeCommit: hold.wait }));
    const concurrent = await process(transferRequest('alice', key), transferHandler());
    expect(concurrent.status).toBe(409);
    expect(concurrent.headers['retry-after']).toBe('3');
    hold.open();
    expect((await first).status).toBe(201);
    expect(countEffects(store.db, 'alice', key)).toBe(1);
  });

  it('answers 422 when the key is reused with a different body', async () => {
    const process = setup();
    const key = newKey();
    await process(transferRequest('alice', key, { amount: 10, to: 'bob' }), transferHandler());
    const other = await process(transferRequest('alice', key, { amount: 99, to: 'bob' }), transferHandler());
    expect(other.status).toBe(422);
    expect(countEffects(store.db, 'alice', key)).toBe(1);
  });

  it('caches a 4xx: the retry gets the same error even if it would now succeed', async () => {
    const process = setup();
    const key = newKey();
    let reject = true;
    const flaky: Handler = async (request, context) =>
      reject ? { status: 403, body: 'limit exceeded' } : transferHandler()(request, context);
    const first = await process(transferRequest('alice', key), flaky);
    reject = false;
    const retry = await process(transferRequest('alice', key), flaky);
    expect(first.status).toBe(403);
    expect(retry.status).toBe(403);
    expect(retry.body.toString()).toBe('limit exceeded');
    expect(countEffects(store.db, 'alice', key)).toBe(0);
  });

  it('never caches a 5xx: the retry runs the handler again and succeeds once', async () => {
    const process = setup();
    const key = newKey();
    let fail = true;
    const flaky: Handler = async (request, context) => {
      if (fail) throw new Error('downstream timeout');
      return transferHandler()(request, context);
    };
    expect((await process(transferRequest('alice', key), flaky)).status).toBe(500);
    expect(store.get('alice', key)?.status).toBe('failed-retryable');
    fail = false;
    expect((await process(transferRequest('alice', key), flaky)).status).toBe(201);
    expect(countEffects(store.db, 'alice', key)).toBe(1);
  });

  it('fails closed with 503 when the store is down, without running the handler', async () => {
    const process = setup();
    let ran = false;
    store.db.close();
    const response = await process(transferRequest('alice', newKey()), async () => {
      ran = true;
      return { status: 201, body: 'ok' };
    });
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(ran).toBe(false);
  });

  it('a worker whose lock was taken over cannot apply its effect (fencing)', async () => {
    const process = setup(1000);
    const key = newKey();
    const hold = gate();
    const slow = process(transferRequest('alice', key), transferHandler({ beforeCommit: hold.wait }));
    clock.advance(1000);
    const successor = await process(transferRequest('alice', key), transferHandler());
    expect(successor.status).toBe(201);
    hold.open();
    expect((await slow).status).toBe(409);
    expect(countEffects(store.db, 'alice', key)).toBe(1);
  });

  it('resumes a multi-step workflow after the last committed step', async () => {
    const process = setup(1000);
    const key = newKey();
    const hold = gate();
    const reachedStep2 = gate();
    const stall = async () => {
      reachedStep2.open();
      await hold.wait();
    };
    const first = process(transferRequest('alice', key), twoStepHandler({ betweenSteps: stall }));
    await reachedStep2.wait(); // step 1 committed, then the worker stalls
    clock.advance(1000);
    const retry = await process(transferRequest('alice', key), twoStepHandler());
    expect(retry.status).toBe(201);
    expect(JSON.parse(retry.body.toString()).resumed).toBe(true);
    hold.open();
    expect((await first).status).toBe(409);
    expect(countEffects(store.db, 'alice', key, 'reserve')).toBe(1);
    expect(countEffects(store.db, 'alice', key, 'capture')).toBe(1);
  });

  it('lets safe methods through without a key', async () => {
    const process = setup();
    const response = await process(
      { method: 'GET', path: '/x', user: 'alice', headers: {}, body: '' },
      async () => ({
        status: 200,
        body: 'hello',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('hello');
  });
});
