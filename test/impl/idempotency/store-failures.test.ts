/**
 * Store failures are answered 503 and logged for operators (issue 13,
 * point 8), and a database file removed under a running server makes it
 * fail closed instead of writing to a copy no other process sees (point 9).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLedger,
  type Handler,
  SqliteIdempotencyStore,
  StoreUnavailableError,
  transferHandler,
} from '../../../src/impl/idempotency/index.js';
import { authFor, newKey, TEST_SECRET, tempDir } from './helpers.js';
import { startServer, type TestServer } from './http-fixture.js';
import { spawnWorker, waitForLine } from './processes.js';

describe('store failures are logged', () => {
  let server: TestServer;
  beforeAll(async () => {
    const bigAnswer: Handler = async () => ({ status: 200, body: Buffer.alloc(256 * 1024, 0x78) });
    server = await startServer({ 'POST /transfers': transferHandler(), 'POST /big': bigAnswer });
  });
  afterAll(() => server.close());

  it('a read-only database: 503, and an error with SQLITE_READONLY in the log', async () => {
    server.store.db.pragma('query_only = 1');
    try {
      const answer = await server.post('/transfers', 'alice', newKey(), '{"amount":1,"to":"b"}');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('1');
    } finally {
      server.store.db.pragma('query_only = 0');
    }
    const entry = server.logs.find((l) => l.level === 'error' && l.fields.code === 'SQLITE_READONLY');
    expect(entry?.message).toBe('idempotency store unavailable');
  });

  it('a full database: 503, and an error with SQLITE_FULL in the log', async () => {
    const pages = server.store.db.pragma('page_count', { simple: true }) as number;
    server.store.db.pragma(`max_page_count = ${pages}`);
    try {
      expect((await server.post('/big', 'alice', newKey(), '{}')).status).toBe(503);
    } finally {
      server.store.db.pragma('max_page_count = 1073741823');
    }
    expect(server.logs.some((l) => l.level === 'error' && l.fields.code === 'SQLITE_FULL')).toBe(true);
  });
});

describe('a database file removed under a running server', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('the store refuses every transaction once its file is gone, even if nothing replaced it', async () => {
    const dbPath = join(tmp.dir, 'gone.db');
    const store = new SqliteIdempotencyStore({ path: dbPath });
    try {
      const request = { user: 'alice', key: newKey(), method: 'POST', path: '/t', fingerprint: 'f' };
      expect((await store.acquire(request)).kind).toBe('acquired');
      for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
      await expect(store.acquire({ ...request, key: newKey() })).rejects.toThrow(
        /gone\.db was removed while open/,
      );
      expect(() => store.cleanup()).toThrow(StoreUnavailableError);
    } finally {
      store.close();
    }
  });

  it('makes that server fail closed with 503 and say so on stderr, while a new process starts afresh', async () => {
    const dbPath = join(tmp.dir, 'removed.db');
    const setup = new SqliteIdempotencyStore({ path: dbPath });
    createLedger(setup.db);
    setup.close();
    const post = (url: string, key: string) =>
      fetch(new URL('/transfers', url), {
        method: 'POST',
        headers: { ...authFor('alice'), 'idempotency-key': key },
        body: '{"amount":1,"to":"b"}',
      });

    const old = spawnWorker('server-worker.ts', [dbPath, '30000', TEST_SECRET]);
    let stderr = '';
    old.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let fresh: ReturnType<typeof spawnWorker> | undefined;
    try {
      const oldUrl = (await waitForLine(old, /^listening /)).split(' ')[1]!;
      expect((await post(oldUrl, newKey())).status).toBe(201);

      for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
      fresh = spawnWorker('server-worker.ts', [dbPath, '30000', TEST_SECRET]);
      const freshUrl = (await waitForLine(fresh, /^listening /)).split(' ')[1]!;

      const key = newKey();
      expect((await post(freshUrl, key)).status).toBe(201);
      // The old process must not take the same intent a second time into its orphaned file.
      expect((await post(oldUrl, key)).status).toBe(503);
      expect((await post(oldUrl, newKey())).status).toBe(503);
      expect(stderr).toMatch(/"level":"error".*removed\.db was replaced by another file while open/);
    } finally {
      old.kill('SIGKILL');
      fresh?.kill('SIGKILL');
    }
  });
});
