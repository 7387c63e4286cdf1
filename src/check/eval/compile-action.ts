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
 * operator entered names the action; its params are that operator's own
 * parameters followed by the values bound by `\E` inside it (values bound
 * outside it, such as the `d` of `\E d \in S : Inc(d)`, reach it as its
 * arguments). An inline disjunct of Next is labelled by Next, with the
 * `\E`-bound values around it.
 */
import type { Bound, Expr, Loc } from '../../tla/ast.js';
import { asSet, setElems, type Value } from '../value/index.js';
import {
  type AssignStep,
  assignIn,
  assignSteps,
  compileUnchanged,
  targetVar,
  unchangedSteps,
} from './action-assign.js';
import { activeSampler, sampleBranches } from './action-sampling.js';
import { bindComponent, compileBinder } from './compile-binders.js';
import { asBool, compileExpr } from './compile-expr.js';
import { resolveInstanceRef } from './compile-instance.js';
import { letScope } from './compile-let.js';
import { compileArgs, formKey, paramScope, varArgSig, withoutPrimedArgs } from './compile-ops.js';
import type { CEnv } from './env.js';
import { type Act, evalFail, type Fn, hop, type LabelInfo } from './runtime.js';
import type { DefEntry, DefForm } from './scope.js';

export type ActionMode = 'init' | 'next';

export interface ActionOpts {
  readonly mode: ActionMode;
  /** Still splitting the top of Next (labels and params are tracked). */
  readonly split: boolean;
  /** Name of the definition whose body is being compiled (labels inline disjuncts). */
  readonly labelName: string;
}

/** A compiled conjunct: a pure guard, assignments (merged when consecutive), or an action. */
type Part = { guard: Fn; loc: Loc } | { steps: AssignStep[] } | { act: Act };

function guardPart(e: Expr, env: CEnv): Part {
  return { guard: compileExpr(e, env), loc: e.loc };
}

function toAct(p: Part): Act {
  if ('act' in p) return p.act;
  if ('steps' in p) return assignSteps(p.steps);
  const g = p.guard;
  const loc = p.loc;
  return (c, f, k) => {
    if (asBool(g(c, f), loc, 'action')) k();
  };
}

export function compileAction(e: Expr, env: CEnv, opts: ActionOpts): Act {
  return toAct(compilePart(e, env, opts));
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
      return {
        act: defAction(
          entry,
          argFns,
          0,
          (c, f) => hop(up(c, f), hops),
          env,
          opts,
          varArgSig(params, e.args, env),
        ),
      };
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
      if (opts.mode === 'next') {
        const steps = unchangedSteps(e.expr, env, e.loc);
        return steps ? { steps } : { act: compileUnchanged(e.expr, env, e.loc) };
      }
      return guardPart(e, env);
    default:
      return guardPart(e, env);
  }
}

function compileOpAppPart(
  e: Extract<Expr, { kind: 'OpApp' }>,
  env: CEnv,
  opts: ActionOpts,
  sub: ActionOpts,
): Part {
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
        return { steps: [{ index: i, rhs: compileExpr(e.args[1], env), loc: e.loc }] };
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
    const sig = varArgSig(params, e.args, env);
    const argFns = withoutPrimedArgs(compileArgs(params, e.args, env), sig);
    return { act: defAction(b.entry, argFns, env.depth - b.entry.depth, undefined, env, opts, sig) };
  }
  return guardPart(e, env);
}

function compileConj(args: readonly Expr[], env: CEnv, opts: ActionOpts): Act {
  const compiled = args.map((a) => compilePart(a, env, opts));
  // Consecutive assignments run as one action (no continuation closure between them).
  const merged: Part[] = [];
  for (const p of compiled) {
    const last = merged[merged.length - 1];
    if ('steps' in p && last !== undefined && 'steps' in last) {
      merged[merged.length - 1] = { steps: [...last.steps, ...p.steps] };
    } else merged.push(p);
  }
  const parts: ({ guard: Fn; loc: Loc } | { act: Act })[] = merged.map((p) =>
    'steps' in p ? { act: assignSteps(p.steps) } : p,
  );
  const n = parts.length;
  // run(i): evaluate guards from i until the next action, then continue through it.
  const run = (c: Parameters<Act>[0], f: Parameters<Act>[1], k: () => void, i: number): void => {
    for (; i < n; i++) {
      const p = parts[i];
      if ('guard' in p) {
        if (!asBool(p.guard(c, f), p.loc, 'conjunct')) return;
      } else {
        const next = i + 1;
        if (next === n) p.act(c, f, k);
        else p.act(c, f, () => run(c, f, k, next));
        return;
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
  if (!opts.split || opts.mode !== 'next') {
    return (c, f, k) => {
      for (let i = 0; i < acts.length; i++) acts[i](c, f, k);
    };
  }
  return (c, f, k) => {
    const below = activeSampler();
    if (below) {
      sampleBranches(acts.length, below, (i, k1) => acts[i](c, f, k1), k);
      return;
    }
    for (let i = 0; i < acts.length; i++) acts[i](c, f, k);
  };
}

function withLabel(label: LabelInfo, act: Act): Act {
  // No try/finally: an error aborts the whole generation, which resets the label.
  return (c, f, k) => {
    const prev = c.label;
    c.label = label;
    act(c, f, k);
    c.label = prev;
  };
}

function compileExists(bounds: readonly Bound[], body: Expr, env: CEnv, opts: ActionOpts): Act {
  const binder = compileBinder(bounds, env);
  const act = compileAction(body, binder.env, opts);
  const comps = binder.components;
  const track = opts.split && opts.mode === 'next';
  const names = binder.names;
  // The innermost step: run the body, recording the bound values as action params while splitting.
  const inner: Act = track
    ? (c, f, k) => {
        const ns = c.paramNames;
        const vs = c.paramValues;
        const base = ns.length;
        const v = f!.v;
        for (let i = 0; i < names.length; i++) {
          ns.push(names[i].name);
          vs.push(v[names[i].slot] as Value);
        }
        act(c, f, k);
        // pop(), not `length =`: truncating through the length setter is a slow runtime call.
        while (ns.length > base) {
          ns.pop();
          vs.pop();
        }
      }
    : act;
  if (comps.length === 1) {
    const comp = comps[0];
    return (c, f, k) => {
      const elems = setElems(asSet(comp.set(c, f)));
      const fr = f!;
      const below = track ? activeSampler() : null;
      if (below) {
        const branch = (j: number, k1: () => void): void => {
          bindComponent(comp, fr, elems[j]);
          inner(c, f, k1);
        };
        sampleBranches(elems.length, below, branch, k);
        return;
      }
      for (let j = 0; j < elems.length; j++) {
        bindComponent(comp, fr, elems[j]);
        inner(c, f, k);
      }
    };
  }
  // Several components: nested loops through one recursive function made here, not per call.
  const go = (c: Parameters<Act>[0], f: Parameters<Act>[1], k: () => void, i: number): void => {
    if (i === comps.length) {
      inner(c, f, k);
      return;
    }
    const comp = comps[i];
    const elems = setElems(asSet(comp.set(c, f)));
    const below = track ? activeSampler() : null;
    if (below) {
      const branch = (j: number, k1: () => void): void => {
        bindComponent(comp, f!, elems[j]);
        go(c, f, k1, i + 1);
      };
      sampleBranches(elems.length, below, branch, k);
      return;
    }
    for (let j = 0; j < elems.length; j++) {
      bindComponent(comp, f!, elems[j]);
      go(c, f, k, i + 1);
    }
  };
  return (c, f, k) => go(c, f, k, 0);
}

/** The action form of a definition, compiled on first need. */
function defActionForm(entry: DefEntry, env: CEnv, opts: ActionOpts, sig?: readonly number[]): DefForm<Act> {
  // Splitting and non-splitting uses differ in labels, so they are cached apart.
  const cacheKey = formKey(`${opts.mode === 'init' ? 'i' : 'a'}${opts.split ? '' : '-'}`, sig);
  const forms = entry.forms as Record<string, DefForm<Act> | undefined>;
  const existing = forms[cacheKey];
  if (existing) return existing;
  const def = entry.def;
  const nParams = def.kind === 'OperatorDef' ? def.params.length : 0;
  const form: DefForm<Act> = {
    alloc: { size: nParams },
    deps: { state: false, prime: false, local: false },
    done: false,
  };
  forms[cacheKey] = form;
  if (def.kind !== 'OperatorDef') return evalFail('other', `${entry.name} is not an action.`, def.loc);
  const inner: CEnv = {
    scope: paramScope(entry, sig),
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
  sig?: readonly number[],
): Act {
  const form = defActionForm(entry, env, opts, sig);
  const def = entry.def;
  const params = def.kind === 'OperatorDef' ? def.params : [];
  const n = argFns.length;
  const label: LabelInfo | undefined =
    opts.split && opts.mode === 'next' && def.kind === 'OperatorDef'
      ? { name: entry.name, loc: def.body.loc, module: entry.module }
      : undefined;
  const alloc = form.alloc;
  // The action's own (non-operator) parameters, recorded in its label.
  const ownIdx: number[] = [];
  for (let i = 0; i < n; i++) if (params[i].arity === 0) ownIdx.push(i);
  const ownNames = ownIdx.map((i) => params[i].name);
  return (c, f, k) => {
    const v = new Array(alloc.size);
    for (let i = 0; i < n; i++) v[i] = argFns[i](c, f);
    const up = upOf ? upOf(c, f) : hop(f, hops);
    const nf = { v, up };
    if (!label) return form.fn!(c, nf, k);
    const prev = c.label;
    const prevStart = c.paramStart;
    const ns = c.paramNames;
    const vs = c.paramValues;
    const base = ns.length;
    c.label = label;
    // The label's params restart here: `\E d \in S : Inc(d)` is labelled Inc(d), once.
    c.paramStart = base;
    for (let i = 0; i < ownIdx.length; i++) {
      ns.push(ownNames[i]);
      vs.push(v[ownIdx[i]] as Value);
    }
    form.fn!(c, nf, k);
    c.label = prev;
    c.paramStart = prevStart;
    while (ns.length > base) {
      ns.pop();
      vs.pop();
    }
  };
}
