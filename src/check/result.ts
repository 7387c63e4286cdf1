/**
 * The outcome of a model-checking run, shared by every search strategy
 * (BFS, simulation) and by the real-TLC runner, and printed as-is by
 * `tlaw check --json`. Counts follow TLC's final summary lines; a count is
 * `null` where TLC prints none (e.g. an invariant violated by an initial state).
 */
import type { Diagnostic, ExitCode } from '../errors.js';
import type { Loc } from '../tla/ast.js';
import type { ActionCoverage } from './coverage.js';
import type { ActionLabel } from './model.js';
import type { Value } from './value/index.js';

export type CheckOutcome =
  | 'ok'
  | 'invariant-violation'
  | 'deadlock'
  | 'liveness-violation'
  | 'property-violation'
  | 'assertion-failure'
  | 'error';

/** One state of a counterexample: 1-based index, the action that produced it, the displayed variables. */
export interface TraceStep {
  index: number;
  action: ActionLabel;
  state: [string, Value][];
}

export interface CheckResult {
  result: CheckOutcome;
  /** Name of the violated invariant or property, else null. */
  violated: string | null;
  /** TLC's "N distinct states found". */
  distinctStates: number | null;
  /** TLC's "N states generated" (every successor generated, initial states included). */
  totalStates: number | null;
  /** TLC's "N states left on queue". */
  statesLeftOnQueue: number | null;
  /** TLC's "Finished computing initial states: N distinct states generated". */
  initialStates: number | null;
  /** TLC's "The depth of the complete state graph search is N" (number of BFS levels). */
  depth: number | null;
  durationMs: number;
  /** The counterexample, or the behaviour leading to an evaluation error; null when there is none. */
  trace: TraceStep[] | null;
  diagnostics: Diagnostic[];
  exitCode: ExitCode;
  /** TLC's error message (may hold several lines), for every non-ok result. */
  message?: string;
  /** Where an evaluation error happened, when the evaluator knows. */
  errorLoc?: Loc;
  /**
   * How TLC introduces the trace: 'initial-state' for a violation by an
   * initial state ("... is violated by the initial state:"), 'while-initial'
   * for an evaluation error while checking an initial state ("While working on
   * the initial state:"), 'behavior' otherwise.
   */
  traceKind?: 'behavior' | 'initial-state' | 'while-initial';
  /**
   * A liveness counterexample is a lasso: after the last trace state the
   * behaviour returns to `trace[loop]` (0-based; TLC's "Back to state
   * loop+1") and repeats forever. With `stuttering`, `loop` is the last index.
   */
  loop?: number;
  /** The counterexample ends by stuttering forever in its last state (TLC's "Stuttering"). */
  stuttering?: boolean;
  /** The action of the step from the last trace state back to `trace[loop]`. */
  loopAction?: ActionLabel;
  /**
   * TLC's "calculated (optimistic)" probability that two distinct states had
   * the same fingerprint, from the counts (distinct × (generated − distinct)
   * / 2^64); present when both counts are.
   */
  collisionProbability?: number;
  /** Behaviours walked by a random simulation (TLC's "traces generated"); absent for BFS. */
  traces?: number;
  /** Action coverage of the search, when asked for (`check --coverage`); the initial predicate first. */
  coverage?: ActionCoverage[];
}

/** A result for input that never reached the search (parse, cfg or usage errors). */
export function diagnosticsResult(
  diagnostics: Diagnostic[],
  exitCode: ExitCode,
  durationMs = 0,
): CheckResult {
  return {
    result: 'error',
    violated: null,
    distinctStates: null,
    totalStates: null,
    statesLeftOnQueue: null,
    initialStates: null,
    depth: null,
    durationMs,
    trace: null,
    diagnostics,
    exitCode,
    message: diagnostics.find((d) => d.severity === 'error')?.message,
  };
}
