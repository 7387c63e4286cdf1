import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countEffects,
  createLedger,
  IdempotentClient,
  SqliteIdempotencyStore,
} from '../../../src/impl/idempotency/index.js';
import { authFor, newKey, TEST_SECRET, tempDir, tokenFor } from './helpers.js';
import { spawnWorker, waitForLine } from './processes.js';

describe('a worker killed with SIGKILL in the middle of its handler', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('leaves a pending record that a retry takes over after the lock expires, completing exactly once', async () => {
    const dbPath = join(tmp.dir, 'crash.db');
    const setup = new SqliteIdempotencyStore({ path: dbPath });
    createLedger(setup.db);
    setup.close();
    const lockTtlMs = '400';
    const key = newKey();
    const body = JSON.stringify({ amount: 42, to: 'zoe' });

    const doomed = spawnWorker('server-worker.ts', [dbPath, lockTtlMs, TEST_SECRET]);
    const survivor = spawnWorker('server-worker.ts', [dbPath, lockTtlMs, TEST_SECRET]);
    try {
      const doomedUrl = (await waitForLine(doomed, /^listening /)).split(' ')[1]!;
      const survivorUrl = (await waitForLine(survivor, /^listening /)).split(' ')[1]!;

      const inHandler = waitForLine(doomed, /^in-handler$/);
      const stalled = fetch(new URL('/transfers', doomedUrl), {
        method: 'POST',
        headers: { 'idempotency-key': key, ...authFor('alice'), 'x-stall': '1' },
        body,
      }).catch((err: unknown) => err);
      await inHandler;
      doomed.kill('SIGKILL');
      expect(await stalled).toBeInstanceOf(Error); // the connection died with the process

      const check = new SqliteIdempotencyStore({ path: dbPath });
      expect(check.get('alice', key)?.status).toBe('pending');

      // The same intent retried against the surviving process: 409 until the lock expires, then done.
      const statuses: number[] = [];
      const client = new IdempotentClient({
        baseUrl: survivorUrl,
        token: tokenFor('alice'),
        maxAttempts: 50,
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          statuses.push(res.status);
          return res;
        },
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100))),
      });
      const result = await client.sendWithKey(key, 'POST', '/transfers', body);
      expect(result.status).toBe(201);
      expect(statuses.at(-1)).toBe(201);
      expect(statuses.slice(0, -1).every((s) => s === 409)).toBe(true);
      expect(countEffects(check.db, 'alice', key)).toBe(1);
      expect(check.get('alice', key)?.status).toBe('completed');

      const replay = await client.sendWithKey(key, 'POST', '/transfers', body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.equals(result.body)).toBe(true);
      expect(countEffects(check.db, 'alice', key)).toBe(1);
      check.close();
    } finally {
      doomed.kill('SIGKILL');
      survivor.kill('SIGKILL');
    }
  });
});
