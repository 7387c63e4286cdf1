/**
 * Expressions → closures. Names are resolved here, once; evaluation never
 * walks the AST.
 */
import type { Expr, Loc } from '../../tla/ast.js';
import {
  applyFcn,
  asFcn,
  asSet,
  compareStrings,
  FcnSet,
  fcnIndex,
  fcnReplaceAt,
  fcnUpdate,
  fcnValueAt,
  fieldAccess,
  forceFcn,
  intLiteral,
  makeRecord,
  makeSet,
  printValue,
  RecordSet,
  RecordValue,
  Tag,
  TupleValue,
  type Value,
  valueEquals,
} from '../value/index.js';
import { compileAction } from './compile-action.js';
import {
  compileBoundQuant,
  compileChoose,
  compileFcnCtor,
  compileSetFilter,
  compileSetMap,
} from './compile-binders.js';
import { compileInstanceRef } from './compile-instance.js';
import { compileLet } from './compile-let.js';
import { compileIdent, compileOpApp } from './compile-ops.js';
import { type CEnv, newSlot } from './env.js';
import { evalFail, type Fn, locate } from './runtime.js';
import type { Deps } from './scope.js';

/** Requires a boolean (TLC: a non-boolean used where a condition is expected). */
export function asBool(v: Value, loc: Loc, what: string): boolean {
  if (typeof v === 'boolean') return v;
  return evalFail('type', `A non-boolean expression (${printValue(v)}) was used as the ${what}.`, loc);
}

/** Wraps a closure so errors without a location get `loc`. */
export function located(fn: Fn, loc: Loc): Fn {
  return (c, f) => {
    try {
      return fn(c, f);
    } catch (e) {
      return locate(e, loc);
    }
  };
}

/**
 * Compiles `e`; a subexpression that reads no state, next state or frame
 * (`{"idle", "busy"}`, `1..N`) is evaluated once and its value reused.
 */
export function compileExpr(e: Expr, env: CEnv): Fn {
  switch (e.kind) {
    case 'Num':
    case 'Str':
    case 'Bool':
    case 'Ident':
    case 'At':
    case 'Lambda':
      return compileNode(e, env);
  }
  const deps: Deps = { state: false, prime: false, local: false };
  const fn = compileNode(e, { ...env, deps });
  if (deps.state) env.deps.state = true;
  if (deps.prime) env.deps.prime = true;
  if (deps.local) env.deps.local = true;
  if (deps.state || deps.prime || deps.local) return fn;
  let cached: Value | undefined;
  return (c, f) => {
    if (cached === undefined) cached = fn(c, f);
    return cached;
  };
}

function compileNode(e: Expr, env: CEnv): Fn {
  switch (e.kind) {
    case 'Num': {
      let n: number;
      try {
        n = intLiteral(e.value);
      } catch (err) {
        return locate(err, e.loc);
      }
      return () => n;
    }
    case 'Str': {
      const s = e.value;
      return () => s;
    }
    case 'Bool': {
      const b = e.value;
      return () => b;
    }
    case 'Ident':
      return compileIdent(e, env);
    case 'OpApp':
      return compileOpApp(e, env);
    case 'InstanceRef':
      return compileInstanceRef(e, env);
    case 'Let':
      return compileLet(e, env);
    case 'If': {
      const cond = compileExpr(e.cond, env);
      const th = compileExpr(e.then, env);
      const el = compileExpr(e.else, env);
      const loc = e.cond.loc;
      return (c, f) => (asBool(cond(c, f), loc, 'condition of IF') ? th(c, f) : el(c, f));
    }
    case 'Case': {
      const guards = e.arms.map((a) => compileExpr(a.guard, env));
      const bodies = e.arms.map((a) => compileExpr(a.body, env));
      const other = e.other ? compileExpr(e.other, env) : undefined;
      const loc = e.loc;
      return (c, f) => {
        for (let i = 0; i < guards.length; i++) {
          if (asBool(guards[i](c, f), loc, 'guard of a CASE arm')) return bodies[i](c, f);
        }
        if (other) return other(c, f);
        return evalFail('other', 'Attempted to evaluate a CASE with no conditions true.', loc);
      };
    }
    case 'Quant':
      return compileBoundQuant(e, env);
    case 'Choose':
      return compileChoose(e, env);
    case 'SetEnum': {
      const elems = e.elems.map((x) => compileExpr(x, env));
      return (c, f) => {
        const vs: Value[] = new Array(elems.length);
        for (let i = 0; i < elems.length; i++) vs[i] = elems[i](c, f);
        return makeSet(vs);
      };
    }
    case 'SetFilter':
      return compileSetFilter(e, env);
    case 'SetMap':
      return compileSetMap(e, env);
    case 'FcnCtor':
      return compileFcnCtor(e, env);
    case 'FcnApp': {
      const fn = compileExpr(e.fcn, env);
      const loc = e.loc;
      if (e.args.length === 1) {
        const arg = compileExpr(e.args[0], env);
        // Inline cache for records (see FieldAccess): `workers[w]` with w a field name.
        let seenNames: readonly string[] | undefined;
        let seenIndex = 0;
        const generic: Fn = (c, f) => {
          const fv = fn(c, f);
          const a = arg(c, f);
          if (typeof fv === 'object') {
            if (fv.tag === Tag.Tuple) {
              if (typeof a === 'number' && a >= 1 && a <= fv.elems.length) return fv.elems[a - 1];
            } else if (fv.tag === Tag.Record && typeof a === 'string') {
              const names = fv.names;
              if ((names === seenNames || seenIndex < names.length) && names[seenIndex] === a) {
                seenNames = names;
                return fv.values[seenIndex];
              }
              const i = names.indexOf(a);
              if (i >= 0) {
                seenNames = names;
                seenIndex = i;
                return fv.values[i];
              }
            }
          }
          try {
            return applyFcn(asFcn(fv), a);
          } catch (err) {
            return locate(err, loc);
          }
        };
        // `pc[p]`: a state variable applied to a bound name of this frame, read directly.
        const v = stateVarIndex(e.fcn, env);
        const slot = localSlot(e.args[0], env);
        if (v === undefined || slot === undefined) return generic;
        const primed = env.primed;
        return (c, f) => {
          const fv = primed ? c.next?.[v] : c.state[v];
          const a = f!.v[slot] as Value;
          if (typeof fv === 'object') {
            if (fv.tag === Tag.Tuple) {
              if (typeof a === 'number' && a >= 1 && a <= fv.elems.length) return fv.elems[a - 1];
            } else if (fv.tag === Tag.Record && fv.names === seenNames && fv.names[seenIndex] === a) {
              return fv.values[seenIndex];
            }
          }
          return generic(c, f);
        };
      }
      const args = e.args.map((a) => compileExpr(a, env));
      return (c, f) => {
        const fv = fn(c, f);
        const a = tupleOf(args.map((x) => x(c, f)));
        try {
          return applyFcn(asFcn(fv), a);
        } catch (err) {
          return locate(err, loc);
        }
      };
    }
    case 'FcnSet': {
      const d = compileExpr(e.domain, env);
      const r = compileExpr(e.range, env);
      return located((c, f) => new FcnSet(asSet(d(c, f)), asSet(r(c, f))), e.loc);
    }
    case 'RecordCtor': {
      // Field order is fixed by the text: sort once here, not per record built.
      const names = e.fields.map((x) => internName(x.name));
      const vals = e.fields.map((x) => compileExpr(x.value, env));
      const sorted = makeRecord(
        names,
        names.map((_, i) => i),
      );
      const sortedNames = sorted.names;
      // Where each field's value goes (-1: a repeated field, evaluated but dropped as TLC keeps the first).
      const pos = names.map((_, i) => sorted.values.indexOf(i));
      const n = vals.length;
      const width = sortedNames.length;
      return (c, f) => {
        const out: Value[] = new Array(width);
        for (let i = 0; i < n; i++) {
          const v = vals[i](c, f);
          const p = pos[i];
          if (p >= 0) out[p] = v;
        }
        return new RecordValue(sortedNames, out);
      };
    }
    case 'RecordSet': {
      const order = e.fields
        .map((_, i) => i)
        .sort((a, b) => compareStrings(e.fields[a].name, e.fields[b].name));
      const names = order.map((i) => e.fields[i].name);
      const sets = order.map((i) => compileExpr(e.fields[i].set, env));
      return located(
        (c, f) =>
          new RecordSet(
            names,
            sets.map((s) => asSet(s(c, f))),
          ),
        e.loc,
      );
    }
    case 'FieldAccess': {
      const r = compileExpr(e.record, env);
      const name = internName(e.field);
      const loc = e.loc;
      // Inline cache: records built by one constructor (or EXCEPT of it) share their names array.
      let seenNames: readonly string[] | undefined;
      let seenIndex = 0;
      return (c, f) => {
        const v = r(c, f);
        if (typeof v === 'object' && v.tag === Tag.Record) {
          const names = v.names;
          // Records of one shape built in different places have equal but distinct names arrays.
          if (names === seenNames || names[seenIndex] === name) {
            seenNames = names;
            return v.values[seenIndex];
          }
          for (let i = 0; i < names.length; i++) {
            if (names[i] === name) {
              seenNames = names;
              seenIndex = i;
              return v.values[i];
            }
          }
        }
        try {
          return fieldAccess(v, name);
        } catch (err) {
          return locate(err, loc);
        }
      };
    }
    case 'Tuple': {
      const elems = e.elems.map((x) => compileExpr(x, env));
      return (c, f) => {
        const vs: Value[] = new Array(elems.length);
        for (let i = 0; i < elems.length; i++) vs[i] = elems[i](c, f);
        return tupleOf(vs);
      };
    }
    case 'Except':
      return compileExcept(e, env);
    case 'At': {
      env.deps.local = true;
      const slot = env.atSlot;
      if (slot === undefined) return evalFail('other', '@ used outside an EXCEPT value.', e.loc);
      return (_c, f) => f!.v[slot] as Value;
    }
    case 'Prime': {
      if (env.primed) return evalFail('other', 'A primed expression is primed again.', e.loc);
      env.deps.prime = true;
      return compileExpr(e.expr, { ...env, primed: true });
    }
    case 'Unchanged': {
      if (env.primed) return evalFail('other', 'UNCHANGED inside a primed expression.', e.loc);
      const now = compileExpr(e.expr, env);
      env.deps.prime = true;
      const next = compileExpr(e.expr, { ...env, primed: true });
      return located((c, f) => valueEquals(next(c, f), now(c, f)), e.loc);
    }
    case 'ActionBox':
    case 'ActionAngle': {
      // [A]_v is A \/ v' = v; <<A>>_v is A /\ v' # v (evaluated on a pair of states).
      const act = compileExpr(e.action, env);
      const now = compileExpr(e.sub, env);
      env.deps.prime = true;
      const next = compileExpr(e.sub, { ...env, primed: true });
      const loc = e.loc;
      if (e.kind === 'ActionBox') {
        return (c, f) => asBool(act(c, f), loc, 'action') || valueEquals(next(c, f), now(c, f));
      }
      return (c, f) => asBool(act(c, f), loc, 'action') && !valueEquals(next(c, f), now(c, f));
    }
    case 'Lambda':
      return evalFail('other', 'A LAMBDA expression can only be an argument of an operator.', e.loc);
    case 'Enabled':
      return compileEnabled(e, env);
    case 'Fairness':
    case 'TemporalQuant':
      return evalFail(
        'other',
        `The checker cannot evaluate ${e.kind} as a state or action predicate.`,
        e.loc,
      );
  }
}

/** The index of the state variable `e` names, if it is one. */
function stateVarIndex(e: Expr, env: CEnv): number | undefined {
  if (e.kind !== 'Ident') return undefined;
  const b = env.scope.lookup(e.name);
  return b?.kind === 'var' ? b.index : undefined;
}

/** The slot of the value-bound name `e` when it lives in the current frame. */
function localSlot(e: Expr, env: CEnv): number | undefined {
  if (e.kind !== 'Ident') return undefined;
  const b = env.scope.lookup(e.name);
  return b?.kind === 'local' && b.arity === 0 && b.depth === env.depth ? b.slot : undefined;
}

const interned = new Map<string, string>();
/** One string object per field name, so comparing names is comparing references. */
function internName(name: string): string {
  const known = interned.get(name);
  if (known !== undefined) return known;
  interned.set(name, name);
  return name;
}

function tupleOf(vs: Value[]): Value {
  return new TupleValue(vs);
}

function compileExcept(e: Extract<Expr, { kind: 'Except' }>, env: CEnv): Fn {
  const base = compileExpr(e.fcn, env);
  const atSlot = newSlot(env);
  const inner: CEnv = { ...env, atSlot };
  const updates = e.updates.map((u) => ({
    path: u.path.map((step) =>
      step.kind === 'field'
        ? (() => {
            const n = step.name;
            return (() => n) as Fn;
          })()
        : step.args.length === 1
          ? compileExpr(step.args[0], env)
          : (() => {
              const parts = step.args.map((a) => compileExpr(a, env));
              return ((c, f) => tupleOf(parts.map((p) => p(c, f)))) as Fn;
            })(),
    ),
    value: compileExpr(u.value, inner),
  }));
  const loc = e.loc;
  if (updates.every((u) => u.path.length === 1)) {
    // `![k] = v` steps only (the usual case): no key array, no closure per update.
    const keyFns = updates.map((u) => u.path[0]);
    const valueFns = updates.map((u) => u.value);
    const n = updates.length;
    return (c, f) => {
      let fv = base(c, f);
      try {
        for (let j = 0; j < n; j++) {
          const key = keyFns[j](c, f);
          const g = forceFcn(asFcn(fv));
          const i = fcnIndex(g, key);
          if (i < 0) {
            fv = g;
            continue;
          }
          f!.v[atSlot] = fcnValueAt(g, i);
          fv = fcnReplaceAt(g, i, valueFns[j](c, f));
        }
      } catch (err) {
        return locate(err, loc);
      }
      return fv;
    };
  }
  return (c, f) => {
    let fv = base(c, f);
    try {
      for (const u of updates) {
        const keys = u.path.map((p) => p(c, f));
        fv = updateAt(fv, keys, 0, (old) => {
          f!.v[atSlot] = old;
          return u.value(c, f);
        });
      }
    } catch (err) {
      return locate(err, loc);
    }
    return fv;
  };
}

function updateAt(fv: Value, keys: Value[], i: number, leaf: (old: Value) => Value): Value {
  if (i === keys.length) return leaf(fv);
  return fcnUpdate(asFcn(fv), keys[i], (old) => updateAt(old, keys, i + 1, leaf));
}

/** Thrown to stop enumerating successors once ENABLED has found one. */
const FOUND = { found: true };

/** `ENABLED A`: whether A has a successor from the current state (A run as an action on a fresh next state). */
function compileEnabled(e: Extract<Expr, { kind: 'Enabled' }>, env: CEnv): Fn {
  if (env.primed) return evalFail('other', 'ENABLED inside a primed expression.', e.loc);
  env.deps.state = true;
  const act = compileAction(e.expr, env, { mode: 'next', split: false, labelName: 'ENABLED' });
  return (c, f) => {
    const saved = c.next;
    c.next = new Array(c.state.length).fill(undefined);
    try {
      act(c, f, () => {
        throw FOUND;
      });
      return false;
    } catch (err) {
      if (err === FOUND) return true;
      throw err;
    } finally {
      c.next = saved;
    }
  };
}
