import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluatorIn } from '../fixtures/stdlib/evaluate.js';

const dir = mkdtempSync(join(tmpdir(), 'tlaw-tlcext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODULES = ['Integers', 'Sequences', 'FiniteSets', 'TLC', 'TLCExt', 'Randomization'];

describe('TLCExt', () => {
  it('AssertEq is equality, printing both values when they differ', () => {
    const lines: string[] = [];
    const evaluate = evaluatorIn(dir, MODULES, ['AssertEq(1 + 1, 2)', 'AssertEq(<<1>>, <<2>>)'], (l) =>
      lines.push(l),
    );
    expect(evaluate('AssertEq(1 + 1, 2)')).toBe('TRUE');
    expect(lines).toEqual([]);
    expect(evaluate('AssertEq(<<1>>, <<2>>)')).toBe('FALSE');
    expect(lines).toEqual(['"Assertion failed"', '<<1>>', '<<2>>']);
  });

  it('AssertError holds when the expression fails with that message', () => {
    const exprs = [
      'AssertError("Attempted to apply Head to the empty sequence.", Head(<<>>))',
      'AssertError("another message", Head(<<>>))',
      'AssertError("Attempted to apply Head to the empty sequence.", Head(<<1>>))',
    ];
    const evaluate = evaluatorIn(dir, MODULES, exprs);
    expect(exprs.map(evaluate)).toEqual(['TRUE', 'FALSE', 'FALSE']);
  });

  it('TLCGetOrDefault and TLCGetAndSet read and update the registers', () => {
    const exprs = [
      'TLCGetOrDefault(7, "none")',
      'TLCGetAndSet(7, +, 5, 100)',
      'TLCGetOrDefault(7, "none")',
      'TLCGetAndSet(7, LAMBDA old, v : old * v, 2, 0)',
      'TLCGet(7)',
    ];
    const evaluate = evaluatorIn(dir, MODULES, exprs);
    expect(exprs.map(evaluate)).toEqual(['"none"', '100', '105', '105', '210']);
  });

  it('TLCFP gives equal integers for equal values; the identity operators return their argument', () => {
    const exprs = [
      'TLCFP([a |-> {1, 2}]) = TLCFP([a |-> {2, 1}])',
      'TLCFP(1) # TLCFP(2)',
      'TLCFP("x") \\in Int',
      '<<TLCNoOp(3), TLCCache(4, {}), TLCDefer(Assert(FALSE, "never")), PickSuccessor(FALSE)>>',
      'TLCModelValue("T_a") = TLCModelValue("T_a")',
      'ToTrace(CounterExample)',
    ];
    const evaluate = evaluatorIn(dir, MODULES, exprs);
    expect(exprs.map(evaluate)).toEqual(['TRUE', 'TRUE', 'TRUE', '<<3, 4, TRUE, TRUE>>', 'TRUE', '<< >>']);
  });

  it('Trace says it is not available instead of giving a wrong value', () => {
    const evaluate = evaluatorIn(dir, MODULES, ['Len(Trace)']);
    expect(() => evaluate('Len(Trace)')).toThrow(/Trace .* is not available in the embedded checker/);
  });
});

describe('Randomization', () => {
  const exprs = [
    'RandomSubset(2, 1..5)',
    'Cardinality(RandomSubset(2, 1..5))',
    'RandomSubset(2, 1..5) \\subseteq 1..5',
    'RandomSubset(0, 1..5)',
    'RandomSubset(3, {"a", "b", "c"})',
    'RandomSetOfSubsets(4, 2, 1..6) \\subseteq SUBSET (1..6)',
    'Cardinality(RandomSetOfSubsets(4, 2, 1..6)) \\in 1..4',
    'RandomSetOfSubsets(3, 0, 1..6)',
    'RandomSetOfSubsets(3, 6, 1..6)',
    'RandomSubsetSet(3, "1.0", {1, 2})',
    'RandomSubsetSet(3, "0", {1, 2})',
    '\\A i \\in 1..5 : TestRandomSetOfSubsets(4, 2, 1..6)[i] \\in 1..4',
    'RandomSubset(6, 1..5)',
    'RandomSubsetSet(2, "half", 1..3)',
  ];
  const evaluate = evaluatorIn(dir, MODULES, exprs);

  it('draws subsets of the requested sizes', () => {
    expect(evaluate('Cardinality(RandomSubset(2, 1..5))')).toBe('2');
    expect(evaluate('RandomSubset(2, 1..5) \\subseteq 1..5')).toBe('TRUE');
    expect(evaluate('RandomSubset(0, 1..5)')).toBe('{}');
    expect(evaluate('RandomSubset(3, {"a", "b", "c"})')).toBe('{"a", "b", "c"}');
    expect(evaluate('RandomSetOfSubsets(4, 2, 1..6) \\subseteq SUBSET (1..6)')).toBe('TRUE');
    expect(evaluate('Cardinality(RandomSetOfSubsets(4, 2, 1..6)) \\in 1..4')).toBe('TRUE');
    expect(evaluate('\\A i \\in 1..5 : TestRandomSetOfSubsets(4, 2, 1..6)[i] \\in 1..4')).toBe('TRUE');
  });

  it('probabilities 0 and 1 give the empty set and the whole set', () => {
    expect(evaluate('RandomSetOfSubsets(3, 0, 1..6)')).toBe('{{}}');
    expect(evaluate('RandomSetOfSubsets(3, 6, 1..6)')).toBe('{{1, 2, 3, 4, 5, 6}}');
    expect(evaluate('RandomSubsetSet(3, "1.0", {1, 2})')).toBe('{{1, 2}}');
    expect(evaluate('RandomSubsetSet(3, "0", {1, 2})')).toBe('{{}}');
  });

  it('is reproducible: the same call in the same state draws the same subset', () => {
    const again = evaluatorIn(dir, MODULES, exprs);
    expect(again('RandomSubset(2, 1..5)')).toBe(evaluate('RandomSubset(2, 1..5)'));
  });

  it('rejects sizes larger than the set and malformed probabilities', () => {
    expect(() => evaluate('RandomSubset(6, 1..5)')).toThrow(/at most the size of the set/);
    expect(() => evaluate('RandomSubsetSet(2, "half", 1..3)')).toThrow(/probability written as a string/);
  });
});
