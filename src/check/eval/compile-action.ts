/**
 * Actions → generators of successor states, with TLC's semantics.
 *
 * An action compiles to `(c, f, k)`: it calls `k` once for every way it can
 * be satisfied, with the next state's assignments in `c.next` (undone on
 * return). Conjunctions run left to right; `x' = e` assigns x' when it is
 * unassigned and tests it otherwise; `x' \in S`, `\E` and disjunctions
 * branch in TLC's order; anything else is a guard. The initial predicate
 * compiles the same way with unprimed variables as the targets.
 *
 * While splitting Next into actions (disjunctions, `\E`, operator calls at
 * its top), the label of the successor is maintained: the innermost
 * operator entered names the action, and `\E` and parameter values are
 * recorded as its params.
 */
import type { Bound, Expr, Loc } from '../../tla/ast.js';
import { asSet, setContains, setElems, type Value, valueEquals } from '../value/index.js';
import { bindComponent, compileBinder } from './compile-binders.js';
import { asBool, compileExpr } from './compile-expr.js';
import { letScope } from './compile-let.js';
import { compileArgs, paramScope, resolveInstanceRef } from './compile-ops.js';
import type { CEnv } from './env.js';
import { type Act, evalFail, type Fn, hop, type LabelInfo, locate } from './runtime.js';
import type { Binding, DefEntry, DefForm } from './scope.js';

export type ActionMode = 'init' | 'next';

export interface ActionOpts {
  readonly mode: ActionMode;
  /** Still splitting the top of Next (labels and params are tracked). */
  readonly split: boolean;
  /** Name of the definition whose body is being compiled (labels inline disjuncts). */
  readonly labelName: string;
}

/** A compiled conjunct: a pure guard or an action. */
type Part = { guard: Fn; loc: Loc } | { act: Act };

function guardPart(e: Expr, env: CEnv): Part {
  return { guard: compileExpr(e, env), loc: e.loc };
}

function toAct(p: Part): Act {
  if ('act' in p) return p.act;
  const g = p.guard;
  const loc = p.loc;
  return (c, f, k) => {
    if (asBool(g(c, f), loc, 'action')) k();
  };
}

export function compileAction(e: Expr, env: CEnv, opts: ActionOpts): Act {
  return toAct(compilePart(e, env, opts));
}

/** The state variable an assignment target names (`x'` in Next, `x` in Init), if any. */
function targetVar(e: Expr, env: CEnv, mode: ActionMode): number | undefined {
  let inner: Expr = e;
  if (mode === 'next') {
    if (e.kind !== 'Prime') return undefined;
    inner = e.expr;
  }
  if (inner.kind !== 'Ident') return undefined;
  return varOf(env.scope.lookup(inner.name));
}

function varOf(b: Binding | undefined): number | undefined {
  if (!b) return undefined;
  if (b.kind === 'var') return b.index;
  if (b.kind === 'subst' && b.entry.expr.kind === 'Ident') return varOf(b.entry.scope.lookup(b.entry.expr.name));
  return undefined;
}

function compilePart(e: Expr, env: CEnv, opts: ActionOpts): Part {
  const sub: ActionOpts = opts.split ? { ...opts, split: false } : opts;
  switch (e.kind) {
    case 'OpApp':
      return compileOpAppPart(e, env, opts, sub);
    case 'Ident': {
      const b = env.scope.lookup(e.name);
      if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef' && b.entry.def.params.length === 0) {
        return { act: defAction(b.entry, [], env.depth - b.entry.depth, undefined, env, opts) };
      }
      if (b?.kind === 'letValue') {
        const def = b.entry.def;
        if (def.kind === 'OperatorDef') {
          const inner: CEnv = { ...env, scope: b.letEnv.scope };
          const act = compileAction(def.body, inner, opts);
          const hops = env.depth - b.depth;
          return { act: hops === 0 ? act : (c, f, k) => act(c, hop(f, hops), k) };
        }
      }
      return guardPart(e, env);
    }
    case 'InstanceRef': {
      const r = resolveInstanceRef(e, env);
      if (r.binding.kind !== 'def' || r.binding.entry.def.kind !== 'OperatorDef') return guardPart(e, env);
      const entry = r.binding.entry;
      const params = entry.def.kind === 'OperatorDef' ? entry.def.params : [];
      const argFns = compileArgs(params, e.args, env);
      const hops = r.depth - entry.depth;
      const up = r.up;
      return { act: defAction(entry, argFns, 0, (c, f) => hop(up(c, f), hops), env, opts) };
    }
    case 'Quant': {
      if (e.quantifier !== 'exists' || e.bounds.length === 0) return guardPart(e, env);
      return { act: compileExists(e.bounds, e.body, env, opts) };
    }
    case 'If': {
      const cond = compileExpr(e.cond, env);
      const th = compileAction(e.then, env, sub);
      const el = compileAction(e.else, env, sub);
      const loc = e.cond.loc;
      return {
        act: (c, f, k) => (asBool(cond(c, f), loc, 'condition of IF') ? th(c, f, k) : el(c, f, k)),
      };
    }
    case 'Case': {
      const guards = e.arms.map((a) => compileExpr(a.guard, env));
      const bodies = e.arms.map((a) => compileAction(a.body, env, sub));
      const other = e.other ? compileAction(e.other, env, sub) : undefined;
      const loc = e.loc;
      return {
        act: (c, f, k) => {
          for (let i = 0; i < guards.length; i++) {
            if (asBool(guards[i](c, f), loc, 'guard of a CASE arm')) return bodies[i](c, f, k);
          }
          if (other) return other(c, f, k);
          return evalFail('other', 'Attempted to evaluate a CASE with no conditions true.', loc);
        },
      };
    }
    case 'Let': {
      const { scope, resets } = letScope(e, env);
      const body = compileAction(e.body, { ...env, scope }, opts);
      return {
        act: (c, f, k) => {
          for (let i = 0; i < resets.length; i++) f!.v[resets[i]] = undefined;
          body(c, f, k);
        },
      };
    }
    case 'Unchanged':
      if (opts.mode === 'next') return { act: compileUnchanged(e.expr, env, e.loc) };
      return guardPart(e, env);
    default:
      return guardPart(e, env);
  }
}

function compileOpAppPart(e: Extract<Expr, { kind: 'OpApp' }>, env: CEnv, opts: ActionOpts, sub: ActionOpts): Part {
  const b = env.scope.lookup(e.name);
  if (!b || b.kind === 'native') {
    switch (e.name) {
      case '/\\':
        return { act: compileConj(e.args, env, sub) };
      case '\\/':
        return { act: compileDisj(e.args, env, opts) };
      case '=': {
        const i = targetVar(e.args[0], env, opts.mode);
        if (i === undefined) return guardPart(e, env);
        return { act: assign(i, compileExpr(e.args[1], env), e.loc) };
      }
      case '\\in': {
        const i = targetVar(e.args[0], env, opts.mode);
        if (i === undefined) return guardPart(e, env);
        return { act: assignIn(i, compileExpr(e.args[1], env), e.loc) };
      }
      default:
        return guardPart(e, env);
    }
  }
  if (b.kind === 'def' && b.entry.def.kind === 'OperatorDef') {
    const params = b.entry.def.params;
    if (params.length !== e.args.length) return guardPart(e, env);
    const argFns = compileArgs(params, e.args, env);
    return { act: defAction(b.entry, argFns, env.depth - b.entry.depth, undefined, env, opts) };
  }
  return guardPart(e, env);
}

function compileConj(args: readonly Expr[], env: CEnv, opts: ActionOpts): Act {
  const parts = args.map((a) => compilePart(a, env, opts));
  const n = parts.length;
  // run(i): evaluate guards from i until the next action, then continue through it.
  const run = (c: Parameters<Act>[0], f: Parameters<Act>[1], k: () => void, i: number): void => {
    for (; i < n; i++) {
      const p = parts[i];
      if ('guard' in p) {
        if (!asBool(p.guard(c, f), p.loc, 'conjunct')) return;
      } else {
        const next = i + 1;
        if (next === n) return p.act(c, f, k);
        return p.act(c, f, () => run(c, f, k, next));
      }
    }
    k();
  };
  return (c, f, k) => run(c, f, k, 0);
}

function compileDisj(args: readonly Expr[], env: CEnv, opts: ActionOpts): Act {
  const acts = args.map((a) => {
    const act = compileAction(a, env, opts);
    if (!opts.split || opts.mode !== 'next') return act;
    // An inline disjunct of Next is labelled by the enclosing definition, at the disjunct's location.
    const label: LabelInfo = { name: opts.labelName, loc: a.loc, module: env.scope.module };
    return withLabel(label, act);
  });
  return (c, f, k) => {
    for (let i = 0; i < acts.length; i++) acts[i](c, f, k);
  };
}

function withLabel(label: LabelInfo, act: Act): Act {
  return (c, f, k) => {
    const prev = c.label;
    c.label = label;
    try {
      act(c, f, k);
    } finally {
      c.label = prev;
    }
  };
}

function compileExists(bounds: readonly Bound[], body: Expr, env: CEnv, opts: ActionOpts): Act {
  const binder = compileBinder(bounds, env);
  const act = compileAction(body, binder.env, opts);
  const comps = binder.components;
  const track = opts.split && opts.mode === 'next';
  const names = binder.names;
  return (c, f, k) => {
    const fr = f!;
    const go = (i: number): void => {
      if (i === comps.length) {
        if (!track) return act(c, f, k);
        const base = c.params.length;
        for (const n of names) c.params.push([n.name, fr.v[n.slot] as Value]);
        try {
          act(c, f, k);
        } finally {
          c.params.length = base;
        }
        return;
      }
      const comp = comps[i];
      const elems = setElems(asSet(comp.set(c, f)));
      for (let j = 0; j < elems.length; j++) {
        bindComponent(comp, fr, elems[j]);
        go(i + 1);
      }
    };
    go(0);
  };
}

function assign(i: number, rhs: Fn, loc: Loc): Act {
  return (c, f, k) => {
    const v = rhs(c, f);
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

function assignIn(i: number, set: Fn, loc: Loc): Act {
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

function compileUnchanged(e: Expr, env: CEnv, loc: Loc): Act {
  const targets: Act[] = [];
  const collect = (x: Expr, xenv: CEnv): boolean => {
    if (x.kind === 'Tuple') return x.elems.every((y) => collect(y, xenv));
    if (x.kind === 'Ident') {
      const b = xenv.scope.lookup(x.name);
      const i = varOf(b);
      if (i !== undefined) {
        targets.push(assign(i, (c) => c.state[i] as Value, loc));
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
  if (targets.length === 1) return targets[0];
  return (c, f, k) => {
    const run = (j: number): void => {
      if (j === targets.length) return k();
      targets[j](c, f, () => run(j + 1));
    };
    run(0);
  };
}

/** The action form of a definition, compiled on first need. */
function defActionForm(entry: DefEntry, env: CEnv, opts: ActionOpts): DefForm<Act> {
  const key = opts.mode === 'init' ? 'i' : 'a';
  // Splitting and non-splitting uses differ only in labels, so only the splitting one is cached separately.
  const cacheKey = opts.split ? key : (`${key}-` as const);
  const forms = entry.forms as Record<string, DefForm<Act> | undefined>;
  const existing = forms[cacheKey];
  if (existing) return existing;
  const def = entry.def;
  const nParams = def.kind === 'OperatorDef' ? def.params.length : 0;
  const form: DefForm<Act> = { alloc: { size: nParams }, deps: { state: false, prime: false, local: false }, done: false };
  forms[cacheKey] = form;
  if (def.kind !== 'OperatorDef') return evalFail('other', `${entry.name} is not an action.`, def.loc);
  const inner: CEnv = {
    scope: paramScope(entry),
    depth: entry.depth + 1,
    alloc: form.alloc,
    primed: false,
    deps: form.deps,
    g: env.g,
  };
  form.fn = compileAction(def.body, inner, { ...opts, labelName: entry.name });
  form.done = true;
  return form;
}

/** A call of a definition as an action (a new frame below `up`, or `hops` above the caller's). */
function defAction(
  entry: DefEntry,
  argFns: Fn[],
  hops: number,
  upOf: ((c: Parameters<Act>[0], f: Parameters<Act>[1]) => Parameters<Act>[1]) | undefined,
  env: CEnv,
  opts: ActionOpts,
): Act {
  const form = defActionForm(entry, env, opts);
  const def = entry.def;
  const params = def.kind === 'OperatorDef' ? def.params : [];
  const n = argFns.length;
  const label: LabelInfo | undefined =
    opts.split && opts.mode === 'next' && def.kind === 'OperatorDef'
      ? { name: entry.name, loc: def.body.loc, module: entry.module }
      : undefined;
  const alloc = form.alloc;
  return (c, f, k) => {
    const v = new Array(alloc.size);
    for (let i = 0; i < n; i++) v[i] = argFns[i](c, f);
    const up = upOf ? upOf(c, f) : hop(f, hops);
    const nf = { v, up };
    if (!label) return form.fn!(c, nf, k);
    const prev = c.label;
    const base = c.params.length;
    c.label = label;
    for (let i = 0; i < n; i++) if (params[i].arity === 0) c.params.push([params[i].name, v[i] as Value]);
    try {
      form.fn!(c, nf, k);
    } finally {
      c.label = prev;
      c.params.length = base;
    }
  };
}
