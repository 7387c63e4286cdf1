/**
 * Saved traces as vitest tests: `traceTests(dir, binding)` inside a test
 * file defines one test per `*.itf.json` under `dir`, each replaying its
 * trace against a fresh system from the binding. So saving a counterexample
 * (a model checker's, or a shrunk fast-check failure) into that folder makes
 * it a regression test.
 *
 * What a replay must give comes from the trace's `#meta.expect` (one outcome,
 * or one per binding name: see trace-files.ts), else `options.expect` (an
 * outcome, or a function of the trace and the binding, which survives
 * regenerating the traces), else 'pass'. An expected divergence may be
 * pinned to a state with `#meta.divergesAt`. With `options.stale`, a trace
 * that no longer follows its spec fails with the command that regenerates it.
 *
 * Like ./vitest-xstate.ts, this module imports vitest (the CLI must not
 * load it): test files import src/mbt/vitest.js directly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'vitest';
import { formatDiagnostic } from '../errors.js';
import type { Binding } from './binding.js';
import { replay } from './replay.js';
import { expectationOf, readTraceFile, type TraceFile, type TraceOutcome } from './trace-files.js';

/** What replaying a trace must give: an outcome, optionally pinned to the state of the divergence. */
export interface TraceExpectationFor {
  outcome?: TraceOutcome;
  divergesAt?: number;
}

/** The binding a trace replays on: one for every trace, or one chosen per trace (e.g. from its #meta.model). */
export type TraceBinding<Sut> = Binding<Sut> | ((trace: TraceFile, file: string) => Binding<Sut>);

export interface TraceTestsOptions {
  /**
   * Outcome for traces whose `#meta` says nothing about the binding (default
   * 'pass'); a function decides per trace and binding, so that expectations
   * survive regenerating the traces.
   */
  expect?:
    | TraceOutcome
    | ((trace: TraceFile, file: string, binding: string) => TraceExpectationFor | undefined);
  /** Define no test, instead of a failing one, when `dir` holds no trace. */
  allowEmpty?: boolean;
  /** Per-test timeout in milliseconds (vitest's default otherwise). */
  timeout?: number;
  /**
   * Checked before replaying (e.g. with `traceMismatch` against the current
   * spec): says why the trace no longer follows its spec, or undefined.
   */
  stale?: (trace: TraceFile, file: string) => string | undefined;
  /** The command that writes the traces again, shown when a trace is stale. */
  regenerate?: string;
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

function readOrThrow(file: string): TraceFile {
  const read = readTraceFile(file);
  if (!read.value) throw new Error(read.diagnostics.map(formatDiagnostic).join('\n'));
  return read.value;
}

function bindingFor<Sut>(binding: TraceBinding<Sut>, trace: TraceFile, file: string): Binding<Sut> {
  return typeof binding === 'function' ? binding(trace, file) : binding;
}

/** The expectation for one trace and binding: its `#meta.expect` first, then the options. */
function expectationFor(
  trace: TraceFile,
  file: string,
  binding: string,
  fallback: TraceTestsOptions['expect'],
): TraceExpectationFor {
  const own = expectationOf(trace.meta, binding);
  if (own.outcome !== undefined) return own;
  const other = typeof fallback === 'function' ? fallback(trace, file, binding) : { outcome: fallback };
  return { ...own, ...other };
}

/** Replays one trace file and throws a readable error when the outcome is not the expected one. */
export async function replayTraceFile<Sut>(
  file: string,
  binding: TraceBinding<Sut>,
  fallback: TraceTestsOptions['expect'] = 'pass',
  options: Pick<TraceTestsOptions, 'stale' | 'regenerate'> = {},
): Promise<void> {
  const read = readOrThrow(file);
  const why = options.stale?.(read, file);
  if (why !== undefined) {
    const how = options.regenerate ? `\nRegenerate the saved traces with: ${options.regenerate}` : '';
    throw new Error(`${file} no longer follows its spec: ${why}.${how}`);
  }
  const { trace } = read;
  const target = bindingFor(binding, read, file);
  const expected = expectationFor(read, file, target.name, fallback);
  const outcome = expected.outcome ?? 'pass';
  const result = await replay(trace, target);
  const failure = result.failure;
  if (outcome === 'pass') {
    if (failure) throw new Error(`${file}: the implementation diverges from the trace at ${failure.message}`);
    return;
  }
  if (!failure) {
    throw new Error(
      `${file}: expected ${target.name} to diverge from the trace, but all ${result.stepsChecked} states matched` +
        (trace.property ? `: it reproduces the violation of ${trace.property}` : ''),
    );
  }
  if (failure.reason === 'unbound-action') throw new Error(`${file}: ${failure.message}`);
  if (expected.divergesAt !== undefined && failure.step !== expected.divergesAt) {
    throw new Error(
      `${file}: expected a divergence at state ${expected.divergesAt}, but it came at ${failure.message}`,
    );
  }
}

/**
 * Defines one vitest test per trace file under `dir` (call it at the top
 * level of a test file or in a describe). `binding` is one binding for all
 * traces, or a function choosing it per trace.
 */
export function traceTests<Sut>(
  dir: string,
  binding: TraceBinding<Sut>,
  options: TraceTestsOptions = {},
): void {
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
    let label = typeof binding === 'function' ? '(per trace)' : binding.name;
    let outcome: TraceOutcome | undefined;
    if (read.value) {
      try {
        const target = bindingFor(binding, read.value, file);
        label = target.name;
        outcome = expectationFor(read.value, file, target.name, options.expect).outcome;
      } catch {
        // The test itself reports why the binding cannot be chosen.
      }
    }
    const name = `${relative(dir, file)} ${outcome === 'diverge' ? 'diverges on' : 'replays on'} ${label}`;
    it(name, () => replayTraceFile(file, binding, options.expect ?? 'pass', options), options.timeout);
  }
}
