/**
 * Building TLA+ values from an implementation's JavaScript state (for a
 * binding's `observe`), and reading action parameters back into JavaScript.
 * Every builder returns the canonical form the evaluator produces, so an
 * observed value equals the spec's value exactly when they mean the same.
 */
import {
  compareValues,
  ModelValue,
  makeFcn,
  makeSet,
  printValue,
  TupleValue,
  type Value,
} from '../check/value/index.js';

/** `{a, b, c}` from any values (order and duplicates do not matter). */
export function tlaSet(elems: Iterable<Value>): Value {
  return makeSet([...elems]);
}

/** `<<a, b, c>>`. */
export function tlaSeq(elems: Iterable<Value>): Value {
  const list = [...elems];
  return list.length === 0 ? TupleValue.empty : new TupleValue(list);
}

/** `[f1 |-> v1, f2 |-> v2]` from a plain object (`<<>>` when it has no field, as in TLA+). */
export function tlaRecord(fields: Readonly<Record<string, Value>>): Value {
  return tlaFcn(Object.entries(fields));
}

/**
 * The function `[k \in DOMAIN |-> v]` given as key/value pairs (a Map or an
 * array of pairs). A later pair for an equal key wins, as in a Map.
 */
export function tlaFcn(entries: Iterable<readonly [Value, Value]>): Value {
  const pairs = [...entries].sort(([a], [b]) => compareValues(a, b));
  const domain: Value[] = [];
  const values: Value[] = [];
  for (const [k, v] of pairs) {
    const last = domain.length - 1;
    if (last >= 0 && compareValues(domain[last]!, k) === 0) values[last] = v;
    else {
      domain.push(k);
      values.push(v);
    }
  }
  return makeFcn(domain, values);
}

/** The model value named `name` (a cfg constant such as `p1`). */
export function tlaModelValue(name: string): Value {
  return ModelValue.of(name);
}

function wrongKind(what: string, v: Value): never {
  throw new TypeError(`expected ${what}, got ${printValue(v)}`);
}

/** A parameter as a JavaScript integer (throws a readable error for any other kind). */
export function asNumber(v: Value | undefined): number {
  if (typeof v !== 'number') wrongKind('an integer', v ?? 'nothing');
  return v;
}

/** A parameter as a JavaScript string (strings, and model values by name). */
export function asString(v: Value | undefined): string {
  if (typeof v === 'string') return v;
  if (v instanceof ModelValue) return v.name;
  return wrongKind('a string', v ?? 'nothing');
}

/** A parameter as a JavaScript boolean. */
export function asBoolean(v: Value | undefined): boolean {
  if (typeof v !== 'boolean') wrongKind('a boolean', v ?? 'nothing');
  return v;
}
