/**
 * Does a typed value match what TLC wrote for it in `-dumpTrace json`?
 *
 * TLC's JSON is lossy: sets, intervals, tuples and sequences all become
 * arrays (a set's elements in no promised order); records and other
 * functions both become objects (a function's keys are its printed domain
 * elements); model values become their names. So the question is not
 * "equal" but "could TLC have written this value as this JSON".
 */
import { forceFcn, isSet, printValue, setElems, Tag, type Value } from '../check/value/index.js';
import { isObject } from './itf-value.js';

/** The object key TLC uses for a function's domain element. */
function keyOf(d: Value): string[] {
  if (typeof d === 'string') return [d, printValue(d)];
  if (typeof d === 'object' && d.tag === Tag.ModelValue) return [d.name];
  return [printValue(d)];
}

function matchesElementsInAnyOrder(elems: readonly Value[], json: unknown[]): boolean {
  if (elems.length !== json.length) return false;
  const used = new Uint8Array(elems.length);
  for (const j of json) {
    let found = false;
    for (let i = 0; i < elems.length; i++) {
      if (!used[i] && matchesTlcJson(elems[i]!, j)) {
        used[i] = 1;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

export function matchesTlcJson(v: Value, json: unknown): boolean {
  switch (typeof v) {
    case 'boolean':
    case 'number':
    case 'string':
      return json === v;
  }
  if (v.tag === Tag.ModelValue) return json === v.name;
  if (isSet(v)) {
    if (v.tag === Tag.LazySet && !v.finite) return json === printValue(v);
    return Array.isArray(json) && matchesElementsInAnyOrder(setElems(v), json);
  }
  if (v.tag === Tag.Tuple) {
    if (v.elems.length === 0)
      return (Array.isArray(json) && json.length === 0) || (isObject(json) && Object.keys(json).length === 0);
    return (
      Array.isArray(json) &&
      json.length === v.elems.length &&
      v.elems.every((e, i) => matchesTlcJson(e, json[i]))
    );
  }
  if (v.tag === Tag.Record) {
    if (!isObject(json) || Object.keys(json).length !== v.names.length) return false;
    return v.names.every((n, i) => n in json && matchesTlcJson(v.values[i]!, json[n]));
  }
  if (v.tag === Tag.Fcn) {
    if (!isObject(json) || Object.keys(json).length !== v.domain.length) return false;
    return v.domain.every((d, i) => {
      const key = keyOf(d).find((k) => k in json);
      return key !== undefined && matchesTlcJson(v.values[i]!, json[key]);
    });
  }
  // A lazy function: compare through its explicit form (none when its domain is infinite).
  if (v.domain.tag === Tag.LazySet && !v.domain.finite) return false;
  return matchesTlcJson(forceFcn(v), json);
}
