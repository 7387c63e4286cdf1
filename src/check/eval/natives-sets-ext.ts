/**
 * FiniteSetsExt and Functions operators evaluated natively: counting
 * instead of building filtered sets, k-subsets without SUBSET, Max/Min
 * without a quadratic CHOOSE, and the existence of injections,
 * surjections and bijections from cardinalities instead of function sets.
 */
import {
  asFcn,
  asSet,
  cardinality,
  fcnView,
  makeSet,
  printValue,
  setElems,
  type Value,
} from '../value/index.js';
import { type NativeCall, nativeOp, test } from './natives-args.js';
import { evalFail } from './runtime.js';

// Quantify(S, P(_)) = Cardinality({s \in S : P(s)})
nativeOp('Quantify', ['value', 1], (call) => {
  let n = 0;
  for (const x of setElems(asSet(call.args[0])))
    if (test(call, 1, 'result of the Quantify predicate', x)) n++;
  return n;
});

// kSubset(k, S): the subsets of S with k elements.
nativeOp('kSubset', ['value', 'value'], (call) => {
  const k = call.args[0];
  if (typeof k !== 'number') return evalFail('type', `kSubset expects an integer, not ${printValue(k)}.`);
  const elems = setElems(asSet(call.args[1]));
  const out: Value[] = [];
  const pick: Value[] = [];
  const go = (from: number): void => {
    if (pick.length === k) {
      out.push(makeSet(pick.slice()));
      return;
    }
    for (let i = from; i <= elems.length - (k - pick.length); i++) {
      pick.push(elems[i]);
      go(i + 1);
      pick.pop();
    }
  };
  if (k >= 0 && k <= elems.length) go(0);
  return makeSet(out);
});

function extremum(call: NativeCall, op: 'Max' | 'Min'): Value {
  const elems = setElems(asSet(call.args[0]));
  if (elems.length === 0) {
    return evalFail(
      'choose',
      `Attempted to compute ${op} of the empty set: no element of S satisfied the CHOOSE of ${op}(S).`,
    );
  }
  let best = elems[0];
  for (const x of elems) {
    if (typeof x !== 'number' || typeof best !== 'number') {
      return evalFail(
        'type',
        `${op} expects a set of integers, but it contains ${printValue(typeof x !== 'number' ? x : best)}.`,
      );
    }
    if (op === 'Max' ? x > best : x < best) best = x;
  }
  return best;
}
nativeOp('Max', ['value'], (call) => extremum(call, 'Max'));
nativeOp('Min', ['value'], (call) => extremum(call, 'Min'));

// IsInjective(f): no two arguments share an image.
nativeOp('IsInjective', ['value'], (call) => {
  const images = fcnView(asFcn(call.args[0])).values;
  return makeSet(images.slice()).elems.length === images.length;
});

// ExistsInjection/Surjection/Bijection(S, T), for finite S and T, by counting.
function sizes(call: NativeCall): [number, number] {
  return [cardinality(asSet(call.args[0])), cardinality(asSet(call.args[1]))];
}
nativeOp('ExistsInjection', ['value', 'value'], (call) => {
  const [s, t] = sizes(call);
  return s <= t;
});
nativeOp('ExistsSurjection', ['value', 'value'], (call) => {
  const [s, t] = sizes(call);
  return t === 0 ? s === 0 : s >= t;
});
nativeOp('ExistsBijection', ['value', 'value'], (call) => {
  const [s, t] = sizes(call);
  return s === t;
});
