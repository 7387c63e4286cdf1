/**
 * 64-bit fingerprints of values, as two 32-bit lanes.
 *
 * The hash is computed from a canonical encoding, walking the value without
 * building strings: a kind tag, then the contents; sets as their sorted
 * elements, every function kind (tuple, record, function) as its sorted
 * (domain element, value) pairs. So equal values have one fingerprint whatever
 * their representation (`1..3` and `{1, 2, 3}`, `<<a>>` and `[i \in 1..1 |-> a]`).
 * A composite value (set, tuple, record, function) enters its parent's hash
 * as its own 64-bit hash, cached on the value.
 */
import { forceFcn, setElems } from './force.js';
import { type FcnValue, type RecordValue, SetValue, Tag, type TupleValue, type Value } from './kinds.js';

const K_BOOL = 0x3b1;
const K_INT = 0x5c7;
const K_STR = 0x7e3;
const K_MV = 0x9f1;
const K_SET = 0xb4d;
const K_FCN = 0xd29;

let h1 = 0;
let h2 = 0;

function mix(k: number): void {
  let a = Math.imul(k, 0xcc9e2d51);
  a = (a << 15) | (a >>> 17);
  a = Math.imul(a, 0x1b873593);
  h1 ^= a;
  h1 = (h1 << 13) | (h1 >>> 19);
  h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
  let b = Math.imul(k ^ 0x5bd1e995, 0x85ebca6b);
  b = (b << 17) | (b >>> 15);
  b = Math.imul(b, 0xc2b2ae35);
  h2 ^= b;
  h2 = (h2 << 11) | (h2 >>> 21);
  h2 = (Math.imul(h2, 9) + 0x52dce729) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Per-string 2×32-bit hashes, computed once: strings recur in every state. */
const stringHashes = new Map<string, number[]>();

function mixString(s: string): void {
  const n = s.length;
  if (n <= 8) {
    // Short strings: two characters per step, cheaper than a cache lookup.
    mix(n);
    for (let i = 0; i < n; i += 2) mix(s.charCodeAt(i) | (i + 1 < n ? s.charCodeAt(i + 1) << 16 : 0));
    return;
  }
  let h = stringHashes.get(s);
  if (h === undefined) {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ s.length;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      a = Math.imul(a ^ ch, 0x01000193);
      b = Math.imul(b ^ ch, 0x5bd1e995);
      b ^= b >>> 15;
    }
    h = [a | 0, b | 0];
    if (stringHashes.size < 1 << 20) stringHashes.set(s, h);
  }
  mix(s.length);
  mix(h[0]);
  mix(h[1]);
}

/** Feeds one value into the running hash. */
export function hashValue(v: Value): void {
  switch (typeof v) {
    case 'boolean':
      mix(K_BOOL);
      mix(v ? 1 : 0);
      return;
    case 'number':
      mix(K_INT);
      mix(v);
      return;
    case 'string':
      mix(K_STR);
      mixString(v);
      return;
  }
  switch (v.tag) {
    case Tag.ModelValue:
      mix(K_MV);
      mixString(v.name);
      return;
    case Tag.Set:
    case Tag.Tuple:
    case Tag.Record:
    case Tag.Fcn: {
      // Values are immutable: a composite's own hash is computed once and
      // kept on it, so the unchanged parts of a successor state (shared with
      // its parent) cost two mixes each.
      let hi = v.fpHi;
      let lo = v.fpLo;
      if ((hi | lo) === 0) {
        const s1 = h1;
        const s2 = h2;
        h1 = SEED_1;
        h2 = SEED_2;
        hashContents(v);
        // Never 0 in both lanes: (0, 0) marks "not computed yet" in the cache.
        hi = finalHi() | 1;
        lo = finalLo();
        v.fpHi = hi;
        v.fpLo = lo;
        h1 = s1;
        h2 = s2;
      }
      mix(hi);
      mix(lo);
      return;
    }
    case Tag.Interval:
      // Hashed as the explicit set it equals, so `1..3` and `{1, 2, 3}` hash alike.
      hashValue(new SetValue(setElems(v)));
      return;
    case Tag.LazySet:
      hashValue(v.toSet());
      return;
    case Tag.LazyFcn:
      hashValue(forceFcn(v));
      return;
  }
}

/** The canonical encoding of a composite's contents. */
function hashContents(v: SetValue | TupleValue | RecordValue | FcnValue): void {
  switch (v.tag) {
    case Tag.Set: {
      const e = v.elems;
      mix(K_SET);
      mix(e.length);
      for (let i = 0; i < e.length; i++) hashValue(e[i]);
      return;
    }
    case Tag.Tuple: {
      const e = v.elems;
      mix(K_FCN);
      mix(e.length);
      for (let i = 0; i < e.length; i++) {
        mix(K_INT);
        mix(i + 1);
        hashValue(e[i]);
      }
      return;
    }
    case Tag.Record: {
      const n = v.names;
      mix(K_FCN);
      mix(n.length);
      for (let i = 0; i < n.length; i++) {
        mix(K_STR);
        mixString(n[i]);
        hashValue(v.values[i]);
      }
      return;
    }
    case Tag.Fcn: {
      const d = v.domain;
      mix(K_FCN);
      mix(d.length);
      for (let i = 0; i < d.length; i++) {
        hashValue(d[i]);
        hashValue(v.values[i]);
      }
      return;
    }
  }
}

const SEED_1 = 0x2545f491;
const SEED_2 = 0x6a09e667;

function finalHi(): number {
  return fmix(h1 ^ Math.imul(h2, 0x27d4eb2d));
}

function finalLo(): number {
  return fmix(h2 ^ Math.imul(h1, 0x165667b1));
}

/** Starts a new fingerprint computation (for hashing several values as one, e.g. a state). */
export function fingerprintBegin(): void {
  h1 = SEED_1;
  h2 = SEED_2;
}

/** Writes the fingerprint of everything hashed since `fingerprintBegin` into out[0] (high), out[1] (low). */
export function fingerprintEnd(out: Uint32Array): void {
  out[0] = finalHi();
  out[1] = finalLo();
}

/** The 64-bit fingerprint of one value. */
export function fingerprint(v: Value, out: Uint32Array): void {
  fingerprintBegin();
  hashValue(v);
  fingerprintEnd(out);
}

/** The fingerprint of a sequence of values (a state), as for the tuple of them. */
export function fingerprintValues(vs: readonly Value[], out: Uint32Array): void {
  fingerprintBegin();
  mix(K_FCN);
  mix(vs.length);
  for (let i = 0; i < vs.length; i++) {
    mix(K_INT);
    mix(i + 1);
    hashValue(vs[i]);
  }
  fingerprintEnd(out);
}
