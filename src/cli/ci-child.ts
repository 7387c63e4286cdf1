/**
 * One model of `tlaw ci`, checked in a child process: `tlaw check <spec>
 * --config <cfg> --json --dump-trace <tmp>` (with the model's simulation
 * settings or `--engine tlc`). A process per model lets several models run
 * at once on several cores and gives each a time budget that holds even
 * inside a long search: when it is spent, the process is killed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckJob } from './check-jobs.js';
import type { GateResult, ModelRun } from './ci-outcome.js';

export interface ChildCheckOptions {
  engine: 'embedded' | 'tlc';
  tlcJar?: string;
  lib?: string[];
  /** Time budget in milliseconds. */
  budgetMs: number;
  /** Where the child writes the counterexample. */
  traceFile: string;
}

/** The arguments of `tlaw check` for one model. */
export function checkArguments(job: CheckJob, options: Omit<ChildCheckOptions, 'budgetMs'>): string[] {
  const args = ['check', job.spec, '--config', job.config, '--json', '--dump-trace', options.traceFile];
  if (options.engine === 'tlc') {
    args.push('--engine', 'tlc');
    if (options.tlcJar) args.push('--tlc-jar', options.tlcJar);
  } else if (job.simulate) {
    const { runs, depth, seed } = job.simulate;
    args.push('--simulate', String(runs), '--depth', String(depth), '--seed', String(seed));
  }
  if (options.lib && options.lib.length > 0) args.push('--lib', ...options.lib);
  return args;
}

/**
 * How to start `tlaw` again: the compiled entry point beside this file
 * (dist/cli.js), or, when tlaw runs from its TypeScript sources (tests,
 * `tsx src/cli.ts`), src/cli.ts through tsx's loader.
 */
function tlawCommand(): { node: string; args: string[] } {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(fromSources ? '../cli.ts' : '../cli.js', import.meta.url));
  if (!fromSources) return { node: process.execPath, args: [entry] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { node: process.execPath, args: ['--import', tsx, entry] };
}

/** The last line of stdout that parses as a JSON object (the check's result). */
function lastJsonLine(stdout: string): GateResult | null {
  const lines = stdout.trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line) as GateResult;
    } catch {
      return null;
    }
  }
  return null;
}

/** Checks one model in a child process; never rejects. */
export function checkInChild(job: CheckJob, options: ChildCheckOptions): Promise<ModelRun> {
  const { node, args } = tlawCommand();
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(node, [...args, ...checkArguments(job, options)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
    });
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.budgetMs);
    const finish = (extra = ''): void => {
      clearTimeout(timer);
      const result = timedOut ? null : lastJsonLine(stdout);
      resolve({
        result,
        timedOut,
        durationMs: Date.now() - started,
        stderr: stderr + extra,
        ...(result && existsSync(options.traceFile) ? { traceFile: options.traceFile } : {}),
      });
    };
    child.on('error', (err) => finish(`\ncannot start the check: ${err.message}`));
    child.on('close', () => finish());
  });
}

/** Runs `work` on every item with at most `limit` at a time; results keep the items' order. */
export async function runPool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const k = next++;
      results[k] = await work(items[k]!, k);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
