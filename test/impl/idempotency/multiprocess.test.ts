import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countAllEffects,
  countEffects,
  createLedger,
  IdempotentClient,
  SqliteIdempotencyStore,
} from '../../../src/impl/idempotency/index.js';
import { newKey, TEST_SECRET, tempDir, tokenFor } from './helpers.js';
import { runToEnd, spawnWorker, waitForLine } from './processes.js';

describe('several processes sharing one SQLite file', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('applies exactly one effect per key and every process gets the same response', async () => {
    const dbPath = join(tmp.dir, 'shared.db');
    const setup = new SqliteIdempotencyStore({ path: dbPath });
    createLedger(setup.db);
    setup.close();

    const keys = Array.from({ length: 25 }, newKey);
    const workers = [11, 22, 33, 44].map((seed) =>
      runToEnd(spawnWorker('hammer-worker.ts', [dbPath, 'alice', JSON.stringify(keys), String(seed)])),
    );
    const results = (await Promise.all(workers)).map(
      (out) => JSON.parse(out.trim()) as { bodies: Record<string, string>; statuses: Record<string, number> },
    );

    const check = new SqliteIdempotencyStore({ path: dbPath });
    try {
      for (const key of keys) {
        expect(countEffects(check.db, 'alice', key)).toBe(1);
        const answers = new Set(results.map((r) => r.bodies[key]));
        expect(answers.size).toBe(1);
        expect([...answers][0]).toMatch(/^201 /);
      }
      expect(countAllEffects(check.db)).toBe(keys.length);
      const total201 = results.reduce((n, r) => n + (r.statuses['201'] ?? 0), 0);
      expect(total201).toBe(keys.length * results.length);
    } finally {
      check.close();
    }
  });

  it('one key sent in upper case to one server process and lower case to another runs once', async () => {
    const dbPath = join(tmp.dir, 'cases.db');
    const setup = new SqliteIdempotencyStore({ path: dbPath });
    createLedger(setup.db);
    setup.close();
    const servers = [0, 1].map(() => spawnWorker('server-worker.ts', [dbPath, '30000', TEST_SECRET]));
    try {
      const urls = await Promise.all(
        servers.map(async (s) => (await waitForLine(s, /^listening /)).split(' ')[1]!),
      );
      const clients = urls.map(
        (baseUrl) =>
          new IdempotentClient({
            baseUrl,
            token: tokenFor('alice'),
            maxAttempts: 50,
            sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
          }),
      );
      const keys = Array.from({ length: 10 }, newKey);
      const answers = await Promise.all(
        keys.flatMap((key) => [
          clients[0]!.sendWithKey(key.toUpperCase(), 'POST', '/transfers', { amount: 1, to: 'b' }),
          clients[1]!.sendWithKey(key.toLowerCase(), 'POST', '/transfers', { amount: 1, to: 'b' }),
        ]),
      );
      const check = new SqliteIdempotencyStore({ path: dbPath });
      try {
        keys.forEach((key, i) => {
          expect(countEffects(check.db, 'alice', key)).toBe(1);
          expect(answers[2 * i]!.status).toBe(201);
          expect(answers[2 * i]!.body.equals(answers[2 * i + 1]!.body)).toBe(true);
        });
        expect(countAllEffects(check.db)).toBe(keys.length);
      } finally {
        check.close();
      }
    } finally {
      for (const s of servers) s.kill('SIGKILL');
    }
  });
});
