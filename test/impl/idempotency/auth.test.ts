/**
 * Credentials are signed bearer tokens; a header naming a user is not one
 * (issue 13, point 9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countEffects,
  issueToken,
  transferHandler,
  verifyToken,
} from '../../../src/impl/idempotency/index.js';
import { newKey, TEST_SECRET, tokenFor } from './helpers.js';
import { startServer, type TestServer } from './http-fixture.js';

describe('bearer tokens', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ 'POST /transfers': transferHandler() });
  });
  afterAll(() => server.close());

  const postWith = (headers: Record<string, string>) =>
    fetch(new URL('/transfers', server.baseUrl), {
      method: 'POST',
      headers: { 'idempotency-key': newKey(), ...headers },
      body: '{"amount":1,"to":"b"}',
    });

  it('a user named in x-user-id is not authenticated', async () => {
    const answer = await postWith({ 'x-user-id': 'alice' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a token signed with another secret, a tampered user, an expired token, garbage', async () => {
    const forged = issueToken('another secret of at least thirty-two bytes', 'alice');
    const [version, , signature] = tokenFor('mallory').split('.');
    const claims = Buffer.from(JSON.stringify({ sub: 'alice', exp: 4_000_000_000 })).toString('base64url');
    const expired = issueToken(TEST_SECRET, 'alice', { now: () => Date.now() - 7_200_000 });
    for (const token of [forged, `${version}.${claims}.${signature}`, expired, 'alice', '']) {
      expect((await postWith({ authorization: `Bearer ${token}` })).status).toBe(401);
    }
  });

  it('a valid token authenticates its user, and records are scoped to that user', async () => {
    const key = newKey();
    const body = '{"amount":2,"to":"b"}';
    const alice = await server.post('/transfers', 'alice', key, body);
    const mallory = await server.post('/transfers', 'mallory', key, body);
    expect(alice.status).toBe(201);
    expect(mallory.status).toBe(201);
    expect(mallory.headers.get('idempotent-replayed')).toBeNull();
    expect(countEffects(server.store.db, 'alice', key)).toBe(1);
    expect(countEffects(server.store.db, 'mallory', key)).toBe(1);
  });

  it('verifyToken checks signature and expiry, and secrets must be long enough', () => {
    const now = Date.now();
    const token = issueToken(TEST_SECRET, 'alice', { ttlSeconds: 60, now: () => now });
    expect(verifyToken(TEST_SECRET, token, now)).toBe('alice');
    expect(verifyToken(TEST_SECRET, token, now + 61_000)).toBeUndefined();
    expect(() => issueToken('short', 'alice')).toThrow(/at least 32 bytes/);
  });
});
