/**
 * The fast paths for function sets, record sets, SUBSET and unions at the
 * value level: each must give exactly what the general path gives (same
 * elements in the same order, same answers, same errors).
 */
import { describe, expect, it } from 'vitest';
import {
  type AnySet,
  compareValues,
  FcnSet,
  IntervalValue,
  ModelValue,
  makeFcn,
  makeRecord,
  makeSet,
  ProductSet,
  printValue,
  RecordSet,
  SetValue,
  SubsetSet,
  setContains,
  setElems,
  setSize,
  setSubsetEq,
  setUnion,
  TupleValue,
  type Value,
  valueEquals,
} from '../../src/check/value/index.js';

const set = (...xs: Value[]): SetValue => makeSet(xs);
const mv = (n: string): ModelValue => ModelValue.of(n);

/** The elements sorted and deduplicated by the general path, to compare a fast expansion with. */
function resorted(s: AnySet): readonly Value[] {
  return makeSet([...setElems(s)].reverse()).elems;
}

function expectSameElements(fast: readonly Value[], general: readonly Value[]): void {
  expect(fast.length).toBe(general.length);
  for (let i = 0; i < fast.length; i++) expect(compareValues(fast[i]!, general[i]!)).toBe(0);
}

describe('finite lazy sets expand in canonical order without sorting', () => {
  const strs = set('b', 'a', 'c');
  const mixed = set(mv('m1'), 1, 2);
  const cases: [string, AnySet][] = [
    ['[1..3 -> {0, 1}]', new FcnSet(new IntervalValue(1, 3), set(0, 1))],
    ['[{"a","b"} -> {x, y}]', new FcnSet(set('a', 'b'), set(mv('x'), mv('y')))],
    ['[{m1, 1, 2} -> strings]', new FcnSet(mixed, strs)],
    ['[{} -> S]', new FcnSet(SetValue.empty, set(1, 2))],
    ['[S -> {}]', new FcnSet(set(1, 2), SetValue.empty)],
    ['[{1,2} -> [{1} -> {3, 4}]] (nested)', new FcnSet(set(1, 2), new FcnSet(set(1), set(3, 4)))],
    ['[a : {1, 2}, b : strings]', new RecordSet(['a', 'b'], [set(1, 2), strs])],
    ['[a : {}]', new RecordSet(['a'], [SetValue.empty])],
    ['{1, 2} \\X strings \\X {x}', new ProductSet([set(1, 2), strs, set(mv('x'))])],
    ['SUBSET {}', new SubsetSet(SetValue.empty)],
    ['SUBSET {1, 2, 3, 4}', new SubsetSet(set(1, 2, 3, 4))],
    ['SUBSET strings', new SubsetSet(strs)],
    ['SUBSET of sets', new SubsetSet(set(set(1), set(1, 2), SetValue.empty))],
    ['SUBSET of records', new SubsetSet(new RecordSet(['k'], [set(1, 2, 3)]))],
  ];
  it.each(cases)('%s', (_name, s) => {
    const fast = setElems(s);
    expectSameElements(fast, resorted(s));
    expect(fast.length).toBe(setSize(s));
  });

  it('prints a function set as the sorted set of its functions', () => {
    expect(printValue(new FcnSet(set(1, 2), set('b', 'a')))).toBe(
      printValue(
        makeSet([
          makeFcn([1, 2], ['a', 'a']),
          makeFcn([1, 2], ['a', 'b']),
          makeFcn([1, 2], ['b', 'a']),
          makeFcn([1, 2], ['b', 'b']),
        ]),
      ),
    );
  });
});

describe('unions with a lazy side stay lazy', () => {
  const msgs = setUnion(
    setUnion(
      new RecordSet(['rm', 'type'], [set(1, 2), set('prepared')]),
      new RecordSet(['type'], [set('commit', 'abort')]),
    ),
    set(makeRecord(['type'], ['other'])),
  );

  it('answers membership per part, records with missing or extra fields included', () => {
    expect(setContains(msgs, makeRecord(['type', 'rm'], ['prepared', 2]))).toBe(true);
    expect(setContains(msgs, makeRecord(['type'], ['commit']))).toBe(true);
    expect(setContains(msgs, makeRecord(['type'], ['other']))).toBe(true);
    expect(setContains(msgs, makeRecord(['type'], ['prepared']))).toBe(false);
    expect(setContains(msgs, makeRecord(['type', 'rm', 'x'], ['prepared', 1, 0]))).toBe(false);
    expect(setContains(msgs, makeRecord(['type', 'rm'], ['prepared', 3]))).toBe(false);
  });

  it('equals, prints and counts as the explicit union', () => {
    const explicit = makeSet([...setElems(msgs)]);
    expect(valueEquals(msgs, explicit)).toBe(true);
    expect(printValue(msgs)).toBe(printValue(explicit));
    expect(setElems(msgs).length).toBe(5);
    expect(setSubsetEq(set(makeRecord(['type'], ['abort'])), msgs)).toBe(true);
  });

  it('keeps explicit unions explicit', () => {
    expect(setUnion(set(1, 3), set(2)) instanceof SetValue).toBe(true);
  });
});

describe('subset checks of integer sets', () => {
  it.each([
    [[], [], true],
    [[], [1], true],
    [[1], [], false],
    [[1, 3], [1, 2, 3], true],
    [[1, 4], [1, 2, 3], false],
    [[0], [1, 2], false],
    [[1, 2, 3], [1, 2], false],
    [[-5, 7], [-5, 0, 7, 9], true],
  ])('%j \\subseteq %j = %s', (a, b, want) => {
    expect(setSubsetEq(makeSet(a), makeSet(b))).toBe(want);
  });

  it('falls back to membership for other elements, errors included', () => {
    expect(setSubsetEq(set('a'), set('a', 'b'))).toBe(true);
    expect(setSubsetEq(set(mv('m'), 1), set(mv('m'), 1, 2))).toBe(true);
    expect(() => setSubsetEq(set(1), set('a'))).toThrow(/equality/);
  });
});

describe('membership by identity', () => {
  it('finds integers, strings and model values, and keeps TLC errors', () => {
    expect(setContains(set(1, 2, 3), 2)).toBe(true);
    expect(setContains(set(1, 2, 3), 4)).toBe(false);
    expect(setContains(SetValue.empty, 4)).toBe(false);
    expect(setContains(set('a', 'b'), 'b')).toBe(true);
    expect(setContains(set(mv('p1'), mv('p2')), mv('p2'))).toBe(true);
    expect(setContains(set(mv('p1'), 1), mv('p3'))).toBe(false);
    expect(setContains(set(mv('p1'), 1), 1)).toBe(true);
    expect(() => setContains(set('a', 'b'), 1)).toThrow(/equality/);
    expect(() => setContains(set(1, 2), 'a')).toThrow(/equality/);
    // A typed model value before the element: TLC's error, as the element-wise path raises it.
    expect(() => setContains(set(mv('t_1'), 1), 1)).toThrow(/typed model value/);
  });
});

describe('membership in function sets', () => {
  const fs = new FcnSet(set('a', 'b'), set(1, 2));
  it('decides by domain and range', () => {
    expect(setContains(fs, makeRecord(['a', 'b'], [1, 2]))).toBe(true);
    expect(setContains(fs, makeRecord(['a', 'b'], [1, 3]))).toBe(false);
    expect(setContains(fs, makeRecord(['a'], [1]))).toBe(false);
    expect(setContains(fs, makeRecord(['a', 'c'], [1, 1]))).toBe(false);
    expect(setContains(new FcnSet(new IntervalValue(1, 2), set(0)), new TupleValue([0, 0]))).toBe(true);
    expect(setContains(new FcnSet(set(1, 2), set(0)), makeFcn([1, 3], [0, 0]))).toBe(false);
    expect(setContains(new FcnSet(SetValue.empty, set(0)), TupleValue.emptyFcn)).toBe(true);
  });
});
