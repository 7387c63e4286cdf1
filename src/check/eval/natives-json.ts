/**
 * The Json module: TLA+ values to JSON text and back, and JSON files.
 *
 * Records and functions become objects (a key that is not a string is
 * printed as a TLA+ value), sequences and sets become arrays (sets in the
 * checker's order), strings and model values become strings. Reading turns
 * objects into records, arrays into sequences and numbers into integers.
 * A relative file name is resolved against the folder of the module whose
 * text calls the operator, so a spec finds its data files wherever the
 * checker runs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Loc } from '../../tla/ast.js';
import { isStandardModuleFile } from '../../tla/stdlib/index.js';
import {
  fcnView,
  isFcn,
  isSet,
  makeRecord,
  printValue,
  seqElems,
  setElems,
  Tag,
  TupleValue,
  type Value,
} from '../value/index.js';
import { nativeOp } from './natives-args.js';
import { evalFail } from './runtime.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isSequence(domain: readonly Value[]): boolean {
  return domain.every((d, i) => d === i + 1);
}

function toJson(v: Value): Json {
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (v.tag === Tag.ModelValue) return v.name;
  if (isSet(v)) return setElems(v).map(toJson);
  if (isFcn(v)) {
    const { domain, values } = fcnView(v);
    if (isSequence(domain)) return values.map(toJson);
    return toObject(domain, values);
  }
  return evalFail('type', `Cannot convert ${printValue(v)} to JSON.`);
}

function toObject(domain: readonly Value[], values: readonly Value[]): Json {
  const out: { [key: string]: Json } = {};
  domain.forEach((k, i) => {
    out[typeof k === 'string' ? k : printValue(k)] = toJson(values[i]);
  });
  return out;
}

nativeOp('ToJson', ['value'], (call) => JSON.stringify(toJson(call.args[0])));

nativeOp('ToJsonArray', ['value'], (call) => {
  const v = call.args[0];
  if (!isSet(v) && !isFcn(v))
    return evalFail('type', `ToJsonArray expects a sequence or a set, not ${printValue(v)}.`);
  return JSON.stringify(toJson(v));
});

// A sequence becomes an object keyed by the 0-based positions.
nativeOp('ToJsonObject', ['value'], (call) => {
  const v = call.args[0];
  if (!isFcn(v))
    return evalFail('type', `ToJsonObject expects a record or a function, not ${printValue(v)}.`);
  const { domain, values } = fcnView(v);
  const keys = isSequence(domain) ? domain.map((_, i) => String(i)) : domain;
  return JSON.stringify(toObject(keys, values));
});

function fromJson(j: Json, file: string): Value {
  if (j === null) return evalFail('other', `JSON null in ${file} has no TLA+ value.`);
  if (typeof j === 'boolean' || typeof j === 'string') return j;
  if (typeof j === 'number') {
    if (!Number.isInteger(j)) return evalFail('other', `The JSON number ${j} in ${file} is not an integer.`);
    return j;
  }
  if (Array.isArray(j)) return new TupleValue(j.map((x) => fromJson(x, file)));
  const keys = Object.keys(j);
  return makeRecord(
    keys,
    keys.map((k) => fromJson(j[k], file)),
  );
}

/** The file named by `name`, relative to the folder of the calling module. */
function fileFor(name: Value, loc: Loc): string {
  if (typeof name !== 'string')
    return evalFail('type', `A file name must be a string, not ${printValue(name)}.`);
  if (isAbsolute(name) || isStandardModuleFile(loc.file)) return resolve(name);
  return resolve(dirname(loc.file), name);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return evalFail('other', `Cannot read ${file}: ${(e as Error).message}`);
  }
}

function parse(text: string, file: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    return evalFail('other', `${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function write(file: string, text: string): true {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (e) {
    return evalFail('other', `Cannot write ${file}: ${(e as Error).message}`);
  }
  return true;
}

nativeOp('JsonDeserialize', ['value'], (call) => {
  const file = fileFor(call.args[0], call.loc);
  return fromJson(parse(readText(file), file), file);
});

nativeOp('ndJsonDeserialize', ['value'], (call) => {
  const file = fileFor(call.args[0], call.loc);
  const lines = readText(file)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return new TupleValue(lines.map((l) => fromJson(parse(l, file), file)));
});

nativeOp(
  'JsonSerialize',
  ['value', 'value'],
  (call) => {
    const elems = seqElems(call.args[1], 'JsonSerialize').map((v) => JSON.stringify(toJson(v)));
    return write(fileFor(call.args[0], call.loc), `[\n${elems.join(',\n')}\n]\n`);
  },
  { stateful: true },
);

nativeOp(
  'ndJsonSerialize',
  ['value', 'value'],
  (call) => {
    const elems = seqElems(call.args[1], 'ndJsonSerialize').map((v) => `${JSON.stringify(toJson(v))}\n`);
    return write(fileFor(call.args[0], call.loc), elems.join(''));
  },
  { stateful: true },
);
