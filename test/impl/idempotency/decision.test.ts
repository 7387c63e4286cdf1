import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  decide,
  type IdempotencyRecord,
  isValidIdempotencyKey,
  requestFingerprint,
} from '../../../src/impl/idempotency/index.js';

const request = { user: 'alice', key: 'k', method: 'POST', path: '/transfers', fingerprint: 'f1' };
const now = 10_000;

function record(overrides: Partial<IdempotencyRecord>): IdempotencyRecord {
  return {
    user: 'alice',
    key: 'k',
    method: 'POST',
    path: '/transfers',
    fingerprint: 'f1',
    status: 'completed',
    response: { status: 201, headers: {}, body: Buffer.from('{}') },
    createdAt: 0,
    expiresAt: now + 1000,
    lockedUntil: 0,
    lockToken: 't1',
    progress: 0,
    ...overrides,
  };
}

describe('decide', () => {
  it('inserts when there is no record', () => {
    expect(decide(undefined, request, now)).toEqual({ kind: 'insert' });
  });
  it('replays a completed record and a permanent failure with the same fingerprint', () => {
    expect(decide(record({ status: 'completed' }), request, now).kind).toBe('replay');
    expect(decide(record({ status: 'failed-permanent' }), request, now).kind).toBe('replay');
  });
  it('answers in-progress while the lock is live, with Retry-After rounded up to seconds', () => {
    expect(decide(record({ status: 'pending', lockedUntil: now + 1500 }), request, now)).toEqual({
      kind: 'in-progress',
      retryAfterSeconds: 2,
    });
  });
  it('takes over an expired lock and a retryable failure', () => {
    expect(decide(record({ status: 'pending', lockedUntil: now }), request, now).kind).toBe('takeover');
    expect(decide(record({ status: 'failed-retryable' }), request, now).kind).toBe('takeover');
  });
  it('refuses a key reused with another body, method or path', () => {
    expect(decide(record({ fingerprint: 'f2' }), request, now).kind).toBe('mismatch');
    expect(decide(record({ method: 'PUT' }), request, now).kind).toBe('mismatch');
    expect(decide(record({ path: '/other' }), request, now).kind).toBe('mismatch');
  });
  it('treats an expired record as absent, but not one whose lock is still live', () => {
    expect(decide(record({ expiresAt: now }), request, now).kind).toBe('insert');
    expect(
      decide(record({ status: 'pending', expiresAt: now, lockedUntil: now + 1 }), request, now).kind,
    ).toBe('in-progress');
  });
});

describe('fingerprints and keys', () => {
  it('canonical JSON sorts object keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
  it('the fingerprint ignores key order and whitespace but not values, method or path', () => {
    const a = requestFingerprint('POST', '/t', '{"amount":10,"to":"bob"}');
    expect(requestFingerprint('post', '/t', '{ "to": "bob", "amount": 10 }')).toBe(a);
    expect(requestFingerprint('POST', '/t', '{"amount":11,"to":"bob"}')).not.toBe(a);
    expect(requestFingerprint('PUT', '/t', '{"amount":10,"to":"bob"}')).not.toBe(a);
    expect(requestFingerprint('POST', '/u', '{"amount":10,"to":"bob"}')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
  it('accepts UUIDs only as idempotency keys', () => {
    expect(isValidIdempotencyKey('3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c')).toBe(true);
    expect(isValidIdempotencyKey('not-a-uuid')).toBe(false);
    expect(isValidIdempotencyKey('3f2b8c1e9d4a4e6b8a7c1d2e3f4a5b6c')).toBe(false);
  });
});
