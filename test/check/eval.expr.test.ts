import { describe, expect, it } from 'vitest';
import { evalText } from '../fixtures/check/build.js';

describe('evaluating expressions as TLC does', () => {
  it.each([
    ['-7 \\div 2', '-3'],
    ['-7 % 2', '1'],
    ['(-7) \\div 2', '-4'],
    ['2 ^ 10', '1024'],
    ['5 - 8', '-3'],
    ['1..3', '1..3'],
    ['{3, 1, 2} \\cup {5}', '{1, 2, 3, 5}'],
    ['{1, 2, 3} \\ {2}', '{1, 3}'],
    ['{1, 2} \\cap {2, 3}', '{2}'],
    ['SUBSET {1, 2}', '{{}, {1}, {2}, {1, 2}}'],
    ['3..1', '{}'],
    ['{s \\in SUBSET {1, 2} : Cardinality(s) = 1}', '{{1}, {2}}'],
    ['UNION {{1}, {2, 3}}', '{1, 2, 3}'],
    ['{x * 2 : x \\in 1..3}', '{2, 4, 6}'],
    ['{<<x, y>> : x \\in 1..2, y \\in {"a"}}', '{<<1, "a">>, <<2, "a">>}'],
    ['Cardinality([{1, 2} -> {3, 4}])', '4'],
    ['[x \\in 1..3 |-> x * x]', '<<1, 4, 9>>'],
    ['[x \\in {"a", "b"} |-> 0]', '[a |-> 0, b |-> 0]'],
    ['[x \\in {2, 3} |-> x]', '(2 :> 2 @@ 3 :> 3)'],
    ['[x, y \\in 1..2 |-> x + y][2, 1]', '3'],
    ['DOMAIN [a |-> 1, b |-> 2]', '{"a", "b"}'],
    ['[[a |-> 1, b |-> 2] EXCEPT !.a = @ + 10]', '[a |-> 11, b |-> 2]'],
    ['[<<1, 2>> EXCEPT ![2] = 7]', '<<1, 7>>'],
    ['[[a |-> <<1, 2>>] EXCEPT !.a[1] = 5]', '[a |-> <<5, 2>>]'],
    ['[a : {1, 2}, b : {"x"}]', '{[a |-> 1, b |-> "x"], [a |-> 2, b |-> "x"]}'],
    ['Seq({1})', 'Seq({1})'],
    ['Cardinality([a : {1, 2}, b : {"x"}])', '2'],
    ['[b |-> 1, a |-> 2]', '[a |-> 2, b |-> 1]'],
    ['Append(<<1>>, 2) \\o <<3>>', '<<1, 2, 3>>'],
    ['SubSeq(<<1, 2, 3, 4>>, 2, 3)', '<<2, 3>>'],
    ['SelectSeq(<<1, 2, 3, 4>>, LAMBDA e : e % 2 = 0)', '<<2, 4>>'],
    ['Head(<<5, 6>>) + Len(Tail(<<5, 6, 7>>))', '7'],
    ['<<1, 2>> \\in Seq({1, 2})', 'TRUE'],
    ['"ab" \\o "cd"', '"abcd"'],
    ['Len("abc")', '3'],
    ['"a" \\in STRING', 'TRUE'],
    ['CHOOSE v \\in {3, 1, 2} : TRUE', '1'],
    ['CHOOSE t \\in {<<2, 1>>, <<1, 2>>, <<1>>} : TRUE', '<<1>>'],
    ['CHOOSE s \\in SUBSET {1, 2, 3} : Cardinality(s) = 2', '{1, 2}'],
    ['CHOOSE r \\in [a : {2, 1}, b : {"y", "x"}] : TRUE', '[a |-> 1, b |-> "x"]'],
    ['\\A x \\in 1..3 : \\E y \\in 1..3 : y > x \\/ x = 3', 'TRUE'],
    ['\\E <<a, b>> \\in {1, 2} \\X {3} : a + b = 5', 'TRUE'],
    ['IF 1 < 2 THEN "y" ELSE "n"', '"y"'],
    ['CASE 1 > 2 -> 1 [] 2 > 1 -> 2 [] OTHER -> 3', '2'],
    ['LET a == 3 b(y) == y + a IN b(4)', '7'],
    ['(1 :> "x" @@ 2 :> "y")', '<<"x", "y">>'],
    ['(1 :> "x" @@ 1 :> "y")[1]', '"x"'],
    ['Permutations({1, 2})', '{<<1, 2>>, <<2, 1>>}'],
    ['SortSeq(<<3, 1, 2>>, <)', '<<1, 2, 3>>'],
    ['ToString(<<1, "a">>)', '"<<1, \\"a\\">>"'],
    ['<<1, 2>> = [i \\in 1..2 |-> i]', 'TRUE'],
    ['[x \\in {"a"} |-> 1] = [a |-> 1]', 'TRUE'],
    ['<<>> = [x \\in {} |-> 1]', 'TRUE'],
    // TLC prints the empty tuple <<>> but the empty function (a FcnRcdValue) << >>.
    ['<<>>', '<<>>'],
    ['\\A p, q \\in 1..3 : p # q => p + q > 2', 'TRUE'],
    ['\\A p, q \\in 1..3 : p + q > 2', 'FALSE'],
    ['\\E p, q \\in 1..3 : p + q = 6', 'TRUE'],
    ['\\E p \\in 1..2, q \\in {p + 10} : q = 12', 'TRUE'],
    ['[<<1, 2, 3>> EXCEPT ![1] = 9, ![3] = @ + 1]', '<<9, 2, 4>>'],
    ['[<<1, 2>> EXCEPT ![5] = 0]', '<<1, 2>>'],
    ['[[x \\in {2, 3} |-> x] EXCEPT ![3] = @ * 10]', '(2 :> 2 @@ 3 :> 30)'],
    ['[[a |-> 1, b |-> 2] EXCEPT !.b = @ + 1, !.a = 0]', '[a |-> 0, b |-> 3]'],
    ['<<1, 2>> \\in [1..2 -> {1, 2}]', 'TRUE'],
    ['<<1, 2>> \\in [1..3 -> Nat]', 'FALSE'],
    ['<<1>> \\in [2..2 -> Nat]', 'FALSE'],
    ['<<>> \\in [1..0 -> Nat]', 'TRUE'],
    ['[p \\in 1..2 |-> 0] \\in [1..2 -> {0}]', 'TRUE'],
    ['Tail(<<1>>)', '<<>>'],
    ['[x \\in {} |-> 1]', '<< >>'],
    ['[{} -> {1}]', '{<< >>}'],
    ['<<[x \\in {} |-> 1]>> = <<<<>>>>', 'TRUE'],
    ['SetToBag({1}) (+) SetToBag({1, 2})', '<<2, 1>>'],
    ['BagCardinality(SetToBag({1, 2}) (+) SetToBag({2}))', '3'],
    ['BagUnion({SetToBag({1}), SetToBag({2})}) = SetToBag({1, 2})', 'TRUE'],
    ['-1 \\in Nat \\cup {-1}', 'TRUE'],
    ['[n \\in Nat |-> n * 2][21]', '42'],
  ])('%s = %s', (expr, expected) => {
    expect(evalText(expr)).toBe(expected);
  });

  it('evaluates operators with operator parameters, LAMBDA and RECURSIVE', () => {
    const defs = `
RECURSIVE Fact(_)
Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
Twice(F(_), v) == F(F(v))
Inc(v) == v + 1
fib[n \\in Nat] == IF n < 2 THEN n ELSE fib[n - 1] + fib[n - 2]
a (+) b == a * 10 + b
`;
    expect(evalText('Fact(5)', defs)).toBe('120');
    expect(evalText('Twice(Inc, 1)', defs)).toBe('3');
    expect(evalText('Twice(LAMBDA y : y * 3, 2)', defs)).toBe('18');
    expect(evalText('fib[15]', defs)).toBe('610');
    expect(evalText('1 (+) 2', defs)).toBe('12');
  });

  it('reports TLC errors', () => {
    expect(() => evalText('1 + TRUE')).toThrow('Attempted to apply the operator + to a non-integer argument');
    expect(() => evalText('<<10, 20, 30>>[4]')).toThrow(
      'Attempted to apply function:\n<<10, 20, 30>>\nto argument 4, which is not in the domain of the function.',
    );
    expect(() => evalText('CHOOSE v \\in 1..3 : v > 5')).toThrow(
      'CHOOSE x \\in S: P, but no element of S satisfied P.',
    );
    expect(() => evalText('65536 * 65536')).toThrow('Overflow when computing 65536*65536');
    expect(() => evalText('1 = <<2>>')).toThrow(
      'Attempted to check equality of integer 1 with non-integer:\n<<2>>',
    );
    expect(() => evalText('\\E n \\in Nat : n < 0')).toThrow(/infinite/);
    expect(() => evalText('"a" \\in 1..3')).toThrow(
      'Attempted to check if the value:\n"a"\nis in the integer interval 1..3',
    );
    expect(() => evalText('Assert(1 = 2, "boom")')).toThrow(
      'The first argument of Assert evaluated to FALSE; the second argument was:\n"boom"',
    );
  });

  it('gives errors the location of the failing expression', () => {
    try {
      evalText('<<1>>[2]');
      expect.unreachable();
    } catch (e) {
      expect((e as { loc?: { line: number } }).loc?.line).toBeGreaterThan(0);
      expect((e as { exitCode: number }).exitCode).toBe(75);
    }
  });
});

describe('deep recursion', () => {
  it('is an evaluation error, not a crash', () => {
    const defs = `
RECURSIVE Down(_)
Down(n) == IF n = 0 THEN 0 ELSE Down(n - 1)
`;
    expect(evalText('Down(100)', defs)).toBe('0');
    expect(() => evalText('Down(10000000)', defs)).toThrow('Stack overflow while evaluating the spec');
  });
});
