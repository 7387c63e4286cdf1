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

export function compileUnchanged(e: Expr, env: CEnv, loc: Loc): Act {
  const indices: number[] = [];
  const collect = (x: Expr, xenv: CEnv): boolean => {
    if (x.kind === 'Tuple') return x.elems.every((y) => collect(y, xenv));
    if (x.kind === 'Ident') {
      const b = xenv.scope.lookup(x.name);
      const i = varOf(b);
      if (i !== undefined) {
        indices.push(i);
        return true;
      }
      if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef' && b.entry.def.params.length === 0) {
        return collect(b.entry.def.body, { ...xenv, scope: b.entry.scope });
      }
    }
    return false;
  };
  if (!collect(e, env)) {
    const now = compileExpr(e, env);
    const next = compileExpr(e, { ...env, primed: true });
    return (c, f, k) => {
      if (valueEquals(next(c, f), now(c, f))) k();
    };
  }
  if (indices.length === 1) {
    const i = indices[0];
    return assign(i, (c) => c.state[i] as Value, loc);
  }
  if (indices.length > 30) {
    const targets = indices.map((i) => assign(i, (c) => c.state[i] as Value, loc));
    return (c, f, k) => {
      const run = (j: number): void => {
        if (j === targets.length) {
          k();
          return;
        }
        targets[j](c, f, () => run(j + 1));
      };
      run(0);
    };
  }
  return unchangedVars(indices, loc);
}

/**
 * `UNCHANGED <<x, y, …>>` in one step: each variable is assigned its current
 * value, or compared with it when already assigned (as `x' = x` would be),
 * in order; no closure per variable. A bit mask remembers what to undo.
 */
function unchangedVars(indices: readonly number[], loc: Loc): Act {
  const n = indices.length;
  const undo = (next: (Value | undefined)[], mask: number): void => {
    for (let j = 0; j < n; j++) if (mask & (1 << j)) next[indices[j]] = undefined;
  };
  return (c, _f, k) => {
    const next = c.next!;
    const state = c.state;
    let mask = 0;
    for (let j = 0; j < n; j++) {
      const i = indices[j];
      const cur = next[i];
      const v = state[i] as Value;
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
        return locate(err, loc);
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
