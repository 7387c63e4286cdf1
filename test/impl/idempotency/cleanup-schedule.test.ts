/**
 * Expired records go away while the server runs, without anyone calling
 * `cleanup()` (issue 13, point 9).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { transferHandler } from '../../../src/impl/idempotency/index.js';
import { newKey } from './helpers.js';
import { startServer, type TestServer } from './http-fixture.js';

describe('scheduled cleanup', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(
      { 'POST /transfers': transferHandler() },
      { store: { retentionMs: 200 }, server: { cleanupIntervalMs: 50 } },
    );
  });
  afterAll(() => server.close());

  it('removes a completed record once its retention has passed, and logs how many', async () => {
    const key = newKey();
    expect((await server.post('/transfers', 'alice', key, '{"amount":1,"to":"b"}')).status).toBe(201);
    expect(server.store.get('alice', key)?.status).toBe('completed');
    await vi.waitFor(() => expect(server.store.get('alice', key)).toBeUndefined(), {
      timeout: 5000,
      interval: 50,
    });
    expect(server.logs.some((l) => l.message === 'expired idempotency records removed')).toBe(true);
  });
});
