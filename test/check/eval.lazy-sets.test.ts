import { describe, expect, it } from 'vitest';
import { evalText, modelFromText } from '../fixtures/check/build.js';

/** Membership in set expressions over infinite sets is decided without enumerating, as TLC does. */
describe('membership in set expressions over infinite sets', () => {
  it.each([
    ['3 \\in Nat \\ {0}', 'TRUE'],
    ['0 \\in Nat \\ {0}', 'FALSE'],
    ['0 \\notin Nat \\ {0}', 'TRUE'],
    ['-1 \\in Int \\ Nat', 'TRUE'],
    ['2 \\in Int \\ Nat', 'FALSE'],
    ['2 \\in Nat \\cap Int', 'TRUE'],
    ['-2 \\in Nat \\cap Int', 'FALSE'],
    ['-2 \\notin Nat \\cap Int', 'TRUE'],
    ['Nat \\cap {-1, 1, 2}', '{1, 2}'],
    ['{-1, 1, 2} \\cap Nat', '{1, 2}'],
    ['-5 \\in Nat \\cup {-5}', 'TRUE'],
    ['{1, 2} \\in SUBSET Nat', 'TRUE'],
    ['{-1, 2} \\in SUBSET Nat', 'FALSE'],
    ['{1, 2} \\in SUBSET (Nat \\ {0})', 'TRUE'],
    ['{0, 2} \\in SUBSET (Nat \\ {0})', 'FALSE'],
    ['{1, 2} \\subseteq Nat', 'TRUE'],
    ['{-1} \\subseteq Nat', 'FALSE'],
    ['{1, 2} \\subseteq Nat \\ {0}', 'TRUE'],
    ['7 \\in (Nat \\ {0}) \\cap (Int \\ {3})', 'TRUE'],
    ['{1, 2, 3} \\ Nat', '{}'],
  ])('%s = %s', (expr, expected) => {
    expect(evalText(expr)).toBe(expected);
  });

  it('reports a non-number checked against Nat or Int, as TLC does', () => {
    expect(() => evalText('"a" \\in Nat')).toThrow(
      'Attempted to check if the value:\n"a"\nis an element of Nat.',
    );
    expect(() => evalText('<<1>> \\in Int \\ {0}')).toThrow('is an element of Int.');
    expect(evalText('"a" \\in STRING \\ {"b"}')).toBe('TRUE');
  });

  it('still refuses to enumerate such a set', () => {
    expect(() => evalText('Cardinality(Nat \\ {0})')).toThrow(/infinite/);
    expect(() => evalText('\\E n \\in Nat \\cap Int : n = 1')).toThrow(/infinite/);
  });

  it('lets an ASSUME over Nat \\ {0} hold or fail without an error', () => {
    const spec = (n: number) => `---- MODULE Assume ----
EXTENDS Naturals
N == ${n}
ASSUME N \\in Nat \\ {0}
VARIABLE x
Init == x = 0
Next == x' = x
====`;
    expect(
      modelFromText(spec(3))
        .checkAssumptions()
        .map((a) => a.holds),
    ).toEqual([true]);
    expect(
      modelFromText(spec(0))
        .checkAssumptions()
        .map((a) => a.holds),
    ).toEqual([false]);
  });
});
