/**
 * SYMMETRY: applying a permutation of model values to a value, and the
 * fingerprint of a state as TLC computes it under symmetry: the smallest
 * fingerprint among the images of the state under every permutation.
 */

import type { Loc } from '../../tla/ast.js';
import {
  type AnyFcn,
  applyFcn,
  compareValues,
  fcnView,
  fingerprintValues,
  isFcn,
  isSet,
  ModelValue,
  makeFcn,
  makeSet,
  setElems,
  sortUnique,
  Tag,
  TupleValue,
  type Value,
} from '../value/index.js';
import { evalFail } from './runtime.js';

/** A permutation of model values. */
export type Perm = Map<ModelValue, Value>;

/** The permutations given by a SYMMETRY set (a set of functions from model values to model values). */
export function permsOf(symmetrySet: Value, loc?: Loc): Perm[] {
  // TLC refuses anything else (`S == 3`) before the search starts.
  const refuse = (): never =>
    evalFail('other', 'The symmetry operator must specify a set of functions.', loc);
  if (!isSet(symmetrySet)) return refuse();
  return setElems(symmetrySet).map((p) => {
    const perm: Perm = new Map();
    if (!isFcn(p)) return refuse();
    const { domain } = fcnView(p as AnyFcn);
    for (const d of domain) if (d instanceof ModelValue) perm.set(d, applyFcn(p as AnyFcn, d));
    return perm;
  });
}

export function permute(v: Value, perm: Perm): Value {
  if (typeof v !== 'object') return v;
  switch (v.tag) {
    case Tag.ModelValue:
      return perm.get(v) ?? v;
    case Tag.Interval:
      return v; // integers only: no model value to permute
    case Tag.Set:
    case Tag.LazySet:
      return makeSet(setElems(v).map((x) => permute(x, perm)));
    case Tag.Tuple:
      return new TupleValue(v.elems.map((x) => permute(x, perm)));
    default: {
      const { domain, values } = fcnView(v);
      const pairs = domain.map((d, i) => [permute(d, perm), permute(values[i], perm)] as const);
      const keys = sortUnique(pairs.map((p) => p[0]));
      const vals = keys.map((k) => pairs.find((p) => p[0] === k || sameKey(p[0], k))![1]);
      return makeFcn(keys, vals);
    }
  }
}

/** Whether two domain elements are the same (false for kinds TLC cannot compare). */
function sameKey(a: Value, b: Value): boolean {
  try {
    return compareValues(a, b) === 0;
  } catch {
    return false;
  }
}

/** Fingerprint of the least image of `state` under `perms` (identity included). */
export function symmetricFingerprint(
  state: readonly Value[],
  perms: readonly Perm[],
  out: Uint32Array,
): void {
  fingerprintValues(state, out);
  let hi = out[0];
  let lo = out[1];
  for (const perm of perms) {
    if (perm.size === 0) continue;
    fingerprintValues(
      state.map((x) => permute(x, perm)),
      out,
    );
    if (out[0] < hi || (out[0] === hi && out[1] < lo)) {
      hi = out[0];
      lo = out[1];
    }
  }
  out[0] = hi;
  out[1] = lo;
}
