/**
 * Different requests never share a fingerprint (issue 13, point 5), one
 * key in two cases is one intent (point 6), and the transfer demo refuses
 * amounts JSON numbers cannot carry exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalizeJson,
  countEffects,
  requestFingerprint,
  transferHandler,
} from '../../../src/impl/idempotency/index.js';
import { newKey } from './helpers.js';
import { startServer, type TestServer } from './http-fixture.js';

const fp = (body: string | Buffer) => requestFingerprint('POST', '/transfers', body);

describe('request fingerprints', () => {
  it.each([
    ['raw text and a JSON object holding it', 'hello', '{"raw":"hello"}'],
    ['an empty body and null', '', 'null'],
    ['integers beyond 2^53', '{"amount":9007199254740993}', '{"amount":9007199254740992}'],
    ['an overflowing number and null', '{"amount":1e400}', '{"amount":null}'],
    ['two overflowing numbers', '{"amount":1e400}', '{"amount":1e401}'],
    ['a JSON string and its raw text', '"hello"', 'hello'],
  ])('tells apart %s', (_what, a, b) => {
    expect(fp(a)).not.toBe(fp(b));
  });

  it('tells apart different invalid UTF-8 bytes', () => {
    expect(fp(Buffer.from([0x7b, 0xff, 0x7d]))).not.toBe(fp(Buffer.from([0x7b, 0xfe, 0x7d])));
  });

  it('agrees on encodings of one JSON value: key order, whitespace, escapes, number spelling', () => {
    expect(fp('{"amount":10,"to":"bob"}')).toBe(fp(' { "to" : "b\\u006fb", "amount" : 1.0e1 } '));
    expect(fp('{"a":100}')).toBe(fp('{"a":1e2}'));
    expect(fp('{"a":[1,2]}')).not.toBe(fp('{"a":[2,1]}'));
  });

  it('canonical JSON keeps numbers exact and walks deep nesting without recursion', () => {
    expect(canonicalizeJson('[0.50, -0, 12300, 1e-400]')).toEqual({
      kind: 'json',
      text: '[5e-1,0,123e2,1e-400]',
    });
    expect(canonicalizeJson('{"a":1,"a":2}')).toEqual({ kind: 'json', text: '{"a":2e0}' });
    expect(canonicalizeJson('[1,]').kind).toBe('not-json');
    expect(canonicalizeJson('['.repeat(100_000)).kind).toBe('too-deep');
    expect(canonicalizeJson('['.repeat(200) + ']'.repeat(200)).kind).toBe('json');
  });
});

describe('over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      'POST /transfers': transferHandler(),
      'POST /echo': async () => ({ status: 200, body: 'ok' }),
    });
  });
  afterAll(() => server.close());

  it.each([
    ['raw text, then JSON holding it', 'hello', '{"raw":"hello"}'],
    ['an empty body, then null', '', 'null'],
    ['one invalid UTF-8 byte, then another', Buffer.from([0xff]), Buffer.from([0xfe])],
  ] as const)('a different body under the same key gets 422, not a replay: %s', async (_what, a, b) => {
    const key = newKey();
    expect((await server.post('/echo', 'alice', key, a)).status).toBe(200);
    expect((await server.post('/echo', 'alice', key, b)).status).toBe(422);
  });

  it('amounts 1e400 and 2^53 + 1 are refused with 400, and no transfer is stored', async () => {
    for (const amount of ['1e400', '9007199254740993', '1.5']) {
      const key = newKey();
      const answer = await server.post('/transfers', 'alice', key, `{"amount":${amount},"to":"bob"}`);
      expect(answer.status).toBe(400);
      expect(countEffects(server.store.db, 'alice', key)).toBe(0);
    }
  });

  it('the same UUID in upper and lower case is one intent: one transfer, then a replay', async () => {
    const key = newKey();
    const first = await server.post('/transfers', 'bob', key.toUpperCase(), '{"amount":3,"to":"x"}');
    const second = await server.post('/transfers', 'bob', key.toLowerCase(), '{"amount":3,"to":"x"}');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.text).toBe(first.text);
    expect(countEffects(server.store.db, 'bob', key.toLowerCase())).toBe(1);
    expect(countEffects(server.store.db, 'bob', key.toUpperCase())).toBe(0);
  });
});
