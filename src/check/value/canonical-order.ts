/**
 * Enumerating finite lazy sets ([S -> T], [a : S], S \X T, SUBSET S)
 * directly in TLC's order, so expanding one needs no sort.
 *
 * Why no sort is needed: TLC orders functions of one domain (tuples, records,
 * functions) by their values position by position, and sets of one size
 * element by element. So the combinations of canonical (sorted, unique)
 * component sets taken with the last position varying fastest come out
 * sorted and unique, and so do the subsets of a canonical set taken by size,
 * then as combinations in index order.
 *
 * The one exception: strings ranked after a component set was built
 * (string-order.ts) can leave that set out of the table's order; then the
 * result is sorted as before.
 */
import { makeSet } from './force.js';
import { SetValue, type Value } from './kinds.js';
import { staleStringOrderPossible } from './string-order.js';

/** A set from elements generated in canonical order (sorted only when the string order may be stale). */
export function setInCanonicalOrder(elems: Value[]): SetValue {
  if (elems.length === 0) return SetValue.empty;
  return staleStringOrderPossible() ? makeSet(elems) : new SetValue(elems);
}

/** Every combination of one element from each array, last position fastest, built with `make`. */
export function cartesian(sets: readonly (readonly Value[])[], make: (vals: Value[]) => Value): Value[] {
  const out: Value[] = [];
  for (const s of sets) if (s.length === 0) return out;
  const n = sets.length;
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    const vals = new Array<Value>(n);
    for (let k = 0; k < n; k++) vals[k] = sets[k]![idx[k]!]!;
    out.push(make(vals));
    let k = n - 1;
    while (k >= 0 && idx[k] === sets[k]!.length - 1) idx[k--] = 0;
    if (k < 0) break;
    idx[k]!++;
  }
  return out;
}

/** The subsets of a canonical element array in TLC's set order: by size, then element by element. */
export function subsetsInOrder(base: readonly Value[]): SetValue[] {
  const n = base.length;
  const out: SetValue[] = [SetValue.empty];
  const idx: number[] = [];
  for (let k = 1; k <= n; k++) {
    // First k-combination of indices: 0, 1, ..., k-1; then the next in lexicographic order.
    idx.length = k;
    for (let i = 0; i < k; i++) idx[i] = i;
    for (;;) {
      const sub = new Array<Value>(k);
      for (let i = 0; i < k; i++) sub[i] = base[idx[i]!]!;
      out.push(new SetValue(sub));
      let i = k - 1;
      while (i >= 0 && idx[i] === n - k + i) i--;
      if (i < 0) break;
      idx[i]!++;
      for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
    }
  }
  return out;
}
