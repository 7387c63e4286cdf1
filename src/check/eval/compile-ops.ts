/**
 * Names and operator applications: resolving a name to its binding and
 * compiling the use (variable read, constant, definition call, built-in,
 * INSTANCE substitution, operator-valued argument).
 */
import type { Expr, Ident, Loc, OpApp } from '../../tla/ast.js';
import { LazyFcnValue, type Value } from '../value/index.js';
import { varOf } from './action-assign.js';
import { bindDomainElem, binderDomain, compileBinder } from './compile-binders.js';
import { compileExpr } from './compile-expr.js';
import { compileOpArg } from './compile-oparg.js';
import type { CEnv } from './env.js';
import { compileNative, hasNative } from './natives.js';
import {
  type Ctx,
  evalFail,
  type Fn,
  type Frame,
  hop,
  type OpClosure,
  overflowLocated,
  snapshotCtx,
} from './runtime.js';
import { type Binding, type DefEntry, type DefForm, type Deps, Scope, type SubstEntry } from './scope.js';

function newDeps(): Deps {
  return { state: false, prime: false, local: false };
}

export function mergeDeps(into: Deps, from: Deps, local = false): void {
  if (from.state) into.state = true;
  if (from.prime) into.prime = true;
  if (local && from.local) into.local = true;
}

/**
 * Scope of a definition body: its parameters in slots 0..n-1 of a frame one
 * below the definition. A parameter given a state variable as argument
 * (`sig[i]` is its index) stands for that variable itself, so that the body
 * may prime it (`Send(ch, m) == ch' = …` called as `Send(c1, m)`).
 */
export function paramScope(entry: DefEntry, sig?: readonly number[]): Scope {
  const scope = new Scope(entry.scope, entry.module);
  if (entry.def.kind === 'OperatorDef') {
    entry.def.params.forEach((p, i) => {
      const v = sig?.[i] ?? -1;
      if (v >= 0) scope.set(p.name, { kind: 'var', index: v, name: p.name });
      else if (v <= PRIMED_BASE) scope.set(p.name, primedVarParam(p.name, PRIMED_BASE - v, entry));
      else
        scope.set(p.name, { kind: 'local', depth: entry.depth + 1, slot: i, arity: p.arity, name: p.name });
    });
  }
  return scope;
}

/**
 * A primed variable `x'` passed as an argument (`Bump(x, x')`, as Specifying
 * Systems writes its memory specs): inside the body the parameter stands for
 * `x'` itself, so `nxt = cur + 1` assigns x and `nxt` reads x's next value.
 */
function primedVarParam(name: string, index: number, entry: DefEntry): Binding {
  const loc = entry.def.loc;
  const scope = new Scope(null, entry.module);
  scope.set(name, { kind: 'var', index, name });
  const expr: Expr = { kind: 'Prime', expr: { kind: 'Ident', name, loc }, loc };
  return { kind: 'subst', name, entry: { expr, scope, depth: entry.depth + 1, forms: {} } };
}

/** varArgSig's code for "the primed variable i": PRIMED_BASE - i. */
const PRIMED_BASE = -2;

/**
 * The argument functions of an action call, without those of primed
 * variables: the body reads `x'` through the parameter (primedVarParam), and
 * evaluating it before the body assigns x would fail.
 */
export function withoutPrimedArgs(argFns: Fn[], sig: readonly number[] | undefined): Fn[] {
  if (!sig) return argFns;
  return argFns.map((fn, i) => ((sig[i] ?? -1) <= PRIMED_BASE ? () => false : fn));
}

/**
 * Which arguments of a call are state variables (by index), primed state
 * variables (PRIMED_BASE - index), or neither (-1); undefined when none is.
 */
export function varArgSig(
  params: readonly { arity: number }[],
  args: readonly Expr[],
  env: CEnv,
): number[] | undefined {
  let any = false;
  const sig = params.map((p, i) => {
    const a = args[i];
    if (p.arity > 0 || a === undefined) return -1;
    const primed = a.kind === 'Prime' && a.expr.kind === 'Ident';
    const ident = primed ? a.expr : a;
    if (ident.kind !== 'Ident') return -1;
    const v = varOf(env.scope.lookup(ident.name));
    if (v === undefined) return -1;
    any = true;
    return primed ? PRIMED_BASE - v : v;
  });
  return any ? sig : undefined;
}

/** The cache key of a compiled form. */
export function formKey(mode: string, sig?: readonly number[]): string {
  return sig ? `${mode}|${sig.join(',')}` : mode;
}

/** The value form (plain or primed) of a definition, compiled on first need. */
export function defValueForm(
  entry: DefEntry,
  primed: boolean,
  env: CEnv,
  sig?: readonly number[],
): DefForm<Fn> {
  const key = formKey(primed ? 'p' : 'v', sig);
  const existing = entry.forms[key] as DefForm<Fn> | undefined;
  if (existing) return existing;
  const nParams = entry.def.kind === 'OperatorDef' ? entry.def.params.length : 0;
  const form: DefForm<Fn> = { alloc: { size: nParams }, deps: newDeps(), done: false };
  entry.forms[key] = form;
  const inner: CEnv = {
    scope: paramScope(entry, sig),
    depth: entry.depth + 1,
    alloc: form.alloc,
    primed,
    deps: form.deps,
    g: env.g,
  };
  const def = entry.def;
  if (def.kind === 'OperatorDef') {
    const body = compileExpr(def.body, inner);
    form.fn = def.recursive ? overflowLocated(body, def.body.loc) : body;
  } else {
    // f[x \in S] == body: a function evaluated on application, each application in a frame of its own.
    const binder = compileBinder(def.bounds, inner);
    const body = overflowLocated(compileExpr(def.body, binder.env), def.body.loc);
    const alloc = form.alloc;
    form.fn = (c, nf) => {
      const dom = binderDomain(binder, c, nf);
      const snap = snapshotCtx(c);
      return new LazyFcnValue(dom, (arg) => {
        const g: Frame = { v: new Array(alloc.size), up: nf!.up };
        bindDomainElem(binder, g, arg);
        return body(snap, g);
      });
    };
  }
  form.done = true;
  return form;
}

/** Compiles the arguments of a call to `params` (operator-valued ones become closures). */
export function compileArgs(params: readonly { arity: number }[], args: readonly Expr[], env: CEnv): Fn[] {
  return params.map((p, i) =>
    p.arity > 0 ? compileOpArg(args[i], p.arity, env) : compileExpr(args[i], env),
  );
}

/**
 * A call of a definition: `(c, f, up)` evaluates the arguments in frame `f`
 * and the body in a new frame whose parent is `up`.
 */
export function defCall(
  entry: DefEntry,
  argFns: Fn[],
  env: CEnv,
  sig?: readonly number[],
): (c: Ctx, f: Frame | null, up: Frame | null) => Value {
  const form = defValueForm(entry, env.primed, env, sig);
  if (!form.done) env.deps.state = true; // recursive: be conservative about caching
  mergeDeps(env.deps, form.deps);
  if (entry.depth > 0) env.deps.local = true; // may read the frames it is nested in
  const n = argFns.length;
  const alloc = form.alloc;
  const constant =
    form.done && entry.depth === 0 && n === 0 && !form.deps.state && !form.deps.prime && !env.primed;
  if (constant) {
    return (c, _f, up) => {
      let v = entry.cached;
      if (v === undefined) {
        v = form.fn!(c, { v: new Array(alloc.size), up });
        entry.cached = v;
      }
      return v;
    };
  }
  if (n === 0) return (c, _f, up) => form.fn!(c, { v: new Array(alloc.size), up });
  if (n === 1) {
    const a0 = argFns[0];
    return (c, f, up) => {
      const v = new Array(alloc.size);
      v[0] = a0(c, f);
      return form.fn!(c, { v, up });
    };
  }
  return (c, f, up) => {
    const v = new Array(alloc.size);
    for (let i = 0; i < n; i++) v[i] = argFns[i](c, f);
    return form.fn!(c, { v, up });
  };
}

export function arityError(name: string, want: number, got: number, loc: Loc): never {
  return evalFail('other', `The operator ${name} requires ${want} arguments, but is given ${got}.`, loc);
}

/** The code of an INSTANCE substitution, compiled on first need. */
export function substForm(entry: SubstEntry, primed: boolean, env: CEnv): DefForm<Fn> {
  const key = primed ? 'p' : 'v';
  const existing = entry.forms[key];
  if (existing) return existing;
  const form: DefForm<Fn> = { alloc: { size: 0 }, deps: newDeps(), done: false };
  entry.forms[key] = form;
  form.fn = compileExpr(entry.expr, {
    scope: entry.scope,
    depth: entry.depth + 1,
    alloc: form.alloc,
    primed,
    deps: form.deps,
    g: env.g,
  });
  form.done = true;
  return form;
}

function compileSubstUse(entry: SubstEntry, env: CEnv): Fn {
  const form = substForm(entry, env.primed, env);
  if (!form.done) env.deps.state = true;
  mergeDeps(env.deps, form.deps);
  if (entry.depth > 0) env.deps.local = true;
  const hops = env.depth - entry.depth;
  const alloc = form.alloc;
  return (c, f) => form.fn!(c, { v: new Array(alloc.size), up: hop(f, hops) });
}

function readLocal(depthDiff: number, slot: number): Fn {
  if (depthDiff === 0) return (_c, f) => f!.v[slot] as Value;
  if (depthDiff === 1) return (_c, f) => f!.up!.v[slot] as Value;
  return (_c, f) => hop(f, depthDiff)!.v[slot] as Value;
}

/** Compiles a use of binding `b` applied to `args` (empty for a plain name). */
export function compileBindingUse(b: Binding, name: string, args: readonly Expr[], loc: Loc, env: CEnv): Fn {
  switch (b.kind) {
    case 'local': {
      env.deps.local = true;
      const read = readLocal(env.depth - b.depth, b.slot);
      if (b.arity === 0) {
        if (args.length > 0) return arityError(name, 0, args.length, loc);
        return read;
      }
      if (args.length !== b.arity) return arityError(name, b.arity, args.length, loc);
      const argFns = args.map((a) => compileExpr(a, env));
      return (c, f) => {
        const op = read(c, f) as unknown as OpClosure;
        return op.call(
          c,
          argFns.map((a) => a(c, f)),
        );
      };
    }
    case 'letValue': {
      if (args.length > 0) return arityError(name, 0, args.length, loc);
      const hops = env.depth - b.depth;
      const slot = b.slot;
      const form = letValueForm(b, env.primed, env);
      mergeDeps(env.deps, form.deps);
      env.deps.local = true;
      const body = letBody(b.entry, env.primed);
      if (env.primed || form.deps.prime) return (c, f) => body(c, hop(f, hops));
      return (c, f) => {
        const fr = hop(f, hops)!;
        let v = fr.v[slot] as Value | undefined;
        if (v === undefined) {
          v = body(c, fr);
          fr.v[slot] = v;
        }
        return v;
      };
    }
    case 'var': {
      if (args.length > 0) return arityError(name, 0, args.length, loc);
      const i = b.index;
      if (env.primed) {
        env.deps.prime = true;
        return (c) => {
          const v = c.next?.[i];
          if (v === undefined)
            return evalFail('unassigned', `The variable ${name}' is used before it is assigned.`, loc);
          return v;
        };
      }
      env.deps.state = true;
      return (c) => {
        const v = c.state[i];
        if (v === undefined)
          return evalFail('unassigned', `The variable ${name} is used before it is assigned.`, loc);
        return v;
      };
    }
    case 'value': {
      if (args.length > 0) return arityError(name, 0, args.length, loc);
      const v = b.value;
      return () => v;
    }
    case 'def': {
      const def = b.entry.def;
      const params = def.kind === 'OperatorDef' ? def.params : [];
      if (args.length !== params.length) return arityError(name, params.length, args.length, loc);
      const call = defCall(b.entry, compileArgs(params, args, env), env, varArgSig(params, args, env));
      const hops = env.depth - b.entry.depth;
      if (hops === 0) return (c, f) => call(c, f, f);
      return (c, f) => call(c, f, hop(f, hops));
    }
    case 'native':
      return compileNative(b.name, args, loc, env);
    case 'subst': {
      if (args.length > 0) {
        // A constant operator substituted by an operator: apply it.
        return compileSubstApply(b.entry, args, loc, env);
      }
      return compileSubstUse(b.entry, env);
    }
    case 'instance':
      return evalFail('other', `The instance ${name} is used as a value.`, loc);
    case 'alias':
      return evalFail('other', `Unresolved name ${name}.`, loc);
  }
}

/** A LET zero-arity definition compiled in the LET's own frame. */
export function letValueForm(
  b: Extract<Binding, { kind: 'letValue' }>,
  primed: boolean,
  env: CEnv,
): DefForm<Fn> {
  const key = primed ? 'p' : 'v';
  const existing = b.entry.forms[key] as DefForm<Fn> | undefined;
  if (existing) return existing;
  const form: DefForm<Fn> = { alloc: b.letEnv.alloc, deps: newDeps(), done: false };
  b.entry.forms[key] = form;
  const def = b.entry.def;
  if (def.kind !== 'OperatorDef') return evalFail('other', 'Unexpected LET definition.', def.loc);
  form.fn = compileExpr(def.body, {
    scope: b.letEnv.scope,
    depth: b.letEnv.depth,
    alloc: b.letEnv.alloc,
    primed,
    deps: form.deps,
    g: env.g,
  });
  form.done = true;
  return form;
}

function letBody(entry: DefEntry, primed: boolean): Fn {
  const form = entry.forms[primed ? 'p' : 'v'] as DefForm<Fn>;
  return (c, f) => form.fn!(c, f);
}

function compileSubstApply(entry: SubstEntry, args: readonly Expr[], loc: Loc, env: CEnv): Fn {
  // `Op <- Other` for a constant operator Op: the substitute is a name; apply what it names.
  if (entry.expr.kind === 'Ident') {
    const target = entry.scope.lookup(entry.expr.name);
    if (target) return compileBindingUse(target, entry.expr.name, args, loc, env);
  }
  if (entry.expr.kind === 'Lambda') {
    // The caller's frames hang below the instance's, so the LAMBDA's names resolve from here.
    const op = compileOpArg(entry.expr, args.length, { ...env, scope: entry.scope });
    const argFns = args.map((a) => compileExpr(a, env));
    return (c, f) =>
      (op(c, f) as unknown as OpClosure).call(
        c,
        argFns.map((a) => a(c, f)),
      );
  }
  return evalFail('other', 'A substituted constant operator is applied to arguments.', loc);
}

export function compileIdent(e: Ident, env: CEnv): Fn {
  const b = env.scope.lookup(e.name);
  if (b) return compileBindingUse(b, e.name, [], e.loc, env);
  if (hasNative(e.name)) return compileNative(e.name, [], e.loc, env);
  return evalFail('other', `Unknown operator: ${e.name}.`, e.loc);
}

export function compileOpApp(e: OpApp, env: CEnv): Fn {
  const b = env.scope.lookup(e.name);
  if (b) return compileBindingUse(b, e.name, e.args, e.loc, env);
  if (hasNative(e.name)) return compileNative(e.name, e.args, e.loc, env);
  return evalFail('other', `Unknown operator: ${e.name}.`, e.loc);
}
