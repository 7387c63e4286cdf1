/**
 * Types shared by the TLC output parsers and the runner.
 *
 * TLC reports a run in three forms: the `-tool` message stream, the plain
 * text output, and the `-dumpTrace json` file. The parsers turn each into a
 * `TlcSummary` (verdict and counts) and a `RawTrace` (states as TLC printed
 * them, before any value is interpreted).
 */

import type { CheckOutcome, CheckResult } from '../check/result.js';

/** Verdict categories, as in the conformance suite's expected.json: the embedded checker's own. */
export type TlcResultKind = CheckOutcome;

/** A source span as TLC prints it: `line L, col C to line L2, col C2 of module M`. */
export interface TlcLocation {
  module: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** The action that produced a trace state: `<Next line 10, col 12 to ... of module M>` or `<Initial predicate>`. */
export interface RawActionLabel {
  /** The action's name without its arguments (`Start` for `Start("b")`). */
  name: string;
  location?: TlcLocation;
  /**
   * The argument values current TLC prints in the label (`Finish("b",1)`),
   * as TLA+ text, in the operator's parameter order; absent when the label
   * has none (older TLC, or a step labelled with its enclosing definition).
   */
  args?: string[];
  /** `-dumpTrace json`'s `context`: parameter name → value as TLC's JSON writes it. */
  context?: Record<string, unknown>;
}

export interface RawTraceState<V> {
  /** TLC's 1-based state number. */
  index: number;
  action: RawActionLabel;
  /** Variable (or ALIAS field) → value, in printing order. */
  values: Record<string, V>;
}

interface RawTraceBase {
  /** Variable names in the order TLC printed them. */
  vars: string[];
  /** 0-based index of the state a lasso returns to (`Back to state n` is `loop = n - 1`). */
  loop?: number;
  /** The behaviour ends by stuttering forever in its last state. */
  stuttering: boolean;
  /** The action of the lasso's closing step, when TLC printed one. */
  loopAction?: RawActionLabel;
}

/** A trace whose values are TLA+ text as TLC printed them (`{1, 2}`, `[a |-> 1]`). */
export interface RawTextTrace extends RawTraceBase {
  format: 'tla';
  states: RawTraceState<string>[];
}

/** A trace from `-dumpTrace json`: values are TLC's (lossy) JSON. */
export interface RawJsonTrace extends RawTraceBase {
  format: 'json';
  states: RawTraceState<unknown>[];
}

export type RawTrace = RawTextTrace | RawJsonTrace;

/**
 * What a TLC run printed: the verdict and counts in the result type every
 * engine shares (`CheckResult`, whose fields follow TLC's summary lines), plus
 * the error text and the trace as text, before the adapter
 * (check-result.ts) turns it into a `CheckResult`.
 */
export interface TlcSummary
  extends Pick<
    CheckResult,
    'result' | 'violated' | 'distinctStates' | 'totalStates' | 'statesLeftOnQueue' | 'initialStates' | 'depth'
  > {
  /** TLC's exit code: the real one when known, else inferred from the messages. */
  exitCode: number;
  /** First line of the error message (for SANY errors: of SANY's report). */
  errorMessage: string | null;
  /** The whole error message. */
  errorText: string | null;
  /** Where the error is, when TLC names a place (SANY errors, evaluation errors). */
  errorLocation?: TlcLocation;
  /** The counterexample, when TLC printed one. */
  trace?: RawTextTrace;
  /** TLC's version line (`TLC2 Version ...`), when printed. */
  version?: string;
}
