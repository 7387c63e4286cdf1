/**
 * Effects that go wrong: a promise-returning effect (issue 13, point 2) and
 * a business constraint violated by the effect (point 4). Neither is a
 * store failure, neither may commit, and neither may lock the key.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countEffects,
  type Effect,
  type Handler,
  transferHandler,
} from '../../../src/impl/idempotency/index.js';
import { newKey } from './helpers.js';
import { startServer, type TestServer } from './http-fixture.js';

const insertTransfer = (db: Parameters<Effect>[0], user: string, key: string | undefined, id: string) =>
  db
    .prepare(
      "INSERT INTO transfers (id, user_id, idem_key, step, amount, recipient) VALUES (?, ?, ?, 'transfer', 1, 'x')",
    )
    .run(id, user, key ?? null);

describe('effects that fail', () => {
  let server: TestServer;
  let afterAwaitRan = 0;
  beforeAll(async () => {
    // The part before the await runs inside the transaction; the part after it would run after the commit.
    const asyncEffect: Handler = async (request, context) => ({
      status: 201,
      body: '{}',
      effect: (async (db: Parameters<Effect>[0]) => {
        insertTransfer(db, request.user, context.key, randomUUID());
        await Promise.resolve();
        afterAwaitRan++;
        throw new Error('thrown after the commit');
      }) as unknown as Effect,
    });
    // Every transfer to the same id: the second intent violates the business table's primary key.
    const fixedId: Handler = async (request, context) => ({
      status: 201,
      body: '{}',
      effect: (db) => insertTransfer(db, request.user, context.key, 'the-one-id'),
    });
    server = await startServer({
      'POST /async': asyncEffect,
      'POST /fixed-id': fixedId,
      'POST /transfers': transferHandler(),
    });
  });
  afterAll(() => server.close());

  it('the compiler refuses an async effect', () => {
    // @ts-expect-error an effect must not return a promise
    const refused: Effect = async () => {};
    expect(typeof refused).toBe('function');
  });

  it('a promise-returning effect is refused at run time: 500, nothing committed, the server survives', async () => {
    const key = newKey();
    const answer = await server.post('/async', 'alice', key, '{}');
    expect(answer.status).toBe(500);
    expect(countEffects(server.store.db, 'alice', key)).toBe(0);
    expect(server.store.get('alice', key)?.status).toBe('failed-retryable');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(afterAwaitRan).toBe(1); // the rejection after the await was caught, not left to crash the process
    expect((await server.post('/transfers', 'alice', newKey(), '{"amount":1,"to":"b"}')).status).toBe(201);
  });

  it('a business constraint violation is the handler’s failure: 500, key not locked, store not blamed', async () => {
    expect((await server.post('/fixed-id', 'bob', newKey(), '{}')).status).toBe(201);
    const key = newKey();
    const failed = await server.post('/fixed-id', 'bob', key, '{}');
    expect(failed.status).toBe(500);
    expect(server.store.get('bob', key)?.status).toBe('failed-retryable');
    // The retry runs again at once (no 409 for the lock's lifetime).
    const retry = await server.post('/fixed-id', 'bob', key, '{}');
    expect(retry.status).toBe(500);
    expect(server.logs.some((l) => l.message === 'idempotency store unavailable')).toBe(false);
    expect(server.logs.some((l) => l.fields.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')).toBe(true);
  });
});
