import { describe, expect, it } from 'vitest';
import type { Expr, OperatorDef } from '../../src/tla/ast.js';
import {
  canonicalOperator,
  infixPrecedence,
  isOperatorSymbol,
  operatorSpellings,
  prefixPrecedence,
} from '../../src/tla/operators.js';
import { parseModuleText } from '../../src/tla/parse/index.js';

/** Parse a definition body and strip locations, so two spellings can be compared. */
function shape(text: string): unknown {
  const r = parseModuleText(`---- MODULE T ----\nX == ${text}\n====\n`, 'T.tla');
  expect(r.diagnostics).toEqual([]);
  const body: Expr = (r.value!.units[0] as OperatorDef).body;
  return JSON.parse(JSON.stringify(body, (k, v) => (k === 'loc' ? undefined : v)));
}

describe('canonicalOperator', () => {
  it.each([
    ['\\land', '/\\'],
    ['∧', '/\\'],
    ['\\lor', '\\/'],
    ['∨', '\\/'],
    ['\\lnot', '~'],
    ['\\neg', '~'],
    ['¬', '~'],
    ['#', '/='],
    ['≠', '/='],
    ['\\leq', '<='],
    ['=<', '<='],
    ['≤', '<='],
    ['\\geq', '>='],
    ['≥', '>='],
    ['\\union', '\\cup'],
    ['∪', '\\cup'],
    ['\\intersect', '\\cap'],
    ['∩', '\\cap'],
    ['∉', '\\notin'],
    ['⊆', '\\subseteq'],
    ['\\times', '\\X'],
    ['×', '\\X'],
    ['\\circ', '\\o'],
    ['∘', '\\o'],
    ['\\equiv', '<=>'],
    ['⇔', '<=>'],
    ['⇒', '=>'],
    ['\\oplus', '(+)'],
    ['□', '[]'],
    ['◇', '<>'],
    ['↝', '~>'],
  ])('maps %s to %s', (spelling, canonical) => {
    expect(canonicalOperator(spelling)).toBe(canonical);
  });

  it('leaves canonical names and user identifiers unchanged', () => {
    expect(canonicalOperator('/\\')).toBe('/\\');
    expect(canonicalOperator('Len')).toBe('Len');
    expect(isOperatorSymbol('\\land')).toBe(true);
    expect(isOperatorSymbol('Len')).toBe(false);
  });

  it('lists every spelling of an operator, canonical first', () => {
    expect(operatorSpellings('/\\')).toEqual(['/\\', '\\land', '∧']);
    expect(operatorSpellings('Len')).toEqual([]);
  });
});

describe('precedence ranges (SANY)', () => {
  it('gives infix and prefix operators SANY ranges', () => {
    expect(infixPrecedence('=>')).toEqual([1, 1]);
    expect(infixPrecedence('/\\')).toEqual([3, 3]);
    expect(infixPrecedence('\\in')).toEqual([5, 5]);
    expect(infixPrecedence('..')).toEqual([9, 9]);
    expect(infixPrecedence('%')).toEqual([10, 11]);
    expect(infixPrecedence('\\X')).toEqual([10, 13]);
    expect(infixPrecedence('\\div')).toEqual([13, 13]);
    expect(infixPrecedence('Foo')).toBeUndefined();
    expect(prefixPrecedence('SUBSET')).toEqual([10, 13]);
    expect(prefixPrecedence('-.')).toEqual([12, 12]);
    expect(prefixPrecedence('[]')).toEqual([4, 15]);
  });
});

describe('unicode and ASCII spellings parse to the same AST', () => {
  it.each([
    ['\\A x \\in S : x /= 1 /\\ x <= 2', '∀ x ∈ S : x ≠ 1 ∧ x ≤ 2'],
    ['\\E x \\in S : ~(x \\in T) \\/ x >= 1', '∃ x ∈ S : ¬(x ∈ T) ∨ x ≥ 1'],
    ['S \\cup T \\cap U \\subseteq V', 'S ∪ T ∩ U ⊆ V'],
    ['S \\X T \\X U', 'S × T × U'],
    ['[x \\in S |-> <<x>>]', '[x ∈ S ↦ ⟨x⟩]'],
    ['[S -> T]', '[S → T]'],
    ['[]<>P => Q', '□◇P ⇒ Q'],
    ['a \\land b', 'a ∧ b'],
    ['a # b', 'a /= b'],
    ['a \\leq b', 'a =< b'],
    ['a \\equiv b', 'a <=> b'],
  ])('%s ≡ %s', (ascii, other) => {
    expect(shape(other)).toEqual(shape(ascii));
  });
});
