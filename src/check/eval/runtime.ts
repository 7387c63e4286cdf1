/**
 * Runtime shapes of compiled code.
 *
 * Every expression compiles once to a closure `(c, f) => Value`: `c` is the
 * evaluation context (current state, next state, search level), `f` the
 * frame holding the values of bound variables and operator parameters.
 * Frames form a static chain (`up`) so a LET operator or LAMBDA sees the
 * bound variables of the place it was written; a name's (depth, slot) is
 * resolved at compile time.
 */
import type { Loc } from '../../tla/ast.js';
import { EvalError as ModelEvalError } from '../model.js';
import type { Value } from '../value/index.js';

export interface Frame {
  /** Values of bound variables and parameters (operator-valued parameters hold an OpClosure). */
  readonly v: unknown[];
  readonly up: Frame | null;
}

/** Where an action being explored got its name (TLC's action label). */
export interface LabelInfo {
  name: string;
  loc?: Loc;
  module?: string;
}

export interface Ctx {
  /** Current state (in Init: the partial state being built). */
  state: (Value | undefined)[];
  /** Next state being built or checked (undefined entries: not yet assigned); null outside actions. */
  next: (Value | undefined)[] | null;
  /** TLCGet("level"). */
  level: number;
  /** Action label of the successor being generated. */
  label: LabelInfo;
  /**
   * Parameters of the action being generated, as two parallel stacks of
   * names and values (no allocation per binding): the labelling operator's
   * own parameters, then the `\E`-bound values inside it. Entries below
   * `paramStart` belong to enclosing actions and are not part of the label.
   */
  paramNames: string[];
  paramValues: Value[];
  paramStart: number;
}

/** A compiled expression. */
export type Fn = (c: Ctx, f: Frame | null) => Value;

/** A compiled action: calls `k` once per way the action can be satisfied (assignments in c.next). */
export type Act = (c: Ctx, f: Frame | null, k: () => void) => void;

/** An operator passed as an argument (LAMBDA, a definition name, a built-in). */
export interface OpClosure {
  readonly arity: number;
  call(c: Ctx, args: Value[]): Value;
}

/** Empties the action-parameter stacks before generating from a new state. */
export function resetParams(c: Ctx): void {
  c.paramNames.length = 0;
  c.paramValues.length = 0;
  c.paramStart = 0;
}

/**
 * The params of the successor being emitted, as `[name, value]` pairs in
 * binding order; a name bound twice keeps its innermost value, once.
 */
export function labelParams(c: Ctx): [string, Value][] {
  const ns = c.paramNames;
  const vs = c.paramValues;
  const out: [string, Value][] = [];
  for (let i = c.paramStart; i < ns.length; i++) {
    let repeated = false;
    for (let j = i + 1; j < ns.length; j++) {
      if (ns[j] === ns[i]) {
        repeated = true;
        break;
      }
    }
    if (!repeated) out.push([ns[i], vs[i]]);
  }
  return out;
}

export function hop(f: Frame | null, n: number): Frame | null {
  let g = f;
  for (let i = 0; i < n; i++) g = g!.up;
  return g;
}

export function makeCtx(state: (Value | undefined)[] = [], next: (Value | undefined)[] | null = null): Ctx {
  return {
    state,
    next,
    level: 1,
    label: { name: 'Initial predicate' },
    paramNames: [],
    paramValues: [],
    paramStart: 0,
  };
}

/**
 * A copy of the context for values evaluated later (lazy functions): the
 * shared context moves on to other states while the value lives on.
 */
export function snapshotCtx(c: Ctx): Ctx {
  return {
    state: c.state.slice(),
    next: c.next ? c.next.slice() : null,
    level: c.level,
    label: c.label,
    paramNames: [],
    paramValues: [],
    paramStart: 0,
  };
}

/** Copies of a frame and the frames above it, for code run after their bindings have moved on (lazy sets). */
export function snapshotFrames(f: Frame): Frame {
  return { v: f.v.slice(), up: f.up ? snapshotFrames(f.up) : null };
}

/** An EvalError at `loc` (keeps the innermost location when one is already set). */
export function locate(e: unknown, loc: Loc): never {
  if (e instanceof ModelEvalError && e.loc === undefined) {
    throw new ModelEvalError(e.kind, e.message, loc, e.exitCode);
  }
  throw e;
}

export function evalFail(kind: ModelEvalError['kind'], message: string, loc?: Loc): never {
  throw new ModelEvalError(kind, message, loc);
}

export { ModelEvalError };

const STACK_OVERFLOW = 'Stack overflow while evaluating the spec (recursion too deep).';

function isStackOverflow(e: unknown): boolean {
  // No regular expression here: near the stack's limit, compiling one overflows again.
  return e instanceof RangeError && e.message.includes('call stack');
}

/**
 * `fn`, where a stack overflow becomes an evaluation error at `loc`: wraps
 * the bodies of recursive definitions, so that the error names the
 * recursion that went too deep (the innermost one catches it).
 */
export function overflowLocated<A, B, R>(fn: (a: A, b: B) => R, loc: Loc): (a: A, b: B) => R {
  return (a, b) => {
    try {
      return fn(a, b);
    } catch (e) {
      if (isStackOverflow(e)) throw new ModelEvalError('other', STACK_OVERFLOW, loc);
      throw e;
    }
  };
}

/** Turns the JS engine's stack overflow (deep recursion in a spec) into an evaluation error. */
export function stackOverflowToEvalError(e: unknown): never {
  if (isStackOverflow(e)) throw new ModelEvalError('other', STACK_OVERFLOW);
  throw e;
}
