/**
 * Requests per second through the task manager's REST API (Fastify, the
 * idempotency middleware, SQLite in WAL mode on a temporary file): creates,
 * then versioned updates (PATCH with If-Match) of the created tasks, sent
 * one after another from one client, or `--concurrency` at a time.
 *
 *   npx tsx tools/bench-taskmanager.ts [--requests N] [--concurrency C] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTaskServer, type Task, TaskApiClient } from '../src/impl/taskManager/index.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const requests = option('--requests', 2000);
const concurrency = option('--concurrency', 1);
const dir = mkdtempSync(join(tmpdir(), 'tlaw-bench-tasks-'));
const server = createTaskServer({ path: join(dir, 'tasks.db'), users: { alice: 'alice-password' } });
const api = new TaskApiClient(await server.listen());
const token = (await api.login('alice', 'alice-password'))!;

/** Runs `count` requests, `concurrency` at a time; returns requests/s. */
async function measure(count: number, send: (i: number) => Promise<number>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const status = await send(i);
      if (status >= 300) throw new Error(`request ${i} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - start) / 1000);
}

const ids: number[] = [];
const creates = await measure(requests, async () => {
  const response = await api.request<Task>('POST', '/tasks', { token, body: { title: 'benchmark task' } });
  ids.push(response.body.id);
  return response.status;
});
const updates = await measure(requests, async (i) => {
  const response = await api.request('PATCH', `/tasks/${ids[i]}`, {
    token,
    body: { priority: 'high' },
    ifMatch: 1,
  });
  return response.status;
});
await server.close();
rmSync(dir, { recursive: true, force: true });

const result = {
  requests,
  concurrency,
  createsPerSecond: Math.round(creates),
  updatesPerSecond: Math.round(updates),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(`task API, ${requests} requests each, concurrency ${concurrency}`);
  console.log(`  POST /tasks        ${result.createsPerSecond} req/s`);
  console.log(`  PATCH /tasks/:id   ${result.updatesPerSecond} req/s`);
}
