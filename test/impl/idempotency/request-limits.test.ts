/**
 * Hostile request bodies: huge ones (issue 13, point 3) and deeply nested
 * JSON (point 7). The route and the credentials are checked before a byte
 * of the body is read; bodies over the limit get 413; nesting over the
 * limit gets 400, which the SDK does not retry.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAllEffects, IdempotentClient, transferHandler } from '../../../src/impl/idempotency/index.js';
import { authFor, newKey, tokenFor } from './helpers.js';
import { startServer, statusBeforeBodyEnds, type TestServer } from './http-fixture.js';

describe('request bodies', () => {
  let server: TestServer;
  let handlerRuns = 0;
  beforeAll(async () => {
    const transfer = transferHandler();
    server = await startServer(
      {
        'POST /transfers': (request, context) => {
          handlerRuns++;
          return transfer(request, context);
        },
      },
      { server: { maxBodyBytes: 1024 } },
    );
  });
  afterAll(() => server.close());

  it('an unknown route is answered 404 before its body ends', async () => {
    expect(await statusBeforeBodyEnds(server.baseUrl, '/nowhere', {})).toBe(404);
  });

  it('a request without credentials is answered 401 before its body ends', async () => {
    expect(await statusBeforeBodyEnds(server.baseUrl, '/transfers', { 'idempotency-key': newKey() })).toBe(
      401,
    );
  });

  it('a chunked body over the limit is answered 413 before it ends, and nothing runs', async () => {
    const key = newKey();
    const status = await statusBeforeBodyEnds(server.baseUrl, '/transfers', {
      ...authFor('alice'),
      'idempotency-key': key,
    });
    expect(status).toBe(413);
    expect(server.store.get('alice', key)).toBeUndefined();
    expect(handlerRuns).toBe(0);
  });

  it('a declared Content-Length over the limit is answered 413 without reading the body', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL('/transfers', server.baseUrl), {
        method: 'POST',
        headers: {
          ...authFor('alice'),
          'idempotency-key': newKey(),
          'content-length': String(600 * 1024 * 1024),
        },
      });
      req.on('response', (res) => {
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
  });

  it('a body within the limit goes through', async () => {
    const key = newKey();
    expect((await server.post('/transfers', 'alice', key, '{"amount":1,"to":"b"}')).status).toBe(201);
    expect(countAllEffects(server.store.db)).toBe(1);
  });

  it('JSON nested 20,000 deep (balanced or not) gets 400, runs nothing, and the SDK does not retry it', async () => {
    const before = handlerRuns;
    const big = await startServer(
      { 'POST /transfers': transferHandler() },
      { server: { maxBodyBytes: 1 << 20 } },
    );
    try {
      const client = new IdempotentClient({
        baseUrl: big.baseUrl,
        token: tokenFor('alice'),
        sleep: async () => {},
      });
      for (const body of ['['.repeat(20_000), '['.repeat(20_000) + ']'.repeat(20_000)]) {
        const answer = await client.send('POST', '/transfers', body);
        expect(answer.status).toBe(400);
        expect(answer.attempts).toBe(1);
        expect(big.store.get('alice', answer.key)).toBeUndefined();
      }
      expect(countAllEffects(big.store.db)).toBe(0);
      expect(handlerRuns).toBe(before);
    } finally {
      await big.close();
    }
  });
});
