/**
 * Values of the embedded model checker.
 *
 * Representation. Booleans, integers and strings are plain JS `boolean`,
 * `number` and `string` (no allocation, `===` equality). Integers are TLC's
 * 32-bit integers: any arithmetic result outside [-2^31, 2^31-1] is an
 * overflow error (src/check/value/arith.ts). Every other kind is a class with
 * a numeric `tag`: ModelValue, SetValue (explicit), IntervalValue (a..b),
 * TupleValue, RecordValue, FcnValue, LazyFcnValue (recursive functions) and
 * LazySet subclasses (Nat, Int, STRING, SUBSET S, [S -> T], Seq(S),
 * [a : S], S \X T, and filters, unions, intersections and differences
 * over infinite sets, which answer membership without enumerating).
 *
 * Canonical form. An explicit set keeps its elements sorted in TLC's order
 * without duplicates (`makeSet`). A function value has exactly one
 * representation (`makeFcn`): a tuple when its domain is 1..n (the empty
 * function is `<<>>`), a record when its domain is a set of field names
 * (fields sorted by name, as TLC normalises records), else a FcnValue with a
 * sorted domain. So `<<1, 2>> = [i \in 1..2 |-> i]` and
 * `[x \in {"a"} |-> 1] = [a |-> 1]` hold structurally. Intervals and lazy
 * sets are compared, hashed and enumerated through their sorted elements
 * (`setElems`), which is an error for infinite sets.
 *
 * TLC's ordering (compare.ts) decides printing order, CHOOSE, and the order
 * in which `\E x \in S` enumerates: FALSE < TRUE, integers numerically,
 * strings by code units, model values by name and before any other kind,
 * sets by size then elements, functions by domain size, then domain, then
 * values. Comparing an integer with a string or a sequence is an error, but a
 * model value is simply unequal to anything else (except a typed model value
 * such as `a_1`, which TLC refuses to compare with non-model values).
 *
 * Hashing (fingerprint.ts): a 64-bit fingerprint as two uint32 lanes,
 * computed by walking the canonical structure (no strings built), so equal
 * values hash alike whatever their representation.
 */
export {
  asInt,
  intAdd,
  intDiv,
  intLiteral,
  intMod,
  intMul,
  intNeg,
  intPow,
  intSub,
} from './arith.js';
export { compareValues, fcnView, sortUnique, valueEquals } from './compare.js';
export {
  fingerprint,
  fingerprintBegin,
  fingerprintEnd,
  fingerprintValues,
  hashValue,
} from './fingerprint.js';
export { forceFcn, makeFcn, makeRecord, makeSet, setElems, setSize } from './force.js';
export {
  type AnyFcn,
  type AnySet,
  FcnValue,
  IntervalValue,
  isFcn,
  isSet,
  LazyFcnValue,
  LazySet,
  ModelValue,
  RecordValue,
  SetValue,
  Tag,
  TupleValue,
  type Value,
} from './kinds.js';
export {
  BuiltinSet,
  DiffSet,
  FcnSet,
  FilterSet,
  IntersectSet,
  ProductSet,
  RecordSet,
  SeqSet,
  SubsetSet,
  UnionSet,
} from './lazy-sets.js';
export {
  applyFcn,
  asFcn,
  asSet,
  bigUnion,
  cardinality,
  domainError,
  fcnDomain,
  fcnIndex,
  fcnMerge,
  fcnReplaceAt,
  fcnUpdate,
  fcnValueAt,
  fieldAccess,
  seqElems,
  setContains,
  setIntersect,
  setMinus,
  setSubsetEq,
  setUnion,
  singletonFcn,
} from './ops.js';
export { printValue, quoteString } from './print.js';
export {
  compareStrings,
  extendStringOrder,
  lexicalStrings,
  rankedStrings,
  resetStringOrder,
} from './string-order.js';

import { SetValue } from './kinds.js';
/** BOOLEAN = {FALSE, TRUE}. */
export const BOOLEAN_SET = new SetValue([false, true]);
