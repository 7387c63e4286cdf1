/**
 * Turning values into their explicit canonical forms: sets into sorted
 * element arrays, lazy functions into explicit ones, and (domain, values)
 * pairs into the one canonical function representation.
 */

import { sortUnique } from './compare.js';
import { fail } from './fail.js';
import {
  type AnyFcn,
  type AnySet,
  FcnValue,
  RecordValue,
  SetValue,
  Tag,
  TupleValue,
  type Value,
} from './kinds.js';
import { compareStrings } from './string-order.js';

/** The elements of a set in canonical order (expanding intervals and lazy sets). */
export function setElems(s: AnySet): readonly Value[] {
  if (s.tag === Tag.Set) return s.elems;
  if (s.tag === Tag.Interval) {
    let c = s.elemsCache;
    if (!c) {
      const n = s.size;
      c = new Array(n);
      for (let i = 0; i < n; i++) c[i] = s.lo + i;
      s.elemsCache = c;
    }
    return c;
  }
  return s.toSet().elems;
}

export function setSize(s: AnySet): number {
  if (s.tag === Tag.Set) return s.elems.length;
  if (s.tag === Tag.Interval) return s.size;
  return s.size();
}

/** A canonical set from any values (sorted in TLC's order, duplicates removed). */
export function makeSet(elems: Value[]): SetValue {
  if (elems.length === 0) return SetValue.empty;
  return new SetValue(sortUnique(elems));
}

const IDENT = /^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$/;

/** TLC prints a function as a record when every domain element is a name like this. */
function isFieldName(k: string): boolean {
  return IDENT.test(k) && (k.length < 4 || (!k.startsWith('WF_') && !k.startsWith('SF_')));
}

/**
 * The canonical function for a domain given in canonical (sorted, unique)
 * order: a tuple when the domain is 1..n (`TupleValue.emptyFcn` when empty), a record when it is a
 * set of field names, else a general function.
 */
export function makeFcn(
  domain: readonly Value[],
  values: readonly Value[],
): TupleValue | RecordValue | FcnValue {
  const n = domain.length;
  if (n === 0) return TupleValue.emptyFcn;
  const d0 = domain[0];
  if (d0 === 1 && domain[n - 1] === n) {
    let tuple = true;
    for (let i = 0; i < n; i++) {
      if (domain[i] !== i + 1) {
        tuple = false;
        break;
      }
    }
    if (tuple) return new TupleValue(values);
  }
  if (typeof d0 === 'string') {
    let rec = true;
    for (let i = 0; i < n; i++) {
      const k = domain[i];
      if (typeof k !== 'string' || !isFieldName(k)) {
        rec = false;
        break;
      }
    }
    if (rec) return new RecordValue(domain as string[], values);
  }
  return new FcnValue(domain, values);
}

/** A record from fields in any order (sorted by name in TLC's string order, its normal form). */
export function makeRecord(names: readonly string[], values: readonly Value[]): RecordValue {
  let sorted = true;
  for (let i = 1; i < names.length; i++) {
    if (compareStrings(names[i - 1]!, names[i]!) >= 0) {
      sorted = false;
      break;
    }
  }
  if (sorted) return new RecordValue(names, values);
  const idx = names.map((_, i) => i).sort((a, b) => compareStrings(names[a]!, names[b]!));
  const outNames: string[] = [];
  const outValues: Value[] = [];
  for (const i of idx) {
    // A repeated field keeps its first value.
    if (outNames.length > 0 && outNames[outNames.length - 1] === names[i]) continue;
    outNames.push(names[i]);
    outValues.push(values[i]);
  }
  return new RecordValue(outNames, outValues);
}

/** An explicit function for any function value; lazy functions are evaluated on their whole domain. */
export function forceFcn(f: AnyFcn): TupleValue | RecordValue | FcnValue {
  if (f.tag !== Tag.LazyFcn) return f;
  if (f.domain.tag === Tag.LazySet && !f.domain.finite) {
    fail('unbounded', 'Attempted to enumerate the domain of a function with an infinite domain.');
  }
  const dom = setElems(f.domain);
  const vals = new Array<Value>(dom.length);
  for (let i = 0; i < dom.length; i++) vals[i] = f.applyUnchecked(dom[i]);
  return makeFcn(dom, vals);
}
