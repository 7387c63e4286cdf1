/**
 * TLA+ values ↔ ITF JSON values (the Informal Trace Format of Apalache and
 * Quint, ADR-015).
 *
 * | TLA+ value                        | ITF                                  |
 * |-----------------------------------|--------------------------------------|
 * | TRUE / FALSE                      | true / false                         |
 * | integer                           | {"#bigint": "-3"} (a plain JSON integer is read too) |
 * | string                            | "text"                               |
 * | set (also intervals, finite lazy sets) | {"#set": [...]}                 |
 * | tuple / sequence (domain 1..n)    | [...] ({"#tup": [...]} is read too) |
 * | record                            | {"field": value, ...}                |
 * | any other function                | {"#map": [[key, value], ...]}        |
 * | model value `p1`                  | {"#unserializable": "p1"}            |
 * | Nat, Int, STRING                  | {"#unserializable": "Nat"} ...       |
 *
 * Model values have no ITF form of their own. tlaw writes them as
 * `#unserializable` holding the bare name, and reads any `#unserializable`
 * whose text is an identifier (other than Nat, Int, STRING) back as the model
 * value of that name. Values are read into their canonical form, so a `#map`
 * with keys 1..n reads as a tuple, as TLA+ equality demands.
 */
import {
  BuiltinSet,
  compareStrings,
  forceFcn,
  ModelValue,
  makeFcn,
  makeSet,
  printValue,
  setElems,
  sortUnique,
  Tag,
  TupleValue,
  type Value,
} from '../check/value/index.js';

export type ItfValue =
  | boolean
  | number
  | string
  | ItfValue[]
  | { '#bigint': string }
  | { '#tup': ItfValue[] }
  | { '#set': ItfValue[] }
  | { '#map': [ItfValue, ItfValue][] }
  | { '#unserializable': string }
  | { [field: string]: ItfValue };

const BUILTIN_SETS = new Set(['Nat', 'Int', 'STRING']);
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value's ITF form. */
export function toItfValue(v: Value): ItfValue {
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      return { '#bigint': String(v) };
  }
  switch (v.tag) {
    case Tag.ModelValue:
      return { '#unserializable': v.name };
    case Tag.Set:
    case Tag.Interval:
      return { '#set': setElems(v).map(toItfValue) };
    case Tag.LazySet:
      return v.finite ? { '#set': setElems(v).map(toItfValue) } : { '#unserializable': printValue(v) };
    case Tag.Tuple:
      return v.elems.map(toItfValue);
    case Tag.Record: {
      const out: Record<string, ItfValue> = {};
      v.names.forEach((n, i) => {
        setOwn(out, n, toItfValue(v.values[i]!));
      });
      return out;
    }
    case Tag.Fcn:
      return { '#map': v.domain.map((d, i) => [toItfValue(d), toItfValue(v.values[i]!)]) };
    case Tag.LazyFcn: {
      if (v.domain.tag === Tag.LazySet && !v.domain.finite) return { '#unserializable': printValue(v) };
      return toItfValue(forceFcn(v));
    }
  }
}

/** Thrown inside `fromItfValue`; `path` says where in the JSON (e.g. `$.states[2].x["#set"][0]`). */
export class ItfValueError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** A JSON object (not an array, not null). */
/**
 * `obj[key] = value` for any name, `__proto__` included: a plain assignment
 * to `__proto__` would set the object's prototype and lose the value.
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function integer(n: number | bigint, path: string): number {
  if (typeof n === 'bigint') {
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ItfValueError(`integer ${n} is too large for tlaw's integers`, path);
    }
    return Number(n);
  }
  if (!Number.isSafeInteger(n)) throw new ItfValueError(`${n} is not an integer`, path);
  return n;
}

function list(x: unknown, what: string, path: string): unknown[] {
  if (!Array.isArray(x)) throw new ItfValueError(`${what} must hold a JSON array`, path);
  return x;
}

/** Reads an ITF value; throws `ItfValueError` naming the place for anything that is not one. */
export function fromItfValue(x: unknown, path = '$'): Value {
  switch (typeof x) {
    case 'boolean':
    case 'string':
      return x;
    case 'number':
      return integer(x, path);
  }
  if (Array.isArray(x)) {
    return x.length === 0
      ? TupleValue.empty
      : new TupleValue(x.map((e, i) => fromItfValue(e, `${path}[${i}]`)));
  }
  if (!isObject(x)) throw new ItfValueError(`${JSON.stringify(x)} is not an ITF value`, path);
  if ('#bigint' in x) {
    const s = x['#bigint'];
    if (typeof s !== 'string' || !/^-?[0-9]+$/.test(s))
      throw new ItfValueError('"#bigint" must hold a decimal string', path);
    return integer(BigInt(s), path);
  }
  if ('#tup' in x) {
    const elems = list(x['#tup'], '"#tup"', path).map((e, i) => fromItfValue(e, `${path}["#tup"][${i}]`));
    return elems.length === 0 ? TupleValue.empty : new TupleValue(elems);
  }
  if ('#set' in x) {
    return makeSet(list(x['#set'], '"#set"', path).map((e, i) => fromItfValue(e, `${path}["#set"][${i}]`)));
  }
  if ('#map' in x) {
    const pairs = list(x['#map'], '"#map"', path).map((p, i): [Value, Value] => {
      const here = `${path}["#map"][${i}]`;
      if (!Array.isArray(p) || p.length !== 2)
        throw new ItfValueError('each "#map" entry must be a [key, value] pair', here);
      return [fromItfValue(p[0], `${here}[0]`), fromItfValue(p[1], `${here}[1]`)];
    });
    return mapToFunction(pairs, path);
  }
  if ('#unserializable' in x) {
    const text = x['#unserializable'];
    if (typeof text !== 'string') throw new ItfValueError('"#unserializable" must hold a string', path);
    if (BUILTIN_SETS.has(text)) return new BuiltinSet(text as 'Nat' | 'Int' | 'STRING');
    if (IDENT.test(text)) return ModelValue.of(text);
    throw new ItfValueError(`the unserializable value ${JSON.stringify(text)} cannot be loaded`, path);
  }
  const names = Object.keys(x);
  if (names.some((n) => n.startsWith('#'))) {
    throw new ItfValueError(`unknown ITF form ${JSON.stringify(names.find((n) => n.startsWith('#')))}`, path);
  }
  if (names.length === 0) return TupleValue.empty;
  // makeFcn gives a record when every key is a field name, else a function on strings.
  const sorted = [...names].sort(compareStrings);
  return makeFcn(
    sorted,
    sorted.map((n) => fromItfValue(x[n], `${path}.${n}`)),
  );
}

function mapToFunction(pairs: [Value, Value][], path: string): Value {
  const keys = sortUnique(pairs.map((p) => p[0]));
  if (keys.length !== pairs.length) throw new ItfValueError('"#map" has a key twice', path);
  const byKey = new Map<string, Value>();
  for (const [k, v] of pairs) byKey.set(printValue(k), v);
  return makeFcn(
    keys,
    keys.map((k) => byKey.get(printValue(k))!),
  );
}
