import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerTokenAuthenticator,
  closeServer,
  countEffects,
  createIdempotentServer,
  createLedger,
  type Handler,
  IdempotentClient,
  listen,
  RetriesExhaustedError,
  SqliteIdempotencyStore,
  transferHandler,
} from '../../../src/impl/idempotency/index.js';
import { authFor, newKey, TEST_SECRET, tokenFor } from './helpers.js';

describe('HTTP server with idempotency', () => {
  let store: SqliteIdempotencyStore;
  let server: Server;
  let baseUrl: string;
  let busyUntilAttempt = 0;
  let busyAttempts = 0;

  beforeAll(async () => {
    store = new SqliteIdempotencyStore({ path: ':memory:' });
    createLedger(store.db);
    // Answers 503 (not cached) for the first attempts, then transfers.
    const flaky: Handler = async (request, context) => {
      busyAttempts++;
      if (busyAttempts <= busyUntilAttempt)
        return { status: 503, headers: { 'retry-after': '0' }, body: 'busy' };
      return transferHandler()(request, context);
    };
    server = createIdempotentServer({
      store,
      routes: { 'POST /transfers': transferHandler(), 'POST /flaky': flaky },
      authenticate: bearerTokenAuthenticator(TEST_SECRET),
    });
    baseUrl = await listen(server);
  });
  afterAll(async () => {
    await closeServer(server);
    store.close();
  });

  const post = (path: string, headers: Record<string, string>, body: string) =>
    fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('replays status, headers and body byte for byte, marked Idempotent-Replayed', async () => {
    const key = newKey();
    const headers = { 'idempotency-key': key, ...authFor('alice') };
    const first = await post('/transfers', headers, '{"amount":5,"to":"carol"}');
    const firstBody = Buffer.from(await first.arrayBuffer());
    const second = await post('/transfers', headers, '{"to":"carol","amount":5}');
    const secondBody = Buffer.from(await second.arrayBuffer());
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(secondBody.equals(firstBody)).toBe(true);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('content-type')).toBe('application/json');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(countEffects(store.db, 'alice', key)).toBe(1);
  });

  it('answers 400 without a key, 422 for a reused key, 401 without credentials, 404 off-route', async () => {
    const key = newKey();
    expect((await post('/transfers', { ...authFor('alice') }, '{"amount":1,"to":"b"}')).status).toBe(400);
    expect(
      (await post('/transfers', { ...authFor('alice'), 'idempotency-key': key }, '{"amount":1,"to":"b"}'))
        .status,
    ).toBe(201);
    expect(
      (await post('/transfers', { ...authFor('alice'), 'idempotency-key': key }, '{"amount":2,"to":"b"}'))
        .status,
    ).toBe(422);
    expect((await post('/transfers', { 'idempotency-key': newKey() }, '{}')).status).toBe(401);
    expect((await post('/nowhere', { ...authFor('alice'), 'idempotency-key': newKey() }, '{}')).status).toBe(
      404,
    );
  });

  it('does not leak one user’s cached response to another user with the same key', async () => {
    const key = newKey();
    const alice = await post(
      '/transfers',
      { ...authFor('alice'), 'idempotency-key': key },
      '{"amount":7,"to":"x"}',
    );
    const mallory = await post(
      '/transfers',
      { ...authFor('mallory'), 'idempotency-key': key },
      '{"amount":7,"to":"x"}',
    );
    expect(mallory.headers.get('idempotent-replayed')).toBeNull();
    expect(await mallory.text()).not.toBe(await alice.text());
    expect(countEffects(store.db, 'mallory', key)).toBe(1);
  });

  it('the client SDK reuses one key across retries, honours Retry-After and stops on success', async () => {
    busyAttempts = 0;
    busyUntilAttempt = 2;
    const delays: number[] = [];
    const client = new IdempotentClient({
      baseUrl,
      token: tokenFor('dave'),
      baseDelayMs: 10,
      random: () => 0.5,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    const response = await client.send('POST', '/flaky', { amount: 3, to: 'erin' });
    expect(response.status).toBe(201);
    expect(response.attempts).toBe(3);
    expect(delays).toEqual([5, 10]); // full jitter: random * base * 2^(attempt-1)
    expect(countEffects(store.db, 'dave', response.key)).toBe(1);
  });

  it('the client SDK stops at a non-retryable answer and gives up after maxAttempts', async () => {
    const client = new IdempotentClient({
      baseUrl,
      token: tokenFor('dave'),
      maxAttempts: 3,
      sleep: async () => {},
    });
    const rejected = await client.send('POST', '/transfers', { amount: -1, to: 'erin' });
    expect(rejected.status).toBe(400);
    expect(rejected.attempts).toBe(1);
    busyAttempts = 0;
    busyUntilAttempt = 10;
    await expect(client.send('POST', '/flaky', { amount: 1, to: 'erin' })).rejects.toBeInstanceOf(
      RetriesExhaustedError,
    );
  });
});

describe('client backoff', () => {
  it('waits at least Retry-After seconds', async () => {
    const { backoffDelay, retryAfterMs } = await import('../../../src/impl/idempotency/index.js');
    expect(retryAfterMs('2')).toBe(2000);
    expect(backoffDelay(1, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.1 }, 2000)).toBe(2000);
    expect(backoffDelay(10, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 })).toBe(999);
  });
});
