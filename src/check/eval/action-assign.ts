/**
 * Assignments inside actions: `x' = e` (or `x = e` in Init) assigns when the
 * variable is unassigned and tests otherwise; `x' \in S` branches over S in
 * TLC's order; `UNCHANGED <<x, vars>>` assigns each variable its value.
 */
import type { Expr, Loc } from '../../tla/ast.js';
import { asSet, forceFcn, setContains, setElems, Tag, type Value, valueEquals } from '../value/index.js';
import type { ActionMode } from './compile-action.js';
import { compileExpr } from './compile-expr.js';
import type { CEnv } from './env.js';
import { type Act, type Fn, locate } from './runtime.js';
import type { Binding } from './scope.js';

/** The state variable an assignment target names (`x'` in Next, `x` in Init), if any. */
export function targetVar(e: Expr, env: CEnv, mode: ActionMode): number | undefined {
  let inner: Expr = e;
  if (mode === 'next') {
    // A parameter that stands for a primed variable (see primedVarParam) is a target too.
    if (e.kind === 'Ident') {
      const b = env.scope.lookup(e.name);
      if (b?.kind === 'subst' && b.entry.expr.kind === 'Prime' && b.entry.expr.expr.kind === 'Ident')
        return varOf(b.entry.scope.lookup(b.entry.expr.expr.name));
      return undefined;
    }
    if (e.kind !== 'Prime') return undefined;
    inner = e.expr;
  }
  if (inner.kind !== 'Ident') return undefined;
  return varOf(env.scope.lookup(inner.name));
}

export function varOf(b: Binding | undefined): number | undefined {
  if (!b) return undefined;
  if (b.kind === 'var') return b.index;
  if (b.kind === 'subst' && b.entry.expr.kind === 'Ident')
    return varOf(b.entry.scope.lookup(b.entry.expr.name));
  return undefined;
}

/** A lazy function stored in a state is made explicit (states hold plain values). */
function settle(v: Value): Value {
  if (typeof v === 'object' && v.tag === Tag.LazyFcn) return forceFcn(v);
  return v;
}

export function assign(i: number, rhs: Fn, loc: Loc): Act {
  return (c, f, k) => {
    const v = settle(rhs(c, f));
    const next = c.next!;
    const cur = next[i];
    if (cur === undefined) {
      next[i] = v;
      try {
        k();
      } finally {
        next[i] = undefined;
      }
    } else {
      let same: boolean;
      try {
        same = valueEquals(cur, v);
      } catch (e) {
        return locate(e, loc);
      }
      if (same) k();
    }
  };
}

export function assignIn(i: number, set: Fn, loc: Loc): Act {
  return (c, f, k) => {
    let s: ReturnType<typeof asSet>;
    try {
      s = asSet(set(c, f));
    } catch (e) {
      return locate(e, loc);
    }
    const next = c.next!;
    const cur = next[i];
    if (cur !== undefined) {
      if (setContains(s, cur)) k();
      return;
    }
    const elems = setElems(s);
    try {
      for (let j = 0; j < elems.length; j++) {
        next[i] = elems[j];
        k();
      }
    } finally {
      next[i] = undefined;
    }
  };
}

/** One assignment of a conjunction: `x' = rhs`, or `x' = x` for UNCHANGED x (rhs undefined). */
export interface AssignStep {
  readonly index: number;
  readonly rhs: Fn | undefined;
  readonly loc: Loc;
}

/** The variables of `UNCHANGED e` as assignment steps, when e names variables only (through tuples and definitions). */
export function unchangedSteps(e: Expr, env: CEnv, loc: Loc): AssignStep[] | undefined {
  const steps: AssignStep[] = [];
  const collect = (x: Expr, xenv: CEnv): boolean => {
    if (x.kind === 'Tuple') return x.elems.every((y) => collect(y, xenv));
    if (x.kind === 'Ident') {
      const b = xenv.scope.lookup(x.name);
      const i = varOf(b);
      if (i !== undefined) {
        steps.push({ index: i, rhs: undefined, loc });
        return true;
      }
      if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef' && b.entry.def.params.length === 0) {
        return collect(b.entry.def.body, { ...xenv, scope: b.entry.scope });
      }
    }
    return false;
  };
  return collect(e, env) ? steps : undefined;
}

export function compileUnchanged(e: Expr, env: CEnv, loc: Loc): Act {
  const steps = unchangedSteps(e, env, loc);
  if (steps) return assignSteps(steps);
  const now = compileExpr(e, env);
  const next = compileExpr(e, { ...env, primed: true });
  return (c, f, k) => {
    if (valueEquals(next(c, f), now(c, f))) k();
  };
}

function stepAct(s: AssignStep): Act {
  const i = s.index;
  return assign(i, s.rhs ?? ((c) => c.state[i] as Value), s.loc);
}

/**
 * Consecutive assignments (`x' = e /\ y' = e2 /\ UNCHANGED z`) in one step:
 * in order, each assigns its variable, or compares when it is already
 * assigned, exactly as the chain of single assignments would, but with no
 * continuation closure per assignment. A bit mask remembers what to undo.
 */
export function assignSteps(steps: readonly AssignStep[]): Act {
  const n = steps.length;
  if (n === 1) return stepAct(steps[0]);
  if (n > 30) {
    const acts = steps.map(stepAct);
    return (c, f, k) => {
      const run = (j: number): void => {
        if (j === n) {
          k();
          return;
        }
        acts[j](c, f, () => run(j + 1));
      };
      run(0);
    };
  }
  const indices = steps.map((s) => s.index);
  const rhss = steps.map((s) => s.rhs);
  const locs = steps.map((s) => s.loc);
  const undo = (next: (Value | undefined)[], mask: number): void => {
    for (let j = 0; j < n; j++) if (mask & (1 << j)) next[indices[j]] = undefined;
  };
  return (c, f, k) => {
    const next = c.next!;
    let mask = 0;
    for (let j = 0; j < n; j++) {
      const i = indices[j];
      const rhs = rhss[j];
      let v: Value;
      try {
        v = rhs === undefined ? (c.state[i] as Value) : settle(rhs(c, f));
      } catch (err) {
        undo(next, mask);
        throw err;
      }
      const cur = next[i];
      if (cur === undefined) {
        next[i] = v;
        mask |= 1 << j;
        continue;
      }
      let same: boolean;
      try {
        same = valueEquals(cur, v);
      } catch (err) {
        undo(next, mask);
        return locate(err, locs[j]);
      }
      if (!same) {
        undo(next, mask);
        return;
      }
    }
    try {
      k();
    } finally {
      undo(next, mask);
    }
  };
}
