/**
 * Constructs that bind variables over sets: quantifiers, CHOOSE, set
 * filters and maps, function constructors. Domains are enumerated in TLC's
 * value order (sorted sets), which fixes CHOOSE results and `\E` order.
 */
import type { Bound, Choose, FcnCtor, Quant, SetFilter, SetMap } from '../../tla/ast.js';
import {
  type AnySet,
  asSet,
  FilterSet,
  forceFcn,
  isFcn,
  LazyFcnValue,
  makeFcn,
  makeSet,
  ProductSet,
  printValue,
  SetValue,
  setElems,
  Tag,
  type Value,
} from '../value/index.js';
import { asBool, compileExpr } from './compile-expr.js';
import { type CEnv, newSlot, withScope } from './env.js';
import { evalFail, type Fn, type Frame, snapshotCtx, snapshotFrames } from './runtime.js';
import { Scope } from './scope.js';

/** One component of a domain: a set whose elements bind one name, or a tuple pattern. */
interface Component {
  set: Fn;
  slots: number[];
  tuple: boolean;
}

export interface Binder {
  readonly components: Component[];
  /** Scope with the bound names. */
  readonly env: CEnv;
  /** Names in binding order with their slots (for action labels). */
  readonly names: { name: string; slot: number }[];
}

export function compileBinder(bounds: readonly Bound[], env: CEnv): Binder {
  const scope = new Scope(env.scope, env.scope.module);
  const inner = withScope(env, scope);
  const components: Component[] = [];
  const names: { name: string; slot: number }[] = [];
  for (const b of bounds) {
    if (!b.set) return evalFail('other', 'The checker cannot enumerate an unbounded quantifier.', b.loc);
    const set = compileExpr(b.set, inner);
    const slotsOf = (): number[] =>
      b.names.map((n) => {
        const slot = newSlot(env);
        scope.set(n, { kind: 'local', depth: env.depth, slot, arity: 0, name: n });
        names.push({ name: n, slot });
        return slot;
      });
    if (b.tuple) components.push({ set, slots: slotsOf(), tuple: true });
    else {
      const slots = slotsOf();
      for (const s of slots) components.push({ set, slots: [s], tuple: false });
    }
  }
  return { components, env: inner, names };
}

/** Assigns a component's element to its slot(s), destructuring tuple patterns. */
export function bindComponent(comp: Component, fr: Frame, v: Value): void {
  if (!comp.tuple) {
    fr.v[comp.slots[0]] = v;
    return;
  }
  const t = isFcn(v) ? forceFcn(v) : undefined;
  if (!t || t.tag !== Tag.Tuple || t.elems.length !== comp.slots.length) {
    evalFail('type', `Attempted to bind a tuple pattern of ${comp.slots.length} names to ${printValue(v)}.`);
  }
  for (let i = 0; i < comp.slots.length; i++) fr.v[comp.slots[i]] = t.elems[i];
}

/**
 * Runs `body` for every binding in order; stops as soon as it returns true
 * and then returns true.
 */
export function iterateBinder(
  binder: Binder,
  c: Parameters<Fn>[0],
  f: Frame | null,
  body: () => boolean,
): boolean {
  const comps = binder.components;
  const fr = f!; // bound variables live in the current frame (compiled code always runs in one)
  const go = (i: number): boolean => {
    if (i === comps.length) return body();
    const comp = comps[i];
    const elems = setElems(asSet(comp.set(c, f)));
    for (let k = 0; k < elems.length; k++) {
      bindComponent(comp, fr, elems[k]);
      if (go(i + 1)) return true;
    }
    return false;
  };
  return go(0);
}

export function compileBoundQuant(e: Quant, env: CEnv): Fn {
  if (e.bounds.length === 0) {
    return evalFail('other', 'The checker cannot evaluate an unbounded quantifier.', e.loc);
  }
  const binder = compileBinder(e.bounds, env);
  const body = compileExpr(e.body, binder.env);
  const loc = e.body.loc;
  const comps = binder.components;
  if (comps.length === 1 && !comps[0].tuple) {
    // One plain bound variable: a direct loop.
    const set = comps[0].set;
    const slot = comps[0].slots[0];
    const exists = e.quantifier === 'exists';
    const what = exists ? 'body of \\E' : 'body of \\A';
    return (c, f) => {
      const elems = setElems(asSet(set(c, f)));
      const v = f!.v;
      for (let k = 0; k < elems.length; k++) {
        v[slot] = elems[k];
        if (asBool(body(c, f), loc, what) === exists) return exists;
      }
      return !exists;
    };
  }
  if (comps.every((cp) => !cp.tuple)) {
    // Plain bound variables (`\A p, q \in S`): nested loops, no closure per evaluation.
    const exists = e.quantifier === 'exists';
    const what = exists ? 'body of \\E' : 'body of \\A';
    const n = comps.length;
    const go = (c: Parameters<Fn>[0], f: Frame | null, i: number): boolean => {
      const elems = setElems(asSet(comps[i].set(c, f)));
      const slot = comps[i].slots[0];
      const v = f!.v;
      const last = i === n - 1;
      for (let k = 0; k < elems.length; k++) {
        v[slot] = elems[k];
        if (last ? asBool(body(c, f), loc, what) === exists : go(c, f, i + 1) === exists) return exists;
      }
      return !exists;
    };
    return (c, f) => go(c, f, 0);
  }
  if (e.quantifier === 'exists') {
    return (c, f) => iterateBinder(binder, c, f, () => asBool(body(c, f), loc, 'body of \\E'));
  }
  return (c, f) => !iterateBinder(binder, c, f, () => !asBool(body(c, f), loc, 'body of \\A'));
}

export function compileChoose(e: Choose, env: CEnv): Fn {
  if (!e.set) return evalFail('other', 'The checker cannot evaluate an unbounded CHOOSE.', e.loc);
  const bound: Bound = { names: e.names, tuple: e.tuple, set: e.set, loc: e.loc };
  const binder = compileBinder([bound], env);
  const body = compileExpr(e.body, binder.env);
  const comp = binder.components;
  const loc = e.loc;
  return (c, f) => {
    const elems = setElems(asSet(comp[0].set(c, f)));
    const fr = f!;
    for (let k = 0; k < elems.length; k++) {
      for (const cp of comp) bindComponent(cp, fr, elems[k]);
      if (asBool(body(c, f), loc, 'body of CHOOSE')) return elems[k];
    }
    return evalFail(
      'choose',
      'Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P.',
      loc,
    );
  };
}

export function compileSetFilter(e: SetFilter, env: CEnv): Fn {
  const binder = compileBinder([e.bound], env);
  const pred = compileExpr(e.pred, binder.env);
  const comps = binder.components;
  const loc = e.pred.loc;
  return (c, f) => {
    const s = asSet(comps[0].set(c, f));
    if (s.tag === Tag.LazySet) {
      // Over a set not enumerated yet (SUBSET S, [S -> T], Nat, ...) the filter stays lazy, as TLC's
      // SetPredValue: membership tests one element, and the set is built only if enumerated. The
      // predicate runs later, so it gets its own copies of the frames and the context.
      const g = snapshotFrames(f!);
      const snap = snapshotCtx(c);
      return new FilterSet(s, (v) => {
        for (const cp of comps) bindComponent(cp, g, v);
        return asBool(pred(snap, g), loc, 'condition of a set filter');
      });
    }
    const fr = f!;
    const elems = setElems(s);
    const out: Value[] = [];
    for (let k = 0; k < elems.length; k++) {
      for (const cp of comps) bindComponent(cp, fr, elems[k]);
      if (asBool(pred(c, f), loc, 'condition of a set filter')) out.push(elems[k]);
    }
    return makeSetSorted(out);
  };
}

/** Elements taken in order from a canonical set stay canonical. */
function makeSetSorted(elems: Value[]): SetValue {
  return elems.length === 0 ? SetValue.empty : new SetValue(elems);
}

export function compileSetMap(e: SetMap, env: CEnv): Fn {
  const binder = compileBinder(e.bounds, env);
  const body = compileExpr(e.body, binder.env);
  const comps = binder.components;
  if (comps.length === 1 && !comps[0].tuple) {
    // `{e : x \in S}`: a direct loop.
    const set = comps[0].set;
    const slot = comps[0].slots[0];
    return (c, f) => {
      const elems = setElems(asSet(set(c, f)));
      const out: Value[] = new Array(elems.length);
      const v = f!.v;
      for (let k = 0; k < elems.length; k++) {
        v[slot] = elems[k];
        out[k] = body(c, f);
      }
      return makeSet(out);
    };
  }
  return (c, f) => {
    const out: Value[] = [];
    iterateBinder(binder, c, f, () => {
      out.push(body(c, f));
      return false;
    });
    return makeSet(out);
  };
}

/** The domain of `[bounds |-> e]` and a way to bind its elements. */
export function binderDomain(binder: Binder, c: Parameters<Fn>[0], f: Frame | null): AnySet {
  const comps = binder.components;
  if (comps.length === 1) return asSet(comps[0].set(c, f));
  return new ProductSet(comps.map((cp) => asSet(cp.set(c, f))));
}

export function bindDomainElem(binder: Binder, fr: Frame, d: Value): void {
  const comps = binder.components;
  if (comps.length === 1) {
    bindComponent(comps[0], fr, d);
    return;
  }
  const t = forceFcn(d as never) as { elems: readonly Value[] };
  for (let i = 0; i < comps.length; i++) bindComponent(comps[i], fr, t.elems[i]);
}

export function compileFcnCtor(e: FcnCtor, env: CEnv): Fn {
  const binder = compileBinder(e.bounds, env);
  const body = compileExpr(e.body, binder.env);
  const size = env.alloc;
  return (c, f) => {
    const dom = binderDomain(binder, c, f);
    const fr = f!;
    if (dom.tag === Tag.LazySet && !dom.finite) {
      // Evaluated on application, in a copy of the frame so later bindings do not disturb it.
      const saved: Frame = { v: fr.v.slice(), up: fr.up };
      const snap = snapshotCtx(c);
      return new LazyFcnValue(dom, (arg) => {
        const g: Frame = { v: saved.v.slice(0, Math.max(size.size, saved.v.length)), up: saved.up };
        bindDomainElem(binder, g, arg);
        return body(snap, g);
      });
    }
    const elems = setElems(dom);
    const vals: Value[] = new Array(elems.length);
    for (let k = 0; k < elems.length; k++) {
      bindDomainElem(binder, fr, elems[k]);
      vals[k] = body(c, f);
    }
    return makeFcn(elems, vals);
  };
}
