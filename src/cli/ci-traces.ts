/**
 * Saved counterexamples and the gate. A counterexample the run found is
 * saved as `traces/<group>/<model>-<property>.itf.json` when no file is
 * there yet (an existing file, perhaps annotated with replay expectations,
 * is never overwritten). A saved counterexample of a model that is expected
 * to fail must still be a behaviour of the spec that ends in the violation:
 * when the spec changed under it, the gate fails and says which command
 * writes it again.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import { formatDiagnostic } from '../errors.js';
import { readTraceFile, traceMismatch } from '../mbt/index.js';
import { traceFilePath } from '../trace/index.js';
import type { CheckJob } from './check-jobs.js';
import { loadModel } from './check-load.js';
import type { ModelRun, StaleTrace } from './ci-outcome.js';

/** Where the counterexample of `job` violating `property` lives under `dir`. */
export function savedTracePath(
  job: CheckJob,
  property: string | null | undefined,
  kind: string,
  dir: string,
): string {
  return traceFilePath(job.traceGroup ?? basename(job.spec, '.tla'), job.name, property, { dir, kind });
}

/** Copies the run's counterexample to its place under `dir` unless a file is there; returns the path written. */
export function saveCounterexample(job: CheckJob, run: ModelRun, dir: string): string | undefined {
  const r = run.result;
  if (!run.traceFile || !r || r.result === 'ok') return undefined;
  const target = savedTracePath(job, r.violated, r.result, dir);
  if (existsSync(target)) return undefined;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(run.traceFile, target);
  return target;
}

/** A path as the user would type it from the working folder. */
export function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** `npx tlaw check <spec> --config <cfg> [--simulate …] --dump-trace <file>` */
export function regenerateCommand(job: CheckJob, file: string): string {
  const sim = job.simulate
    ? ` --simulate ${job.simulate.runs} --depth ${job.simulate.depth} --seed ${job.simulate.seed}`
    : '';
  return `npx tlaw check ${displayPath(job.spec)} --config ${displayPath(job.config)}${sim} --dump-trace ${displayPath(file)}`;
}

/**
 * Whether the saved counterexample of an expected violation still holds:
 * undefined when there is none or it replays on the current spec to the
 * violation, else why not and how to regenerate it.
 */
export function staleCounterexample(
  job: CheckJob,
  dir: string,
  lib: readonly string[],
): StaleTrace | undefined {
  const expect = job.expect;
  if (!expect || expect.result === 'ok' || expect.result === 'error') return undefined;
  const file = savedTracePath(job, expect.violated, expect.result, dir);
  if (!existsSync(file)) return undefined;
  const stale = (why: string): StaleTrace => ({ file, why, regenerate: regenerateCommand(job, file) });
  const read = readTraceFile(file);
  if (!read.value) return stale(read.diagnostics.map(formatDiagnostic).join('; '));
  const loaded = loadModel(job.spec, job.config, { libPaths: [...lib], print: () => {} });
  if (!loaded.model) return stale(loaded.diagnostics.map(formatDiagnostic).join('; '));
  const why = traceMismatch(read.value.trace, loaded.model);
  return why === undefined ? undefined : stale(why);
}
