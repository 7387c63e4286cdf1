/**
 * Benchmark of the idempotency middleware on a SQLite file.
 *
 *   npx tsx tools/bench-idempotency.ts [--requests N] [--json]
 *
 * Scenarios: first requests (acquire + handler + fenced commit) and replays
 * in one process; then two processes pushing the same keys at the same
 * file (each key: one process runs it, the other gets 409 then a replay).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  countAllEffects,
  createIdempotencyMiddleware,
  createLedger,
  SqliteIdempotencyStore,
  transferHandler,
} from '../src/impl/idempotency/index.js';

interface Figures {
  scenario: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
}

async function pushKeys(dbPath: string, keys: string[]): Promise<number> {
  const store = new SqliteIdempotencyStore({ path: dbPath });
  createLedger(store.db);
  const process = createIdempotencyMiddleware(store);
  const handler = transferHandler();
  let requests = 0;
  for (const key of keys) {
    for (;;) {
      requests++;
      const response = await process(
        {
          method: 'POST',
          path: '/transfers',
          user: 'bench',
          headers: { 'idempotency-key': key },
          body: '{"amount":1,"to":"x"}',
        },
        handler,
      );
      if (response.status !== 409) break;
    }
  }
  store.close();
  return requests;
}

function figures(scenario: string, requests: number, startNs: bigint): Figures {
  const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
  return { scenario, requests, seconds, requestsPerSecond: Math.round(requests / seconds) };
}

interface ChildResult {
  requests: number;
  /** Wall-clock span of the child's work (ms since epoch), excluding process start-up. */
  start: number;
  end: number;
}

function runChild(dbPath: string, keys: string[]): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--child', dbPath], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(JSON.stringify(keys));
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim()) as ChildResult) : reject(new Error(`child exited ${code}`)),
    ),
  );
}

async function childMain(dbPath: string): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const keys = JSON.parse(input) as string[];
  const start = Date.now();
  const requests = await pushKeys(dbPath, keys);
  process.stdout.write(JSON.stringify({ requests, start, end: Date.now() }) + '\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return childMain(args[1]!);
  const n = Number(args[args.indexOf('--requests') + 1] || 0) || 5000;
  const dir = mkdtempSync(join(tmpdir(), 'bench-idem-'));
  const results: Figures[] = [];
  try {
    const single = join(dir, 'single.db');
    const keys = Array.from({ length: n }, () => randomUUID());
    let start = process.hrtime.bigint();
    results.push(figures('1 process, new keys', await pushKeys(single, keys), start));
    start = process.hrtime.bigint();
    results.push(figures('1 process, replays', await pushKeys(single, keys), start));

    const shared = join(dir, 'shared.db');
    const setup = new SqliteIdempotencyStore({ path: shared });
    createLedger(setup.db);
    setup.close();
    const contended = Array.from({ length: n }, () => randomUUID());
    const children = await Promise.all([
      runChild(shared, contended),
      runChild(shared, [...contended].reverse()),
    ]);
    const requests = children.reduce((sum, c) => sum + c.requests, 0);
    const seconds =
      (Math.max(...children.map((c) => c.end)) - Math.min(...children.map((c) => c.start))) / 1000;
    results.push({
      scenario: '2 processes, same keys',
      requests,
      seconds,
      requestsPerSecond: Math.round(requests / seconds),
    });
    const check = new SqliteIdempotencyStore({ path: shared });
    const effects = countAllEffects(check.db);
    check.close();
    if (effects !== n) throw new Error(`expected ${n} effects, found ${effects}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return;
  }
  for (const r of results) {
    console.log(
      `${r.scenario.padEnd(26)} ${String(r.requests).padStart(7)} requests  ${r.seconds.toFixed(2)} s  ${r.requestsPerSecond} req/s`,
    );
  }
}

await main();
