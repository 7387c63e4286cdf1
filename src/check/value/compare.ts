/**
 * Equality and TLC's total order on values.
 *
 * TLC's order (it decides set printing, CHOOSE and enumeration order):
 * booleans FALSE < TRUE; integers numerically; strings by TLC's string table
 * (string-order.ts);
 * model values by name and below every other kind; sets by cardinality, then
 * element-wise in order; functions (tuples, records) by domain size, then
 * domain elements, then values. Comparing kinds TLC cannot compare (an integer
 * with a string or a sequence) is an error, but a model value is simply
 * unequal to anything else.
 */
import { fail } from './fail.js';
import { forceFcn, setElems, setSize } from './force.js';
import {
  type AnyFcn,
  type AnySet,
  isFcn,
  isSet,
  type ModelValue,
  type RecordValue,
  Tag,
  type TupleValue,
  type Value,
} from './kinds.js';
import { printValue } from './print.js';
import { compareStrings, staleStringOrderPossible } from './string-order.js';

function kindName(v: Value): string {
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'integer';
    case 'string':
      return 'string';
  }
  if (isSet(v)) return 'set';
  if (isFcn(v)) return 'function';
  return 'model value';
}

/** TLC's error for comparing (`verb`) values of kinds it cannot compare. */
function kindError(verb: string, a: Value, b: Value): never {
  const k = kindName(a);
  if (k === 'set' || k === 'function') {
    fail('type', `Attempted to ${verb} the ${k} ${printValue(a)} with the value:\n${printValue(b)}`);
  }
  fail('type', `Attempted to ${verb} ${k} ${printValue(a)} with non-${k}:\n${printValue(b)}`);
}

/** TLA+ `=`: true, false, or a TLC type error for incomparable kinds. */
export function valueEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  switch (typeof a) {
    case 'number':
      if (typeof b === 'number') return false;
      break;
    case 'string':
      if (typeof b === 'string') return false;
      break;
    case 'boolean':
      if (typeof b === 'boolean') return false;
      break;
    default:
      if (a.tag === Tag.ModelValue) return modelValueUnequal(a, b);
      if (typeof b === 'object') {
        // Records and tuples of one kind (messages, sequences) are compared directly.
        if (a.tag === Tag.Record && b.tag === Tag.Record) return recordEquals(a, b);
        if (a.tag === Tag.Tuple && b.tag === Tag.Tuple) return tupleEquals(a, b);
        if (b.tag === Tag.ModelValue) return modelValueUnequal(b, a);
        if (isSet(a) && isSet(b)) return setEquals(a, b);
        if (isFcn(a) && isFcn(b)) return fcnEquals(a, b);
      }
      return kindError('check equality of', a, b);
  }
  if (typeof b === 'object' && b.tag === Tag.ModelValue) return modelValueUnequal(b, a);
  return kindError('check equality of', a, b);
}

/** A model value `m` compared with a different value `other`: unequal, or TLC's error for typed model values. */
function modelValueUnequal(m: ModelValue, other: Value): boolean {
  if (m.type === undefined) return false;
  if (typeof other === 'object' && other.tag === Tag.ModelValue) {
    if (other.type === undefined || other.type === m.type) return false;
    return fail(
      'type',
      `Attempted to check equality of the differently-typed model values ${m.name} and ${other.name}`,
    );
  }
  return fail(
    'type',
    `Attempted to check equality of typed model value ${m.name} and non-model value\n${printValue(other)}`,
  );
}

function setEquals(a: AnySet, b: AnySet): boolean {
  if (a.tag === Tag.Interval && b.tag === Tag.Interval) {
    const n = a.size;
    return n === b.size && (n === 0 || a.lo === b.lo);
  }
  if (setSize(a) !== setSize(b)) return false;
  const ea = setElems(a);
  const eb = setElems(b);
  for (let i = 0; i < ea.length; i++) {
    if (valueEquals(ea[i], eb[i])) continue;
    return (
      staleStringOrderPossible() && orderSensitive(ea[i]!) && sameElementsAnyOrder(ea.slice(i), eb.slice(i))
    );
  }
  return true;
}

/**
 * Whether the value's place in TLC's order depends on the string table
 * (string-order.ts). A set holding such values may have been made before the
 * table held its strings (a trace read before its spec was loaded), so its
 * elements may be in another order than a set made now: equality then
 * compares them without regard to order.
 */
function orderSensitive(v: Value): boolean {
  return typeof v === 'string' || (typeof v === 'object' && v.tag !== Tag.ModelValue);
}

function sameElementsAnyOrder(xs: readonly Value[], ys: readonly Value[]): boolean {
  const used = new Array<boolean>(ys.length).fill(false);
  outer: for (const x of xs) {
    for (let j = 0; j < ys.length; j++) {
      if (!used[j] && valueEquals(x, ys[j]!)) {
        used[j] = true;
        continue outer;
      }
    }
    return false;
  }
  return true;
}

function fcnEquals(x: AnyFcn, y: AnyFcn): boolean {
  const a = forceFcn(x);
  const b = forceFcn(y);
  if (a.tag !== b.tag) return false;
  if (a.tag === Tag.Tuple) return tupleEquals(a, b as typeof a);
  if (a.tag === Tag.Record) return recordEquals(a, b as typeof a);
  const bf = b as typeof a;
  if (a.domain.length !== bf.domain.length) return false;
  for (let i = 0; i < a.domain.length; i++) if (!valueEquals(a.domain[i], bf.domain[i])) return false;
  for (let i = 0; i < a.values.length; i++) if (!valueEquals(a.values[i], bf.values[i])) return false;
  return true;
}

function tupleEquals(a: TupleValue, b: TupleValue): boolean {
  if (a.elems.length !== b.elems.length) return false;
  for (let i = 0; i < a.elems.length; i++) if (!valueEquals(a.elems[i], b.elems[i])) return false;
  return true;
}

function recordEquals(a: RecordValue, b: RecordValue): boolean {
  if (a.names !== b.names) {
    if (a.names.length !== b.names.length) return false;
    for (let i = 0; i < a.names.length; i++) {
      // Field names in another order: a record made under another string table (see orderSensitive).
      if (a.names[i] !== b.names[i]) return sameFieldsAnyOrder(a, b);
    }
  }
  for (let i = 0; i < a.values.length; i++) if (!valueEquals(a.values[i], b.values[i])) return false;
  return true;
}

function sameFieldsAnyOrder(a: RecordValue, b: RecordValue): boolean {
  for (let i = 0; i < a.names.length; i++) {
    const other = b.field(a.names[i]!);
    if (other === undefined || !valueEquals(a.values[i]!, other)) return false;
  }
  return true;
}

/** TLC's compareTo: negative, zero or positive; throws for incomparable kinds. */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  const ta = typeof a;
  if (ta === 'number' && typeof b === 'number') return (a as number) - b;
  if (ta === 'string' && typeof b === 'string') return compareStrings(a as string, b);
  if (ta === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  if (typeof a === 'object' && a.tag === Tag.ModelValue) {
    if (typeof b === 'object' && b.tag === Tag.ModelValue)
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    return -1;
  }
  if (typeof b === 'object' && b.tag === Tag.ModelValue) return 1;
  if (typeof a === 'object' && typeof b === 'object') {
    if (isSet(a) && isSet(b)) return compareSets(a, b);
    if (isFcn(a) && isFcn(b)) return compareFcns(a, b);
  }
  return kindError('compare', a, b);
}

function compareSets(a: AnySet, b: AnySet): number {
  const d = setSize(a) - setSize(b);
  if (d !== 0) return d;
  const ea = setElems(a);
  const eb = setElems(b);
  for (let i = 0; i < ea.length; i++) {
    const c = compareValues(ea[i], eb[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** Domain and values of a forced function, in canonical order. */
export function fcnView(f: AnyFcn): { domain: readonly Value[]; values: readonly Value[] } {
  const g = forceFcn(f);
  if (g.tag === Tag.Tuple) {
    const dom: number[] = new Array(g.elems.length);
    for (let i = 0; i < dom.length; i++) dom[i] = i + 1;
    return { domain: dom, values: g.elems };
  }
  if (g.tag === Tag.Record) return { domain: g.names, values: g.values };
  return g;
}

function compareFcns(a: AnyFcn, b: AnyFcn): number {
  const fa = forceFcn(a);
  const fb = forceFcn(b);
  if (fa.tag === Tag.Tuple && fb.tag === Tag.Tuple) {
    const d = fa.elems.length - fb.elems.length;
    if (d !== 0) return d;
    for (let i = 0; i < fa.elems.length; i++) {
      const c = compareValues(fa.elems[i], fb.elems[i]);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (fa.tag === Tag.Record && fb.tag === Tag.Record) return compareRecords(fa, fb);
  const va = fcnView(fa);
  const vb = fcnView(fb);
  const d = va.values.length - vb.values.length;
  if (d !== 0) return d;
  for (let i = 0; i < va.domain.length; i++) {
    const c = compareValues(va.domain[i], vb.domain[i]);
    if (c !== 0) return c;
  }
  for (let i = 0; i < va.values.length; i++) {
    const c = compareValues(va.values[i], vb.values[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** `compareFcns` on two records, without building their domain views (records of messages are compared often). */
function compareRecords(a: RecordValue, b: RecordValue): number {
  const d = a.values.length - b.values.length;
  if (d !== 0) return d;
  if (a.names !== b.names) {
    for (let i = 0; i < a.names.length; i++) {
      const c = compareValues(a.names[i]!, b.names[i]!);
      if (c !== 0) return c;
    }
  }
  for (let i = 0; i < a.values.length; i++) {
    const c = compareValues(a.values[i]!, b.values[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

function numericAsc(a: Value, b: Value): number {
  return (a as number) - (b as number);
}

/** Insertion sort: for the small sets specs build, cheaper than Array.prototype.sort with a comparator. */
function insertionSort(elems: Value[], allInts: boolean): void {
  for (let i = 1; i < elems.length; i++) {
    const x = elems[i];
    let j = i - 1;
    if (allInts) {
      while (j >= 0 && (elems[j] as number) > (x as number)) {
        elems[j + 1] = elems[j];
        j--;
      }
    } else {
      // compare(new, old), as V8's own sort does, so errors for incomparable elements read the same.
      while (j >= 0 && compareValues(x, elems[j]) < 0) {
        elems[j + 1] = elems[j];
        j--;
      }
    }
    elems[j + 1] = x;
  }
}

/** Sorts (in place) and deduplicates values into TLC's canonical set order. */
export function sortUnique(elems: Value[]): Value[] {
  const n = elems.length;
  if (n < 2) return elems;
  let allInts = true;
  for (let i = 0; i < n; i++) {
    if (typeof elems[i] !== 'number') {
      allInts = false;
      break;
    }
  }
  if (n <= 12) insertionSort(elems, allInts);
  else elems.sort(allInts ? numericAsc : compareValues);
  let w = 1;
  if (allInts) {
    for (let i = 1; i < n; i++) if (elems[i] !== elems[w - 1]) elems[w++] = elems[i];
  } else {
    for (let i = 1; i < n; i++) if (compareValues(elems[i], elems[w - 1]) !== 0) elems[w++] = elems[i];
  }
  if (w < n) elems.length = w;
  return elems;
}
