/**
 * A response Node cannot send must not commit the effect: the client sees
 * 500, retries, and must not have paid already (issue 13, point 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countEffects,
  type Handler,
  IdempotentClient,
  RetriesExhaustedError,
  transferHandler,
} from '../../../src/impl/idempotency/index.js';
import { newKey, tokenFor } from './helpers.js';
import { startServer, type TestServer } from './http-fixture.js';

/** A transfer whose response carries what the handler was told to add. */
function transferAnswering(extra: { status?: number; headers?: Record<string, string> }): Handler {
  const transfer = transferHandler();
  return async (request, context) => {
    const result = await transfer(request, context);
    return {
      ...result,
      status: extra.status ?? result.status,
      headers: { ...result.headers, ...extra.headers },
    };
  };
}

describe('responses are checked before the effect commits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      'POST /named': transferAnswering({ headers: { 'x-recipient-name': '李雷' } }),
      'POST /status99': transferAnswering({ status: 99 }),
      'POST /latin1': transferAnswering({ headers: { 'x-recipient-name': 'José' } }),
    });
  });
  afterAll(() => server.close());

  it('a header value outside Latin-1 gives 500 with no transfer, and the retry is not a replay of it', async () => {
    const key = newKey();
    const first = await server.post('/named', 'alice', key, '{"amount":5,"to":"li"}');
    expect(first.status).toBe(500);
    expect(countEffects(server.store.db, 'alice', key)).toBe(0);
    expect(server.store.get('alice', key)?.status).toBe('failed-retryable');
    const retry = await server.post('/named', 'alice', key, '{"amount":5,"to":"li"}');
    expect(retry.status).toBe(500);
    expect(countEffects(server.store.db, 'alice', key)).toBe(0);
    expect(server.logs.some((l) => /cannot be sent/.test(String(l.fields.error)))).toBe(true);
  });

  it('status 99 gives 500 and no transfer, however often the SDK retries', async () => {
    const client = new IdempotentClient({
      baseUrl: server.baseUrl,
      token: tokenFor('bob'),
      maxAttempts: 3,
      sleep: async () => {},
    });
    const failure = await client.send('POST', '/status99', { amount: 9, to: 'x' }).catch((err) => err);
    expect(failure).toBeInstanceOf(RetriesExhaustedError);
    expect((failure as RetriesExhaustedError).last?.status).toBe(500);
    expect(countEffects(server.store.db, 'bob', (failure as RetriesExhaustedError).key)).toBe(0);
  });

  it('a Latin-1 header value is sent and the transfer commits once', async () => {
    const key = newKey();
    const first = await server.post('/latin1', 'carol', key, '{"amount":5,"to":"jose"}');
    expect(first.status).toBe(201);
    expect(first.headers.get('x-recipient-name')).toBe('José');
    expect(countEffects(server.store.db, 'carol', key)).toBe(1);
  });
});
