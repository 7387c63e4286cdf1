/**
 * The Randomization module. Each draw comes from a generator seeded with
 * the fingerprint of the state being explored, of the call site and of the
 * arguments: a run is reproducible, as TLC's breadth-first choices are, and
 * different states get different subsets.
 */
import type { Loc } from '../../tla/ast.js';
import { type Prng, seededPrng } from '../search/prng.js';
import { asSet, fingerprintValues, makeSet, printValue, setElems, type Value } from '../value/index.js';
import { type NativeCall, nativeOp } from './natives-args.js';
import { evalFail } from './runtime.js';

const fp = new Uint32Array(2);

function prngFor(call: NativeCall): Prng {
  const state = call.c.state.filter((v): v is Value => v !== undefined);
  fingerprintValues([...state, ...call.args, siteKey(call.loc)], fp);
  return seededPrng(fp[0] ^ fp[1]);
}

function siteKey(loc: Loc): string {
  return `${loc.file}:${loc.line}:${loc.col}`;
}

function count(v: Value, op: string, what: string): number {
  if (typeof v !== 'number' || v < 0)
    return evalFail('type', `The ${what} of ${op} must be a natural number, not ${printValue(v)}.`);
  return v;
}

/** A subset of `elems`, each element kept with probability `p`. */
function draw(rng: Prng, elems: readonly Value[], p: number): Value {
  return makeSet(elems.filter(() => rng.next() < p));
}

// RandomSubset(k, S): k distinct elements of S (a partial Fisher-Yates shuffle).
nativeOp(
  'RandomSubset',
  ['value', 'value'],
  (call) => {
    const k = count(call.args[0], 'RandomSubset', 'first argument');
    const elems = [...setElems(asSet(call.args[1]))];
    if (k > elems.length) {
      return evalFail(
        'other',
        `The first argument of RandomSubset must be at most the size of the set, but it is ${k} for a set of ${elems.length} elements.`,
      );
    }
    const rng = prngFor(call);
    for (let i = 0; i < k; i++) {
      const j = i + rng.below(elems.length - i);
      [elems[i], elems[j]] = [elems[j], elems[i]];
    }
    return makeSet(elems.slice(0, k));
  },
  { stateful: true },
);

function setOfSubsets(call: NativeCall, op: string, probability: (size: number) => number): Value {
  const k = count(call.args[0], op, 'first argument');
  const elems = setElems(asSet(call.args[2]));
  const p = probability(elems.length);
  const rng = prngFor(call);
  const out: Value[] = [];
  for (let i = 0; i < k; i++) out.push(draw(rng, elems, p));
  return makeSet(out);
}

// RandomSetOfSubsets(k, n, S): k draws, each element in a draw with probability n / Cardinality(S).
nativeOp(
  'RandomSetOfSubsets',
  ['value', 'value', 'value'],
  (call) =>
    setOfSubsets(call, 'RandomSetOfSubsets', (size) => {
      const n = count(call.args[1], 'RandomSetOfSubsets', 'second argument');
      if (n > size) {
        return evalFail(
          'other',
          `The second argument of RandomSetOfSubsets must be at most the size of the set, but it is ${n} for a set of ${size} elements.`,
        );
      }
      return size === 0 ? 0 : n / size;
    }),
  { stateful: true },
);

// RandomSubsetSet(k, "p", S): k draws, each element in a draw with probability p (a decimal string).
nativeOp(
  'RandomSubsetSet',
  ['value', 'value', 'value'],
  (call) =>
    setOfSubsets(call, 'RandomSubsetSet', () => {
      const text = call.args[1];
      const p =
        typeof text === 'string' && /^\s*(0(\.\d*)?|1(\.0*)?|\.\d+)\s*$/.test(text)
          ? Number(text)
          : Number.NaN;
      if (Number.isNaN(p)) {
        return evalFail(
          'type',
          `The second argument of RandomSubsetSet must be a probability written as a string such as "0.5", not ${printValue(text)}.`,
        );
      }
      return p;
    }),
  { stateful: true },
);
