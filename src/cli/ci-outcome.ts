/**
 * What `tlaw ci` decides about one model: passed (its outcome is the one
 * models.json expects), failed (with the reason and the exit code it
 * contributes) or skipped, and the one-line text form of that decision.
 */
import type { Diagnostic } from '../errors.js';
import type { Loc } from '../tla/ast.js';
import { type CheckJob, type Expectation, meetsExpectation } from './check-jobs.js';
import type { CheckResultJson } from './report/index.js';

/** The part of `tlaw check --json`'s result that the gate uses. */
export type GateResult = Pick<
  CheckResultJson,
  'result' | 'violated' | 'distinctStates' | 'durationMs' | 'exitCode' | 'message' | 'diagnostics'
> & { errorLoc?: Loc };

/** How one model's check ended, before judging it. */
export interface ModelRun {
  /** The check's result; null when it ran out of time or died without one. */
  result: GateResult | null;
  timedOut: boolean;
  /** Wall-clock time of the check, in milliseconds. */
  durationMs: number;
  /** What the check printed on stderr (shown when it died). */
  stderr: string;
  /** The counterexample the check wrote (ITF), when it found one. */
  traceFile?: string;
}

/** A saved counterexample that the current spec no longer produces. */
export interface StaleTrace {
  file: string;
  why: string;
  /** The command that writes it again. */
  regenerate: string;
}

export interface ModelOutcome {
  job: CheckJob;
  status: 'pass' | 'fail' | 'skip';
  /** Why the model failed or was skipped (one line). */
  reason?: string;
  result: GateResult | null;
  durationMs: number;
  /** The exit code this model gives the gate: 0, TLC's code of an unexpected outcome, or 1. */
  exitCode: number;
  /** Where a counterexample of this run was saved. */
  savedTrace?: string;
  staleTrace?: StaleTrace;
  /** Where a failure points in the sources (for annotations). */
  location?: Pick<Loc, 'file' | 'line' | 'col'>;
}

/** Exit code of a failure that has no TLC code (an expected violation not found, a time-out, a stale trace). */
export const GATE_FAILURE = 1;
/** Exit code when a check died without a result. */
export const CHECK_CRASHED = 255;

/** What a model without `expect` must give: no error. */
export function expectationOf(job: CheckJob): Expectation {
  return job.expect ?? { result: 'ok' };
}

export function describeExpectation(e: Pick<Expectation, 'result' | 'violated'>): string {
  return e.violated ? `${e.result} (${e.violated})` : e.result;
}

/** Judges one model's run against its expectation. */
export function judge(job: CheckJob, run: ModelRun, budgetMs: number): ModelOutcome {
  // The check's own time when it has one (process start-up left out), else the time spent waiting.
  const base = { job, result: run.result, durationMs: run.result?.durationMs ?? run.durationMs };
  if (run.timedOut) {
    const reason = `ran out of its time budget (${formatSeconds(budgetMs)})`;
    return { ...base, status: 'fail', reason, exitCode: GATE_FAILURE };
  }
  const r = run.result;
  if (!r) {
    const tail = run.stderr.trim().split('\n').slice(-3).join(' ').trim();
    const reason = `the check ended without a result${tail ? `: ${tail}` : ''}`;
    return { ...base, status: 'fail', reason, exitCode: CHECK_CRASHED };
  }
  const expect = expectationOf(job);
  if (meetsExpectation(r, expect)) return { ...base, status: 'pass', exitCode: 0 };
  const why = r.result === 'error' && r.message ? `: ${r.message.split('\n')[0]}` : '';
  const reason = `expected ${describeExpectation(expect)}, got ${describeExpectation(r)}${why}`;
  return { ...base, status: 'fail', reason, exitCode: r.exitCode !== 0 ? r.exitCode : GATE_FAILURE };
}

/** The gate's exit code: 0, else the code of the first failing model in manifest order. */
export function gateExitCode(outcomes: readonly ModelOutcome[]): number {
  return outcomes.find((o) => o.status === 'fail')?.exitCode ?? 0;
}

/** `PASS name: invariant-violation (Inv), 45 distinct states, 0.41s` */
export function formatOutcomeLine(o: ModelOutcome): string {
  const tag = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' }[o.status];
  if (o.status === 'skip') return `${tag} ${o.job.name}: ${o.reason ?? 'skipped'}`;
  const r = o.result;
  const outcome = r ? describeExpectation(r) : 'no result';
  const states = r?.distinctStates != null ? `, ${r.distinctStates} distinct states` : '';
  const how = o.job.simulate
    ? `, simulated ${o.job.simulate.runs} behaviours (seed ${o.job.simulate.seed})`
    : '';
  const why = o.status === 'fail' && o.reason ? ` — ${o.reason}` : '';
  return `${tag} ${o.job.name}: ${outcome}${states}${how}, ${formatSeconds(o.durationMs)}${why}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)}s`;
}

/** The first error diagnostic's place, if any. */
export function errorPlace(diagnostics: readonly Diagnostic[]): Diagnostic['loc'] | undefined {
  return diagnostics.find((d) => d.severity === 'error' && d.loc)?.loc;
}
