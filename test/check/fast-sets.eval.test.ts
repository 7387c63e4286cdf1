/**
 * The fast paths for function sets, record sets, SUBSET and comprehensions
 * as TLA+ sees them: `Cardinality` of a filter counted without building it,
 * filters over lazy sets kept lazy (TLC's SetPredValue), lazy unions of
 * record sets. Results and errors must be those of the general path.
 */
import { describe, expect, it } from 'vitest';
import { bfs, evalText, modelFromText } from '../fixtures/check/build.js';

describe('Cardinality of a set filter', () => {
  it.each([
    ['Cardinality({x \\in 1..10 : x % 3 = 0})', '3'],
    ['Cardinality({x \\in {} : TRUE})', '0'],
    ['Cardinality({x \\in 1..4 : FALSE})', '0'],
    ['Cardinality({f \\in [{1, 2} -> {0, 1}] : f[1] = f[2]})', '2'],
    ['Cardinality({<<a, b>> \\in {1, 2} \\X {1, 2} : a < b})', '1'],
    ['Cardinality({r \\in [a : {1, 2}, b : {"x"}] : r.a > 1})', '1'],
    ['Cardinality({T \\in SUBSET {1, 2, 3} : Cardinality(T) = 2})', '3'],
  ])('%s = %s', (expr, want) => {
    expect(evalText(expr)).toBe(want);
  });

  it('keeps the errors of the general path', () => {
    expect(() => evalText('Cardinality({x \\in Nat : x > 2})')).toThrow(/cardinality of the infinite set/);
    expect(() => evalText('Cardinality({x \\in 1..3 : x})')).toThrow(/condition of a set filter/);
  });
});

describe('set filters over lazy sets', () => {
  it.each([
    ['[a |-> 1, b |-> 2] \\in {r \\in [a : 1..3, b : 1..3] : r.a < r.b}', 'TRUE'],
    ['[a |-> 2, b |-> 2] \\in {r \\in [a : 1..3, b : 1..3] : r.a < r.b}', 'FALSE'],
    ['[a |-> 2] \\in {r \\in [a : 1..3, b : 1..3] : TRUE}', 'FALSE'],
    ['<<1, 2>> \\in {f \\in [1..2 -> 1..5] : f[1] < f[2]}', 'TRUE'],
    ['<<1, 2, 3>> \\in {f \\in [1..2 -> 1..5] : TRUE}', 'FALSE'],
    ['{1, 3} \\in {T \\in SUBSET (1..5) : Cardinality(T) = 2}', 'TRUE'],
    ['{1, 3, 4} \\in {T \\in SUBSET (1..5) : Cardinality(T) = 2}', 'FALSE'],
    ['[x \\in 1..3 |-> 0] \\in {f \\in [1..3 -> Nat] : f[1] = 0}', 'TRUE'],
    ['{f \\in [1..2 -> 1..2] : f[1] # f[2]}', '{<<1, 2>>, <<2, 1>>}'],
    ['{T \\in SUBSET {"b", "a"} : Cardinality(T) = 1} = {{"a"}, {"b"}}', 'TRUE'],
    ['{f \\in [{"a", "b"} -> {0}] : TRUE} = {[a |-> 0, b |-> 0]}', 'TRUE'],
    ['CHOOSE f \\in {g \\in [1..2 -> 0..2] : g[1] + g[2] = 2} : TRUE', '<<0, 2>>'],
    ['\\A f \\in {g \\in [1..2 -> 0..2] : g[1] = 1} : f[1] = 1', 'TRUE'],
  ])('%s is %s', (expr, want) => {
    expect(evalText(expr)).toBe(want);
  });

  it('evaluates the predicate only for the element tested', () => {
    // The predicate fails on every element but <<1, 1>>: building the set would raise the error.
    expect(
      evalText('<<1, 1>> \\in {f \\in [1..2 -> 0..1] : IF f[1] = 1 THEN f[2] = 1 ELSE 1 \\div 0 = 0}'),
    ).toBe('TRUE');
    expect(() => evalText('{f \\in [1..2 -> 0..1] : IF f[1] = 1 THEN TRUE ELSE 1 \\div 0 = 0}')).toThrow();
  });

  it('sees the bindings and the state of where it was written, when tested in a later state', () => {
    // `keep` holds a filter over a function set that reads x and a bound name; x then changes.
    const spec = `---- MODULE LaterState ----
EXTENDS Naturals
VARIABLES x, keep
Init == x = 0 /\\ keep = {}
Next == \\/ /\\ x = 0
           /\\ \\E k \\in {1} : keep' = {f \\in [1..2 -> 0..2] : f[1] = x + k}
           /\\ x' = 1
        \\/ /\\ x = 1
           /\\ x' = 2
           /\\ UNCHANGED keep
        \\/ x = 2 /\\ UNCHANGED <<x, keep>>
Inv == x = 2 => (<<1, 0>> \\in keep /\\ <<2, 0>> \\notin keep /\\ Cardinality(keep) = 3)
====`;
    const m = modelFromText(spec.replace('EXTENDS Naturals', 'EXTENDS Naturals, FiniteSets'), {
      init: { name: 'Init', loc: { file: 'x', line: 1, col: 1 } },
      next: { name: 'Next', loc: { file: 'x', line: 1, col: 1 } },
      invariants: [{ name: 'Inv', loc: { file: 'x', line: 1, col: 1 } }],
    });
    expect(bfs(m)).toMatchObject({ result: 'ok', distinct: 3 });
  });
});

describe('unions of record sets as message sets', () => {
  const defs = `Msgs == [type : {"prepared"}, rm : {"r1", "r2"}] \\cup [type : {"commit", "abort"}]`;
  it.each([
    ['[type |-> "prepared", rm |-> "r1"] \\in Msgs', 'TRUE'],
    ['[type |-> "commit"] \\in Msgs', 'TRUE'],
    ['[type |-> "prepared"] \\in Msgs', 'FALSE'],
    ['[type |-> "commit", rm |-> "r1"] \\in Msgs', 'FALSE'],
    ['{[type |-> "abort"], [type |-> "prepared", rm |-> "r2"]} \\subseteq Msgs', 'TRUE'],
    ['{[type |-> "abort"], [type |-> "prepared", rm |-> "r3"]} \\subseteq Msgs', 'FALSE'],
    ['Cardinality(Msgs)', '4'],
    ['{} \\in SUBSET Msgs', 'TRUE'],
    ['Msgs \\cup {} = Msgs', 'TRUE'],
  ])('%s is %s', (expr, want) => {
    expect(evalText(expr, defs)).toBe(want);
  });

  it('prints as the explicit set', () => {
    const explicit =
      '{[type |-> "prepared", rm |-> "r1"], [type |-> "prepared", rm |-> "r2"], [type |-> "commit"], [type |-> "abort"]}';
    expect(evalText('Msgs', defs)).toBe(evalText(explicit, defs));
  });
});

describe('non-enumerable sets are still refused', () => {
  it.each([
    ['\\E f \\in [Nat -> {0}] : TRUE'],
    ['Cardinality([a : Nat])'],
    ['\\A T \\in SUBSET Nat : TRUE'],
    ['Cardinality({f \\in [Nat -> {0}] : TRUE})'],
  ])('%s', (expr) => {
    expect(() => evalText(expr)).toThrow(/infinite|enumerate/);
  });

  it('but answers membership', () => {
    expect(evalText('<<0, 0>> \\in [1..2 -> Nat]')).toBe('TRUE');
    expect(evalText('<<0, -1>> \\in [1..2 -> Nat]')).toBe('FALSE');
    expect(evalText('[a |-> 3] \\in [a : Nat] \\cup [b : Nat]')).toBe('TRUE');
    expect(evalText('[b |-> -3] \\in [a : Nat] \\cup [b : Nat]')).toBe('FALSE');
  });
});
