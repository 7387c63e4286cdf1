/**
 * Saved traces as vitest tests: `traceTests(dir, binding)` inside a test
 * file defines one test per `*.itf.json` under `dir`, each replaying its
 * trace against a fresh system from the binding. So saving a counterexample
 * (a model checker's, or a shrunk fast-check failure) into that folder makes
 * it a regression test.
 *
 * What a replay must give comes from the trace's `#meta.expect` (one outcome,
 * or one per binding name: see trace-files.ts), else `options.expect`, else
 * 'pass'. An expected divergence may be pinned to a state with
 * `#meta.divergesAt`.
 *
 * This is the only module of src/mbt that imports vitest (the CLI must not
 * load it): test files import src/mbt/vitest.js directly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'vitest';
import { formatDiagnostic } from '../errors.js';
import type { Binding } from './binding.js';
import { replay } from './replay.js';
import { expectationOf, readTraceFile, type TraceOutcome } from './trace-files.js';

export interface TraceTestsOptions {
  /** Outcome for traces whose `#meta` does not say (default 'pass'). */
  expect?: TraceOutcome;
  /** Define no test, instead of a failing one, when `dir` holds no trace. */
  allowEmpty?: boolean;
  /** Per-test timeout in milliseconds (vitest's default otherwise). */
  timeout?: number;
}

/** Every `*.itf.json` under `dir`, recursively, in a stable order. */
export function listTraceFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.itf.json')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** Replays one trace file and throws a readable error when the outcome is not the expected one. */
export async function replayTraceFile<Sut>(
  file: string,
  binding: Binding<Sut>,
  fallback: TraceOutcome = 'pass',
): Promise<void> {
  const read = readTraceFile(file);
  if (!read.value) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
  const { trace, meta } = read.value;
  const expected = expectationOf(meta, binding.name);
  const outcome = expected.outcome ?? fallback;
  const result = await replay(trace, binding);
  const failure = result.failure;
  if (outcome === 'pass') {
    if (failure) throw new Error(`${file}: the implementation diverges from the trace at ${failure.message}`);
    return;
  }
  if (!failure) {
    throw new Error(
      `${file}: expected ${binding.name} to diverge from the trace, but all ${result.stepsChecked} states matched`,
    );
  }
  if (failure.reason === 'unbound-action') throw new Error(`${file}: ${failure.message}`);
  if (expected.divergesAt !== undefined && failure.step !== expected.divergesAt) {
    throw new Error(
      `${file}: expected a divergence at state ${expected.divergesAt}, but it came at ${failure.message}`,
    );
  }
}

/** Defines one vitest test per trace file under `dir` (call it at the top level of a test file or in a describe). */
export function traceTests<Sut>(dir: string, binding: Binding<Sut>, options: TraceTestsOptions = {}): void {
  const files = listTraceFiles(dir);
  if (files.length === 0) {
    if (!options.allowEmpty) {
      it(`traces under ${dir}`, () => {
        throw new Error(`no *.itf.json trace under ${dir}`);
      });
    }
    return;
  }
  for (const file of files) {
    const read = readTraceFile(file);
    const outcome = (read.value && expectationOf(read.value.meta, binding.name).outcome) ?? options.expect;
    const name = `${relative(dir, file)} ${outcome === 'diverge' ? 'diverges on' : 'replays on'} ${binding.name}`;
    it(name, () => replayTraceFile(file, binding, options.expect ?? 'pass'), options.timeout);
  }
}
