/**
 * Set and function operations the evaluator needs, with TLC's errors.
 */

import { compareValues, valueEquals } from './compare.js';
import { fail } from './fail.js';
import { forceFcn, makeFcn, makeSet, setElems, setSize } from './force.js';
import {
  type AnyFcn,
  type AnySet,
  FcnValue,
  IntervalValue,
  isFcn,
  isFiniteSet,
  isSet,
  type ModelValue,
  RecordValue,
  SetValue,
  Tag,
  TupleValue,
  type Value,
} from './kinds.js';
import { DiffSet, IntersectSet, UnionSet } from './lazy-sets.js';
import { printValue } from './print.js';

/** Requires a set, else TLC's kind of type error. */
export function asSet(v: Value, what = 'a set'): AnySet {
  if (isSet(v)) return v;
  fail('type', `Attempted to use ${printValue(v)} as ${what}, but it is not a set.`);
}

/** Requires a function (tuple, record, function). */
export function asFcn(v: Value): AnyFcn {
  if (isFcn(v)) return v;
  fail('type', `A non-function (${printValue(v)}) was applied as a function.`);
}

/** Index of `v` in a canonical sorted array, or -1. */
function indexIn(elems: readonly Value[], v: Value): number {
  const n = elems.length;
  if (n <= 16) {
    // Integers, strings and untyped model values are equal only when identical: scan by identity
    // while the elements are of kinds that cannot make `valueEquals` fail.
    const start = identityScan(elems, v);
    if (start < 0) return -(start + 1) < n ? -(start + 1) : -1;
    for (let i = start; i < n; i++) if (valueEquals(elems[i], v)) return i;
    return -1;
  }
  if (typeof v === 'number' && typeof elems[0] === 'number' && typeof elems[n - 1] === 'number') {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = elems[mid] as number;
      if (m === v) return mid;
      if (m < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareValues(elems[mid], v);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The identity scan of `indexIn`: `-(i + 1)` when it decides the answer (i the
 * index found, or n for not found), else the position from which the
 * element-by-element comparison must go on (it raises TLC's errors).
 */
function identityScan(elems: readonly Value[], v: Value): number {
  const n = elems.length;
  const t = typeof v;
  if (t === 'number' || t === 'string') {
    for (let i = 0; i < n; i++) {
      const e = elems[i];
      if (e === v) return -(i + 1);
      if (typeof e !== t) return i;
    }
    return -(n + 1);
  }
  if (t === 'object' && (v as Exclude<Value, number | string | boolean>).tag === Tag.ModelValue) {
    // An untyped model value compares unequal to everything else without error.
    if ((v as ModelValue).type !== undefined) return 0;
    for (let i = 0; i < n; i++) if (elems[i] === v) return -(i + 1);
    return -(n + 1);
  }
  return 0;
}

/** `v \in S` */
export function setContains(s: AnySet, v: Value): boolean {
  if (s.tag === Tag.Interval) {
    if (typeof v === 'number') return v >= s.lo && v <= s.hi;
    if (s.hi < s.lo || (typeof v === 'object' && v.tag === Tag.ModelValue && v.type === undefined))
      return false;
    return fail(
      'type',
      `Attempted to check if the value:\n${printValue(v)}\nis in the integer interval ${printValue(s)}`,
    );
  }
  if (s.tag === Tag.Set) return indexIn(s.elems, v) >= 0;
  return s.contains(v);
}

export function setUnion(a: AnySet, b: AnySet): AnySet {
  // With a lazy side (`[type : {"a"}, x : S] \cup [type : {"b"}]`, as message sets are written) the
  // union stays lazy, as TLC's does: membership asks each part, and nothing is expanded unless enumerated.
  if (a.tag === Tag.LazySet || b.tag === Tag.LazySet)
    return new UnionSet([...unionParts(a), ...unionParts(b)]);
  const ea = setElems(a);
  const eb = setElems(b);
  if (eb.length === 0) return a;
  if (ea.length === 0) return b;
  return new SetValue(mergeSorted(ea, eb));
}

/** The operands of a union, looking into lazy unions (so `A \cup B \cup C` has three parts). */
function unionParts(s: AnySet): readonly AnySet[] {
  return s instanceof UnionSet ? s.parts : [s];
}

/** Merges two canonical element arrays into one (linear, no re-sort). */
function mergeSorted(a: readonly Value[], b: readonly Value[]): Value[] {
  const out: Value[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareValues(x, y);
    if (c < 0) {
      out[n++] = x;
      i++;
    } else if (c > 0) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  if (n < out.length) out.length = n;
  return out;
}

/** `a \cap b`: explicit when either side is finite, else answered lazily (TLC's SetCapValue). */
export function setIntersect(a: AnySet, b: AnySet): AnySet {
  if (!isFiniteSet(a)) {
    if (!isFiniteSet(b)) return new IntersectSet(a, b);
    return new SetValue(setElems(b).filter((x) => setContains(a, x)));
  }
  return new SetValue(setElems(a).filter((x) => setContains(b, x)));
}

/** `a \ b`: explicit when `a` is finite, else answered lazily (TLC's SetDiffValue). */
export function setMinus(a: AnySet, b: AnySet): AnySet {
  if (!isFiniteSet(a)) return new DiffSet(a, b);
  return new SetValue(setElems(a).filter((x) => !setContains(b, x)));
}

/** `a \subseteq b` */
export function setSubsetEq(a: AnySet, b: AnySet): boolean {
  if (a.tag === Tag.Set && b.tag === Tag.Set) {
    const r = integerSubset(a.elems, b.elems);
    if (r !== undefined) return r;
  }
  for (const x of setElems(a)) if (!setContains(b, x)) return false;
  return true;
}

/**
 * `a \subseteq b` for sets of integers, in one walk over both sorted arrays
 * instead of a search per element; undefined when either holds anything else
 * (then membership element by element decides, with its errors).
 */
function integerSubset(a: readonly Value[], b: readonly Value[]): boolean | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0) return true;
  if (typeof a[0] !== 'number' || typeof a[n - 1] !== 'number') return undefined;
  if (m === 0 || typeof b[0] !== 'number' || typeof b[m - 1] !== 'number') return undefined;
  if (n > m) return false;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    while (j < m && (b[j] as number) < x) j++;
    if (j === m || b[j] !== x) return false;
    j++;
  }
  return true;
}

/** `UNION S` */
export function bigUnion(s: AnySet): AnySet {
  const parts = setElems(s).map((x) => asSet(x));
  if (parts.some((p) => !isFiniteSet(p))) return new UnionSet(parts);
  return makeSet(parts.flatMap((p) => [...setElems(p)]));
}

export function cardinality(s: AnySet): number {
  if (!isFiniteSet(s)) {
    fail('unbounded', `Attempted to compute the cardinality of the infinite set ${printValue(s)}.`);
  }
  return setSize(s);
}

export function domainError(f: Value, arg: Value): never {
  fail(
    'domain',
    `Attempted to apply function:\n${printValue(f)}\nto argument ${printValue(arg)}, which is not in the domain of the function.`,
  );
}

/** `f[arg]` with TLC's out-of-domain error. */
export function applyFcn(f: AnyFcn, arg: Value): Value {
  switch (f.tag) {
    case Tag.Tuple:
      if (typeof arg === 'number' && arg >= 1 && arg <= f.elems.length) return f.elems[arg - 1];
      return domainError(f, arg);
    case Tag.Record:
      if (typeof arg === 'string') {
        const v = f.field(arg);
        if (v !== undefined) return v;
      }
      return domainError(f, arg);
    case Tag.Fcn: {
      let i = -1;
      try {
        i = indexIn(f.domain, arg);
      } catch {
        i = -1;
      }
      if (i < 0) return domainError(f, arg);
      return f.values[i];
    }
    case Tag.LazyFcn:
      if (!setContains(f.domain, arg)) return domainError(f, arg);
      return f.applyUnchecked(arg);
  }
}

/** `DOMAIN f` */
export function fcnDomain(f: AnyFcn): AnySet {
  switch (f.tag) {
    case Tag.Tuple:
      return new IntervalValue(1, f.elems.length);
    case Tag.Record:
      return new SetValue(f.names);
    case Tag.Fcn:
      return new SetValue(f.domain);
    case Tag.LazyFcn:
      return f.domain;
  }
}

/** Position of `key` in an explicit function's domain (canonical order), or -1 when outside it. */
export function fcnIndex(g: TupleValue | RecordValue | FcnValue, key: Value): number {
  switch (g.tag) {
    case Tag.Tuple:
      return typeof key === 'number' && key >= 1 && key <= g.elems.length ? key - 1 : -1;
    case Tag.Record:
      return typeof key === 'string' ? g.names.indexOf(key) : -1;
    default:
      return indexIn(g.domain, key);
  }
}

/** The value at position `i` of an explicit function. */
export function fcnValueAt(g: TupleValue | RecordValue | FcnValue, i: number): Value {
  return g.tag === Tag.Tuple ? g.elems[i] : g.values[i];
}

/** An explicit function with the value at position `i` replaced (same domain, so same representation). */
export function fcnReplaceAt(
  g: TupleValue | RecordValue | FcnValue,
  i: number,
  v: Value,
): TupleValue | RecordValue | FcnValue {
  switch (g.tag) {
    case Tag.Tuple: {
      const elems = g.elems.slice();
      elems[i] = v;
      return new TupleValue(elems);
    }
    case Tag.Record: {
      const values = g.values.slice();
      values[i] = v;
      return new RecordValue(g.names, values);
    }
    default: {
      const values = g.values.slice();
      values[i] = v;
      return new FcnValue(g.domain, values);
    }
  }
}

/**
 * `[f EXCEPT ![key] = newValue]` for one step; a key outside the domain
 * leaves f unchanged (TLC's behaviour).
 */
export function fcnUpdate(f: AnyFcn, key: Value, update: (old: Value) => Value): AnyFcn {
  const g = forceFcn(f);
  const i = fcnIndex(g, key);
  if (i < 0) return g;
  return fcnReplaceAt(g, i, update(fcnValueAt(g, i)));
}

/** `r.field` */
export function fieldAccess(r: Value, field: string): Value {
  if (typeof r === 'object' && r.tag === Tag.Record) {
    const v = r.field(field);
    if (v !== undefined) return v;
  } else if (isFcn(r)) {
    return applyFcn(r, field);
  }
  fail(
    'domain',
    `Attempted to apply the record\n${printValue(r)}\nto argument "${field}", which is not in the domain of the function.`,
  );
}

/** `f @@ g`: f's values on DOMAIN f, g's elsewhere. */
export function fcnMerge(f: AnyFcn, g: AnyFcn): AnyFcn {
  const fd = fcnDomain(f);
  const all = makeSet([...setElems(fd), ...setElems(fcnDomain(g))]).elems;
  const values = all.map((k) => (setContains(fd, k) ? applyFcn(f, k) : applyFcn(g, k)));
  return makeFcn(all, values);
}

/** `k :> v` */
export function singletonFcn(k: Value, v: Value): AnyFcn {
  return makeFcn([k], [v]);
}

/** The elements of a sequence (tuple or function with domain 1..n); error otherwise. */
export function seqElems(v: Value, op: string): readonly Value[] {
  if (isFcn(v)) {
    const f = forceFcn(v);
    if (f.tag === Tag.Tuple) return f.elems;
  }
  fail('type', `Attempted to apply ${op} to a value that is not a sequence:\n${printValue(v)}`);
}
