import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countAllEffects,
  countEffects,
  createLedger,
  SqliteIdempotencyStore,
} from '../../../src/impl/idempotency/index.js';
import { newKey, tempDir } from './helpers.js';
import { runToEnd, spawnWorker } from './processes.js';

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
});
