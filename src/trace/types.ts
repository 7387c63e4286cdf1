/**
 * The one trace type of tlaw. The embedded checker produces it, TLC's
 * outputs are converted into it, ITF files are read into it, and the test
 * generators (src/mbt) consume only it.
 */
import type { ActionLabel } from '../check/model.js';
import type { Value } from '../check/value/index.js';

export interface TraceState {
  /** The action that produced the state ('Initial predicate' for the first); absent when unknown. */
  action?: ActionLabel;
  /** Variable (or ALIAS field) → value. */
  values: Record<string, Value>;
}

export interface Trace {
  /** Spec (module) name. */
  spec: string;
  /** Model (cfg) name. */
  model?: string;
  /** The violated property, when the trace is a counterexample. */
  property?: string;
  /** Verdict the trace comes from (e.g. 'invariant-violation'). */
  result?: string;
  vars: string[];
  states: TraceState[];
  /**
   * 0-based index of the state the behaviour returns to after the last state
   * (a lasso). A loop to the last state itself means stuttering forever.
   */
  loop?: number;
  /** The action of the step that closes the lasso, when known. */
  loopAction?: ActionLabel;
}
