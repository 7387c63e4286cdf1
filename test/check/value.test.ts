import { describe, expect, it } from 'vitest';
import { EvalError as ModelEvalError } from '../../src/check/model.js';
import {
  applyFcn,
  BOOLEAN_SET,
  BuiltinSet,
  compareValues,
  FcnSet,
  fcnMerge,
  fcnUpdate,
  fingerprint,
  IntervalValue,
  intAdd,
  intDiv,
  intMod,
  intMul,
  LazyFcnValue,
  ModelValue,
  makeFcn,
  makeRecord,
  makeSet,
  ProductSet,
  printValue,
  RecordSet,
  SeqSet,
  SubsetSet,
  setContains,
  setElems,
  singletonFcn,
  TupleValue,
  type Value,
  valueEquals,
} from '../../src/check/value/index.js';

function fp(v: Value): string {
  const out = new Uint32Array(2);
  fingerprint(v, out);
  return `${out[0]}:${out[1]}`;
}

const tup = (...xs: Value[]) => new TupleValue(xs);
const set = (...xs: Value[]) => makeSet(xs);

describe('equality', () => {
  it('compares primitives and model values', () => {
    expect(valueEquals(1, 1)).toBe(true);
    expect(valueEquals('a', 'b')).toBe(false);
    expect(valueEquals(ModelValue.of('p1'), ModelValue.of('p1'))).toBe(true);
    expect(valueEquals(ModelValue.of('p1'), 0)).toBe(false);
    expect(valueEquals(0, ModelValue.of('p1'))).toBe(false);
  });

  it('is an error to compare an integer with a sequence, with TLC message', () => {
    expect(() => valueEquals(1, tup(2))).toThrow(
      'Attempted to check equality of integer 1 with non-integer:\n<<2>>',
    );
    expect(() => valueEquals(1, 'a')).toThrow(ModelEvalError);
  });

  it('identifies functions across representations', () => {
    expect(valueEquals(tup(1, 2), makeFcn([1, 2], [1, 2]))).toBe(true);
    expect(valueEquals(makeFcn(['a'], [1]), makeRecord(['a'], [1]))).toBe(true);
    expect(valueEquals(makeFcn([], []), tup())).toBe(true);
    expect(valueEquals(makeRecord(['b', 'a'], [2, 1]), makeRecord(['a', 'b'], [1, 2]))).toBe(true);
    const lazy = new LazyFcnValue(new IntervalValue(1, 3), (x) => (x as number) * 2);
    expect(valueEquals(lazy, tup(2, 4, 6))).toBe(true);
  });

  it('identifies intervals, explicit and lazy sets with the same elements', () => {
    expect(valueEquals(new IntervalValue(1, 3), set(3, 2, 1))).toBe(true);
    expect(valueEquals(new IntervalValue(3, 1), set())).toBe(true);
    expect(valueEquals(new SubsetSet(set(1)), set(set(), set(1)))).toBe(true);
    expect(valueEquals(new FcnSet(set(1), set('x')), set(tup('x')))).toBe(true);
  });
});

describe('TLC order', () => {
  it('sorts set elements as TLC does', () => {
    expect(printValue(set(3, 1, 2, 1))).toBe('{1, 2, 3}');
    expect(printValue(set('b', 'a', 'c', 'ab'))).toBe('{"a", "ab", "b", "c"}');
    expect(printValue(set(tup(2, 1), tup(1, 2), tup(1)))).toBe('{<<1>>, <<1, 2>>, <<2, 1>>}');
    expect(printValue(set(true, false))).toBe('{FALSE, TRUE}');
    expect(printValue(set(set(1, 2), set(3), set()))).toBe('{{}, {3}, {1, 2}}');
  });

  it('orders model values by name and before other values', () => {
    expect(compareValues(ModelValue.of('p1'), ModelValue.of('p2'))).toBeLessThan(0);
    expect(compareValues(ModelValue.of('p2'), 5)).toBeLessThan(0);
    expect(compareValues(5, ModelValue.of('p2'))).toBeGreaterThan(0);
  });

  it('refuses to order an integer and a string', () => {
    expect(() => compareValues(1, 'a')).toThrow(ModelEvalError);
  });

  it('enumerates SUBSET and record sets in TLC order', () => {
    expect(printValue(new SubsetSet(set(1, 2)).toSet())).toBe('{{}, {1}, {2}, {1, 2}}');
    const rs = new RecordSet(['a', 'b'], [set(2, 1), set('y', 'x')]);
    expect(printValue(setElems(rs)[0])).toBe('[a |-> 1, b |-> "x"]');
  });
});

describe('fingerprints', () => {
  it('equal values hash alike whatever their representation', () => {
    expect(fp(new IntervalValue(1, 3))).toBe(fp(set(1, 2, 3)));
    expect(fp(tup(1, 2))).toBe(fp(makeFcn([1, 2], [1, 2])));
    expect(fp(makeFcn(['a'], [1]))).toBe(fp(makeRecord(['a'], [1])));
    expect(fp(new SubsetSet(set(1)))).toBe(fp(set(set(), set(1))));
  });

  it('hashes a value alike whether its parts were hashed before or not', () => {
    const build = () => makeRecord(['b', 'a'], [set(1, 2), tup('x', set())]);
    const fresh = fp(tup(build(), 1));
    const shared = build();
    fp(shared);
    fp(shared.values[0]);
    expect(fp(tup(shared, 1))).toBe(fresh);
    expect(fp(tup(new IntervalValue(1, 2), 1))).toBe(fp(tup(set(1, 2), 1)));
  });

  it('distinguishes different values', () => {
    const prints = [
      1,
      2,
      '1',
      true,
      false,
      set(),
      tup(),
      set(1),
      tup(1),
      ModelValue.of('p1'),
      set(set()),
    ].map(fp);
    expect(new Set(prints).size).toBe(prints.length);
    expect(fp(tup(1, 2))).not.toBe(fp(tup(2, 1)));
  });
});

describe('printing', () => {
  it('prints as TLC does', () => {
    expect(printValue(makeRecord(['a', 'b', 'c'], [1, set(3, 1, 2), tup('s', true)]))).toBe(
      '[a |-> 1, b |-> {1, 2, 3}, c |-> <<"s", TRUE>>]',
    );
    expect(printValue(fcnMerge(singletonFcn(1, 'x'), singletonFcn(3, 'y')))).toBe('(1 :> "x" @@ 3 :> "y")');
    expect(printValue(fcnMerge(singletonFcn(1, 'x'), singletonFcn(2, 'y')))).toBe('<<"x", "y">>');
    expect(printValue(set())).toBe('{}');
    expect(printValue(tup())).toBe('<<>>');
    expect(printValue('a"b\\')).toBe('"a\\"b\\\\"');
    expect(printValue(ModelValue.of('p1'))).toBe('p1');
    expect(printValue(-3)).toBe('-3');
    expect(printValue(BuiltinSet.Nat)).toBe('Nat');
  });
});

describe('operations', () => {
  it('applies functions with TLC domain error', () => {
    expect(applyFcn(tup(10, 20, 30), 2)).toBe(20);
    expect(() => applyFcn(tup(10, 20, 30), 4)).toThrow(
      'Attempted to apply function:\n<<10, 20, 30>>\nto argument 4, which is not in the domain of the function.',
    );
  });

  it('updates functions, leaving out-of-domain keys alone', () => {
    expect(printValue(fcnUpdate(tup(1, 2), 2, (o) => (o as number) + 5))).toBe('<<1, 7>>');
    expect(printValue(fcnUpdate(tup(1, 2), 9, () => 0))).toBe('<<1, 2>>');
    expect(printValue(fcnUpdate(makeRecord(['a'], [1]), 'a', () => 2))).toBe('[a |-> 2]');
  });

  it('answers membership of lazy sets without expanding', () => {
    expect(setContains(BuiltinSet.Nat, 5)).toBe(true);
    expect(setContains(BuiltinSet.Nat, -1)).toBe(false);
    expect(setContains(new SeqSet(set(1, 2)), tup(1, 1, 2))).toBe(true);
    expect(setContains(new SeqSet(set(1, 2)), tup(3))).toBe(false);
    expect(setContains(new RecordSet(['a'], [BuiltinSet.Nat]), makeRecord(['a'], [1]))).toBe(true);
    expect(setContains(new ProductSet([set(1), set('a')]), tup(1, 'a'))).toBe(true);
    expect(setContains(BOOLEAN_SET, true)).toBe(true);
    expect(() => setElems(BuiltinSet.Nat)).toThrow(ModelEvalError);
  });

  it('enumerates [S -> T] in TLC order, with the empty cases', () => {
    expect(printValue(new FcnSet(set(1, 2), set('b', 'a')))).toBe(
      '{<<"a", "a">>, <<"a", "b">>, <<"b", "a">>, <<"b", "b">>}',
    );
    expect(printValue(new FcnSet(set(), set(1, 2)))).toBe('{<< >>}');
    expect(printValue(new FcnSet(set(1), set()))).toBe('{}');
  });

  it('answers membership of [S -> T] for every function kind', () => {
    const rec = makeRecord(['a', 'b'], [1, 2]);
    expect(setContains(new FcnSet(set('a', 'b'), BuiltinSet.Nat), rec)).toBe(true);
    expect(setContains(new FcnSet(set('a', 'c'), BuiltinSet.Nat), rec)).toBe(false);
    expect(setContains(new FcnSet(set('a'), BuiltinSet.Nat), rec)).toBe(false);
    const fcn = makeFcn([2, 3], [0, 1]);
    expect(setContains(new FcnSet(set(2, 3), set(0, 1)), fcn)).toBe(true);
    expect(setContains(new FcnSet(set(2, 3), set(0)), fcn)).toBe(false);
    expect(setContains(new FcnSet(set(1, 2), BuiltinSet.Nat), tup(5, 6))).toBe(true);
    expect(setContains(new FcnSet(set(0, 1), BuiltinSet.Nat), tup(5, 6))).toBe(false);
  });

  it('has 32-bit integers with TLC overflow and TLA+ division', () => {
    expect(() => intMul(65536, 65536)).toThrow('Overflow when computing 65536*65536');
    expect(() => intAdd(2147483647, 1)).toThrow(ModelEvalError);
    expect(intDiv(-7, 2)).toBe(-4);
    expect(intMod(-7, 2)).toBe(1);
  });
});
