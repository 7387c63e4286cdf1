import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countEffects,
  createLedger,
  SqliteIdempotencyStore,
  StoreUnavailableError,
} from '../../../src/impl/idempotency/index.js';
import { ManualClock, tempDir } from './helpers.js';

const req = { user: 'alice', key: 'k1', method: 'POST', path: '/transfers', fingerprint: 'f1' };
const ok = {
  status: 'completed' as const,
  response: { status: 201, headers: { a: 'b' }, body: Buffer.from('done') },
};
const insertEffect = (key: string) => (db: import('better-sqlite3').Database) =>
  db
    .prepare(
      "INSERT INTO transfers (id, user_id, idem_key, step, amount, recipient) VALUES (?, 'alice', ?, 'transfer', 1, 'bob')",
    )
    .run(String(Math.random()), key);

describe('SqliteIdempotencyStore', () => {
  const clock = new ManualClock();
  let store: SqliteIdempotencyStore;
  const open = (options: { lockTtlMs?: number; retentionMs?: number } = {}) => {
    store = new SqliteIdempotencyStore({ path: ':memory:', now: clock.now, ...options });
    createLedger(store.db);
    return store;
  };
  afterEach(() => store?.close());

  it('inserts a pending record with a lock and a fencing token', async () => {
    open({ lockTtlMs: 5000 });
    const outcome = await store.acquire(req);
    expect(outcome.kind).toBe('acquired');
    const record = store.get('alice', 'k1')!;
    expect(record).toMatchObject({
      status: 'pending',
      fingerprint: 'f1',
      lockedUntil: clock.t + 5000,
      progress: 0,
    });
    expect(outcome.kind === 'acquired' && outcome.lease.token).toBe(record.lockToken);
  });

  it('commits effect and completion together, then replays the cached response', async () => {
    open();
    const outcome = await store.acquire(req);
    if (outcome.kind !== 'acquired') throw new Error('expected acquisition');
    expect(await store.complete(outcome.lease, ok, insertEffect('k1'))).toBe(true);
    expect(countEffects(store.db, 'alice', 'k1')).toBe(1);
    const replay = await store.acquire(req);
    expect(replay).toEqual({ kind: 'replay', response: ok.response });
  });

  it('scopes records to the user: the same key for another user is a different record', async () => {
    open();
    await store.acquire(req);
    expect((await store.acquire({ ...req, user: 'bob' })).kind).toBe('acquired');
  });

  it('changes the fencing token at a takeover and refuses the old holder’s commit', async () => {
    open({ lockTtlMs: 1000 });
    const first = await store.acquire(req);
    expect((await store.acquire(req)).kind).toBe('in-progress');
    clock.advance(1000);
    const second = await store.acquire(req);
    if (first.kind !== 'acquired' || second.kind !== 'acquired') throw new Error('expected acquisitions');
    expect(second.takeover).toBe(true);
    expect(second.lease.token).not.toBe(first.lease.token);
    expect(await store.complete(first.lease, ok, insertEffect('k1'))).toBe(false);
    expect(countEffects(store.db, 'alice', 'k1')).toBe(0);
    expect(await store.complete(second.lease, ok, insertEffect('k1'))).toBe(true);
    expect(countEffects(store.db, 'alice', 'k1')).toBe(1);
  });

  it('rolls the record back when the effect throws', async () => {
    open();
    const outcome = await store.acquire(req);
    if (outcome.kind !== 'acquired') throw new Error('expected acquisition');
    await expect(
      store.complete(outcome.lease, ok, () => {
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect(store.get('alice', 'k1')!.status).toBe('pending');
  });

  it('keeps workflow progress across a takeover', async () => {
    open({ lockTtlMs: 1000 });
    const first = await store.acquire(req);
    if (first.kind !== 'acquired') throw new Error('expected acquisition');
    expect(await store.commitStep(first.lease, 1, () => {})).toBe(true);
    clock.advance(1000);
    const second = await store.acquire(req);
    expect(second.kind === 'acquired' && second.lease.progress).toBe(1);
    expect(await store.commitStep(first.lease, 2, () => {})).toBe(false);
  });

  it('cleanup removes expired records but never a pending record with a live lock', async () => {
    open({ retentionMs: 1000, lockTtlMs: 5000 });
    const a = await store.acquire(req);
    if (a.kind !== 'acquired') throw new Error('expected acquisition');
    await store.complete(a.lease, ok);
    await store.acquire({ ...req, key: 'k2' }); // pending, lock live for 5 s
    clock.advance(1000);
    expect(store.cleanup()).toBe(1);
    expect(store.get('alice', 'k1')).toBeUndefined();
    expect(store.get('alice', 'k2')?.status).toBe('pending');
    clock.advance(5000);
    expect(store.cleanup()).toBe(1);
  });

  it('reports a failing database as StoreUnavailableError', async () => {
    open();
    store.db.close();
    await expect(store.acquire(req)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('uses WAL on a file so several processes can share it', () => {
    const { dir, cleanup } = tempDir();
    try {
      const fileStore = new SqliteIdempotencyStore({ path: join(dir, 'idem.db') });
      expect(fileStore.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(fileStore.db.pragma('busy_timeout', { simple: true })).toBe(5000);
      fileStore.close();
    } finally {
      cleanup();
    }
  });
});
