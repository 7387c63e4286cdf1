/**
 * The model interface between a specification and the search strategies.
 *
 * Like Stateright's `Model`: initial states, successors labelled with the
 * action that produced them, and the properties to check. The TLA+
 * evaluator (src/check/eval) implements it for a spec + cfg; the search
 * strategies (src/check/search: BFS, simulation) and the model-based
 * testing layer (src/mbt: fast-check, xstate) drive it. Nothing here knows
 * about TLA+ syntax.
 */

import { ExitCode } from '../errors.js';
import type { Loc } from '../tla/ast.js';
import type { Value } from './value/index.js';

/** A state: one value per variable, in the model's `variables` order. */
export type State = readonly Value[];

/** What produced a state: an action name, its source span, and the values bound by `\E` and parameters. */
export interface ActionLabel {
  /** Definition name of the action (`Next` disjunct), or 'Initial predicate' for initial states. */
  name: string;
  /** Source span of the action's definition (TLC prints `<Name line L, col C to line L2, col C2 of module M>`). */
  loc?: Loc;
  /** Module that defines the action (for TLC-style printing). */
  module?: string;
  /**
   * The action's parameters in binding order, e.g. `[['self', p1], ['v', 2]]`:
   * the labelling operator's own parameters (operator-valued ones left out),
   * then the values bound by `\E` inside its body. Values bound outside the
   * operator are not repeated: `\E x \in S : Inc(x)` with `Inc(d) == …` gives
   * `[['d', v]]`. An inline disjunct of Next has the `\E`-bound values around
   * it. Each name appears once.
   */
  params: [string, Value][];
}

export interface Transition {
  state: State;
  action: ActionLabel;
}

/** A named state predicate (invariant, `[]P` property). */
export interface NamedStatePredicate {
  name: string;
  /**
   * Returns true when the property holds; throws `EvalError` on evaluation errors.
   * `ctx` gives the state's level for `TLCGet("level")` (1 when absent).
   */
  holds(state: State, ctx?: SearchContext): boolean;
}

/** A named action predicate (`[][A]_v` property). */
export interface NamedActionPredicate {
  name: string;
  holds(from: State, to: State): boolean;
}

/** Context the search gives the model while it explores (e.g. for `TLCGet("level")`). */
export interface SearchContext {
  /** Level (1-based: initial states are level 1) of the state being generated or checked. */
  level: number;
}

export interface Model {
  readonly moduleName: string;
  readonly variables: readonly string[];
  /** Initial states in TLC's enumeration order, each labelled 'Initial predicate'. */
  initialStates(ctx: SearchContext): Iterable<Transition>;
  /** Successors of `state` in TLC's order (Next disjuncts left to right, domains in value order). */
  successors(state: State, ctx: SearchContext): Iterable<Transition>;
  /**
   * The successors of one action of Next chosen at random (`below(n)` gives an
   * integer in [0, n)), the others tried in turn while it is disabled: what
   * TLC's simulator computes per step. Empty only when no action is enabled.
   * Optional: a simulation without it picks among all successors.
   */
  successorsOfRandomAction?(
    state: State,
    ctx: SearchContext,
    below: (n: number) => number,
  ): Iterable<Transition>;
  readonly invariants: readonly NamedStatePredicate[];
  /** Safety properties given as PROPERTY `[]P`: reported as invariants, like TLC does. */
  readonly stateProperties: readonly NamedStatePredicate[];
  /** PROPERTY `[][A]_v`: checked on every transition. */
  readonly actionProperties: readonly NamedActionPredicate[];
  /** CONSTRAINT: states outside are counted and checked but not explored. */
  readonly stateConstraints: readonly ((state: State, ctx: SearchContext) => boolean)[];
  /** ACTION_CONSTRAINT: transitions outside are counted and checked but not explored. */
  readonly actionConstraints: readonly ((from: State, to: State, ctx: SearchContext) => boolean)[];
  /** ASSUME: evaluated once before the search. */
  checkAssumptions(): { name?: string; loc?: Loc; holds: boolean }[];
  /** POSTCONDITION, evaluated after a successful search. */
  readonly postconditions: readonly { name: string; holds(): boolean }[];
  readonly checkDeadlock: boolean;
  /**
   * 64-bit fingerprint of the state as the search identifies it (after VIEW and
   * SYMMETRY), written into `out[0]` (high) and `out[1]` (low).
   */
  fingerprint(state: State, out: Uint32Array): void;
  /** Variables (or ALIAS fields) for printing a trace state: `[name, value]` pairs. */
  display(state: State, prev?: State): [string, Value][];
}

/** Kinds of evaluation errors; the exit code is TLC's for the error while computing states (see search/outcome.ts for the others). */
export type EvalErrorKind =
  | 'type' // e.g. 1 + TRUE, comparing incomparable values
  | 'domain' // function applied outside its domain
  | 'choose' // CHOOSE with no witness
  | 'overflow' // 32-bit integer overflow
  | 'unbounded' // enumerating Nat, Int, STRING, ...
  | 'assert' // Assert(FALSE, msg)
  | 'unassigned' // an action left a primed variable unassigned
  | 'other';

/** An error while evaluating the spec: carries TLC's kind of message and the spec location. */
// biome-ignore lint/suspicious/noShadowRestrictedNames: TLA+ evaluation errors; the JS global of that name is never used here.
export class EvalError extends Error {
  constructor(
    readonly kind: EvalErrorKind,
    message: string,
    readonly loc?: Loc,
    readonly exitCode: ExitCode = kind === 'assert'
      ? ExitCode.assertionFailure
      : kind === 'overflow'
        ? ExitCode.systemError
        : ExitCode.evaluationError,
  ) {
    super(message);
    this.name = 'EvalError';
  }
}
