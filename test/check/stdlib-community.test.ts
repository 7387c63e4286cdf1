import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STANDARD_MODULES } from '../../src/tla/stdlib/index.js';
import { evaluatorIn } from '../fixtures/stdlib/evaluate.js';

const COMMUNITY = ['Folds', 'Functions', 'FiniteSetsExt', 'SequencesExt', 'Relation', 'Graphs'];
const EXTENDS = ['Integers', 'Sequences', 'FiniteSets', 'TLC', ...COMMUNITY];

const native = mkdtempSync(join(tmpdir(), 'tlaw-stdlib-native-'));
// The same modules as files: evaluated from their TLA+ definitions, natives unused.
const definitions = mkdtempSync(join(tmpdir(), 'tlaw-stdlib-defs-'));
for (const name of COMMUNITY) writeFileSync(join(definitions, `${name}.tla`), STANDARD_MODULES.get(name)!);
afterAll(() => {
  rmSync(native, { recursive: true, force: true });
  rmSync(definitions, { recursive: true, force: true });
});

const G = '[node |-> {1, 2, 3}, edge |-> {<<1, 2>>, <<2, 3>>}]';
const R = '[p \\in {1, 2, 3} \\X {1, 2, 3} |-> p[2] = p[1] + 1]';

// Each row: an expression and the value TLC prints for it, worked out from the operator's definition.
const CASES: [string, string][] = [
  // Folds
  [
    'MapThenFoldSet(LAMBDA a, b : a \\cup b, {}, LAMBDA x : {{x}}, LAMBDA s : CHOOSE x \\in s : TRUE, {1, 2})',
    '{{1}, {2}}',
  ],
  [
    'MapThenFoldSet(LAMBDA a, acc : <<a>> \\o acc, <<>>, LAMBDA x : x, LAMBDA s : CHOOSE x \\in s : \\A y \\in s : x >= y, 1..3)',
    '<<3, 2, 1>>',
  ],
  // Functions
  ['Restrict([a |-> 1, b |-> 2], {"a"})', '[a |-> 1]'],
  ['RestrictDomain(<<"a", "b", "c">>, LAMBDA i : i # 2)', '(1 :> "a" @@ 3 :> "c")'],
  ['RestrictValues(<<0, 1, 2>>, LAMBDA v : v # 1)', '(1 :> 0 @@ 3 :> 2)'],
  ['IsRestriction([a |-> 1], [a |-> 1, b |-> 2])', 'TRUE'],
  ['IsRestriction([a |-> 1, b |-> 2], [a |-> 1, b |-> 3])', 'FALSE'],
  ['Range(<<3, 1, 3>>)', '{1, 3}'],
  ['Pointwise(<<1, 2>>, <<10, 20>>, +)', '<<11, 22>>'],
  ['Inverse(<<"a", "b">>, {1, 2}, {"a", "b"})', '[a |-> 1, b |-> 2]'],
  ['AntiFunction([a |-> 1, b |-> 2])', '<<"a", "b">>'],
  ['IsInjective(<<1, 2, 3>>)', 'TRUE'],
  ['IsInjective(<<1, 2, 1>>)', 'FALSE'],
  ['Cardinality(Injection(1..2, 1..3))', '6'],
  ['Cardinality(Surjection(1..3, 1..2))', '6'],
  ['Cardinality(Bijection(1..3, {"a", "b", "c"}))', '6'],
  [
    '<<ExistsInjection(1..3, 1..2), ExistsInjection(1..2, 1..3), ExistsInjection({}, {})>>',
    '<<FALSE, TRUE, TRUE>>',
  ],
  [
    '<<ExistsSurjection(1..3, 1..2), ExistsSurjection(1..2, {}), ExistsSurjection({}, {})>>',
    '<<TRUE, FALSE, TRUE>>',
  ],
  ['<<ExistsBijection(1..2, {"a", "b"}), ExistsBijection(1..2, 1..3)>>', '<<TRUE, FALSE>>'],
  ['FoldFunction(LAMBDA x, acc : {x} \\cup acc, {}, <<1, 2, 1>>)', '{1, 2}'],
  ['FoldFunctionOnSet(+, 0, <<5, 6, 7>>, {1, 3})', '12'],
  // FiniteSetsExt
  ['FoldSet(LAMBDA x, acc : acc \\o <<x>>, <<>>, {3, 1, 2})', '<<3, 2, 1>>'],
  ['SumSet(0..10)', '55'],
  ['ProductSet(1..4)', '24'],
  ['ReduceSet(LAMBDA x, acc : x + acc, {1, 2}, 10)', '13'],
  ['MapThenSumSet(LAMBDA r : r.n, {[n |-> 1], [n |-> 2], [n |-> 2, m |-> 0]})', '5'],
  ['FlattenSet({{1, 2}, {2, 3}})', '{1, 2, 3}'],
  ['SymDiff({1, 2, 3}, {2, 3, 4})', '{1, 4}'],
  ['Quantify(1..9, LAMBDA n : n % 2 = 0)', '4'],
  ['kSubset(2, 1..3)', '{{1, 2}, {1, 3}, {2, 3}}'],
  ['kSubset(4, 1..3)', '{}'],
  ['<<Max({3, -1, 7}), Min({3, -1, 7})>>', '<<7, -1>>'],
  ['Choices({{1, 2}, {2, 3}, {5}})', '{{2, 5}, {1, 2, 5}, {1, 3, 5}, {2, 3, 5}}'],
  ['ChooseUnique({2, 3, 4, 5}, LAMBDA x : x % 3 = 1)', '4'],
  // SequencesExt
  ['ToSet(<<1, 1, 2>>)', '{1, 2}'],
  ['SetToSeq({"c", "a", "b"})', '<<"a", "b", "c">>'],
  ['SetToSeqs({1, 2})', '{<<1, 2>>, <<2, 1>>}'],
  ['SetToSortSeq({3, 1, 2}, >)', '<<3, 2, 1>>'],
  ['Cardinality(SetToAllKPermutations({"a", "b"}))', '5'],
  ['TupleOf({0, 1}, 2)', '{<<0, 0>>, <<0, 1>>, <<1, 0>>, <<1, 1>>}'],
  // The empty function built by [1..0 -> S] prints as TLC prints it.
  ['SeqOf({"x"}, 2)', '{<< >>, <<"x">>, <<"x", "x">>}'],
  ['<<Contains(<<1, 2>>, 2), Contains(<<1, 2>>, 3)>>', '<<TRUE, FALSE>>'],
  ['Reverse(<<1, 2, 3>>)', '<<3, 2, 1>>'],
  ['Remove(<<1, 2, 1, 3>>, 1)', '<<2, 3>>'],
  ['ReplaceAll(<<1, 2, 1>>, 1, 0)', '<<0, 2, 0>>'],
  [
    '<<SelectInSeq(<<5, 6, 7, 6>>, LAMBDA e : e = 6), SelectLastInSeq(<<5, 6, 7, 6>>, LAMBDA e : e = 6), SelectInSeq(<<5>>, LAMBDA e : e = 6)>>',
    '<<2, 4, 0>>',
  ],
  [
    '<<SelectInSubSeq(<<5, 6, 7, 6>>, 3, 4, LAMBDA e : e = 6), SelectLastInSubSeq(<<6, 6, 7>>, 1, 2, LAMBDA e : e = 6)>>',
    '<<2, 2>>',
  ],
  ['InsertAt(<<1, 3>>, 2, 2)', '<<1, 2, 3>>'],
  ['ReplaceAt(<<1, 2>>, 1, 9)', '<<9, 2>>'],
  ['RemoveAt(<<1, 2, 3>>, 2)', '<<1, 3>>'],
  ['RemoveFirst(<<1, 2, 1>>, 1)', '<<2, 1>>'],
  ['RemoveFirstMatch(<<1, 2, 4>>, LAMBDA e : e % 2 = 0)', '<<1, 4>>'],
  [
    '<<Cons(0, <<1>>), Snoc(2, <<1>>), Front(<<1, 2, 3>>), Last(<<1, 2, 3>>)>>',
    '<<<<0, 1>>, <<1, 2>>, <<1, 2>>, 3>>',
  ],
  [
    '<<IsPrefix(<<1>>, <<1, 2>>), IsStrictPrefix(<<1, 2>>, <<1, 2>>), IsSuffix(<<2>>, <<1, 2>>), IsStrictSuffix(<<2>>, <<1, 2>>)>>',
    '<<TRUE, FALSE, TRUE, TRUE>>',
  ],
  ['Prefixes(<<1, 2>>)', '{<<>>, <<1>>, <<1, 2>>}'],
  ['CommonPrefixes({<<1, 2, 3>>, <<1, 2, 4>>})', '{<<>>, <<1>>, <<1, 2>>}'],
  ['LongestCommonPrefix({<<1, 2, 3>>, <<1, 2, 4>>, <<1, 2>>})', '<<1, 2>>'],
  ['Suffixes(<<1, 2>>)', '{<<>>, <<2>>, <<1, 2>>}'],
  ['<<SeqMod(6, 3), SeqMod(7, 3)>>', '<<3, 1>>'],
  ['FoldSeq(+, 0, <<1, 2, 3>>)', '6'],
  ['FoldLeft(LAMBDA acc, e : <<acc, e>>, 0, <<3, 1, 2>>)', '<<<<<<0, 3>>, 1>>, 2>>'],
  ['FoldRight(LAMBDA e, acc : <<e, acc>>, <<3, 1, 2>>, 0)', '<<3, <<1, <<2, 0>>>>>>'],
  ['FoldLeftDomain(LAMBDA acc, i : acc \\o <<i>>, <<>>, <<"a", "b">>)', '<<1, 2>>'],
  ['FoldRightDomain(LAMBDA i, acc : acc \\o <<i>>, <<"a", "b">>, <<>>)', '<<2, 1>>'],
  ['FlattenSeq(<<<<1, 2>>, <<>>, <<3>>>>)', '<<1, 2, 3>>'],
  ['FlattenSeq(<<"ab", "c">>)', '"abc"'],
  ['Zip(<<1, 3>>, <<2, 4, 6>>)', '<<<<1, 2>>, <<3, 4>>>>'],
  ['Interleave(<<1, 3>>, <<2, 4>>)', '<<<<1>>, <<2>>, <<3>>, <<4>>>>'],
  ['SubSeqs(<<1, 2>>)', '{<<>>, <<1>>, <<2>>, <<1, 2>>}'],
  ['AllSubSeqs(<<1, 2, 3>>)', '{<< >>, <<1>>, <<2>>, <<3>>, <<1, 2>>, <<1, 3>>, <<2, 3>>, <<1, 2, 3>>}'],
  ['<<IndexFirstSubSeq(<<1>>, <<2, 1, 1>>), IndexFirstSubSeq(<<>>, <<2>>)>>', '<<2, 1>>'],
  ['ReplaceSubSeqAt(2, <<9>>, <<2, 3>>, <<1, 2, 3, 4>>)', '<<1, 9, 4>>'],
  ['ReplaceFirstSubSeq(<<0>>, <<1>>, <<1, 2, 1>>)', '<<0, 2, 1>>'],
  ['ReplaceAllSubSeqs(<<2, 2>>, <<1, 1>>, <<1, 1, 1>>)', '<<2, 2, 1>>'],
  ['ReplaceAllSubSeqs(<<2>>, <<3>>, <<1, 3>>)', '<<1, 2>>'],
  ['ReplaceAllSubSeqs(<<0>>, <<>>, <<1, 2>>)', '<<0, 1, 0, 2>>'],
  ['ReplaceAllSubSeqs("x", "ab", "abcab")', '"xcx"'],
  // Relation
  [`IsReflexive(${R}, {1, 2, 3})`, 'FALSE'],
  ['IsReflexiveUnder(=, {1, 2, 3})', 'TRUE'],
  [
    '<<IsIrreflexiveUnder(<, 1..3), IsSymmetricUnder(=, 1..3), IsAntiSymmetricUnder(<=, 1..3), IsAsymmetricUnder(<=, 1..3)>>',
    '<<TRUE, TRUE, TRUE, FALSE>>',
  ],
  [
    '<<IsTransitiveUnder(<, 1..3), IsStrictlyPartiallyOrderedUnder(<, 1..3), IsPartiallyOrderedUnder(<=, 1..3)>>',
    '<<TRUE, TRUE, TRUE>>',
  ],
  [
    '<<IsStrictlyTotallyOrderedUnder(<, 1..3), IsTotallyOrderedUnder(<=, 1..3), IsTotallyOrderedUnder(LAMBDA a, b : a = b, 1..2)>>',
    '<<TRUE, TRUE, FALSE>>',
  ],
  [`LET T == TransitiveClosure(${R}, {1, 2, 3}) IN <<T[1, 3], T[3, 1], T[1, 1]>>`, '<<TRUE, FALSE, FALSE>>'],
  [
    `LET T == ReflexiveTransitiveClosure(${R}, {1, 2, 3}) IN <<T[1, 1], T[1, 3], T[3, 2]>>`,
    '<<TRUE, TRUE, FALSE>>',
  ],
  [`IsConnected(${R}, {1, 2, 3})`, 'FALSE'],
  // Graphs
  [`IsDirectedGraph(${G})`, 'TRUE'],
  [`Transpose(${G}).edge`, '{<<2, 1>>, <<3, 2>>}'],
  [
    `<<IsUndirectedGraph(${G}), IsUndirectedGraph([node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}])>>`,
    '<<FALSE, TRUE>>',
  ],
  // Node sets {}, {1}, {2} with no edge, and {1, 2} with or without its edges.
  ['Cardinality(DirectedSubgraph([node |-> {1, 2}, edge |-> {<<1, 2>>}]))', '5'],
  ['Cardinality(UndirectedSubgraph([node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}]))', '5'],
  [
    `<<<<1, 2, 3>> \\in Path(${G}), <<1, 3>> \\in Path(${G}), <<>> \\in Path(${G})>>`,
    '<<TRUE, FALSE, FALSE>>',
  ],
  [`SimplePath(${G})`, '{<<1>>, <<2>>, <<3>>, <<1, 2>>, <<2, 3>>, <<1, 2, 3>>}'],
  [
    `<<AreConnectedIn(1, 3, ${G}), AreConnectedIn(3, 1, ${G}), AreConnectedIn(2, 2, ${G}), AreConnectedIn(4, 4, ${G})>>`,
    '<<TRUE, FALSE, TRUE, FALSE>>',
  ],
  [`LET C == ConnectionsIn(${G}) IN <<C[1, 3], C[3, 1], C[2, 2]>>`, '<<TRUE, FALSE, TRUE>>'],
  [
    `<<IsStronglyConnected(${G}), IsStronglyConnected([node |-> {1, 2}, edge |-> {<<1, 2>>, <<2, 1>>}])>>`,
    '<<FALSE, TRUE>>',
  ],
  ['IsTreeWithRoot([node |-> {1}, edge |-> {}], 1)', 'TRUE'],
  ['IsTreeWithRoot([node |-> {1, 2, 3}, edge |-> {<<2, 1>>, <<3, 2>>, <<3, 1>>}], 1)', 'FALSE'],
];

const ERRORS = ['Max({})', 'SumSet({"a"})', 'IndexFirstSubSeq(<<5>>, <<1, 2>>)'];
const evaluate = evaluatorIn(native, EXTENDS, [...CASES.map(([e]) => e), ...ERRORS]);
const fromDefinitions = evaluatorIn(
  definitions,
  EXTENDS,
  CASES.map(([e]) => e),
);

describe('community modules: operators evaluate to their defined values', () => {
  it.each(CASES)('%s = %s', (expr, expected) => {
    expect(evaluate(expr)).toBe(expected);
  });
});

describe('community modules: native operators agree with the TLA+ definitions', () => {
  it.each(CASES)('%s', (expr) => {
    expect(fromDefinitions(expr)).toBe(evaluate(expr));
  });
});

describe('community modules: errors', () => {
  it('Max of the empty set is a CHOOSE error', () => {
    expect(() => evaluate('Max({})')).toThrow(/Max of the empty set/);
  });
  it('SumSet of a set of strings is a type error', () => {
    expect(() => evaluate('SumSet({"a"})')).toThrow(/SumSet expects a set of integers/);
  });
  it('IndexFirstSubSeq fails when the subsequence does not occur', () => {
    expect(() => evaluate('IndexFirstSubSeq(<<5>>, <<1, 2>>)')).toThrow(/does not occur/);
  });
});
