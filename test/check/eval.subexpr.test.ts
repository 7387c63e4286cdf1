/**
 * Subexpression references evaluate to the selected part of a definition's
 * body, as in TLC: conjuncts and disjuncts by position, operands of an
 * operator, IF/THEN/ELSE parts, CASE arms, the body of a LET, and a
 * definition's parameters bound by the reference's arguments.
 */
import { describe, expect, it } from 'vitest';
import { parseModuleText } from '../../src/tla/parse/index.js';
import { evalText } from '../fixtures/check/build.js';

const DEFS = `
Conj == /\\ 1 + 1 = 2
        /\\ 3 > 4
        /\\ \\/ FALSE
           \\/ 7 = 7
Sum == 10 - 4
Cond == IF 1 < 2 THEN "yes" ELSE "no"
Arms == CASE 1 = 2 -> "a" [] 2 = 2 -> "b"
Local == LET k == 5 IN k * 2
Add(a, b) == /\\ a + b > 0
             /\\ a - b
Tup == <<"x", "y", "z">>
`;

describe('subexpression references', () => {
  it('select conjuncts and disjuncts by position, also nested', () => {
    expect(evalText('Conj!1', DEFS)).toBe('TRUE');
    expect(evalText('Conj!2', DEFS)).toBe('FALSE');
    expect(evalText('Conj!3!2', DEFS)).toBe('TRUE');
  });

  it('select operands, first and last', () => {
    expect(evalText('Sum!1', DEFS)).toBe('10');
    expect(evalText('Sum!>>', DEFS)).toBe('4');
    expect(evalText('Sum!<<', DEFS)).toBe('10');
    expect(evalText('Tup!3', DEFS)).toBe('"z"');
  });

  it('select the parts of IF/THEN/ELSE and of a CASE arm', () => {
    expect(evalText('Cond!1', DEFS)).toBe('TRUE');
    expect(evalText('Cond!3', DEFS)).toBe('"no"');
    expect(evalText('Arms!2!2', DEFS)).toBe('"b"');
    expect(evalText('Arms!1!1', DEFS)).toBe('FALSE');
  });

  it("select a LET's body, with its definitions in scope", () => {
    expect(evalText('Local!:', DEFS)).toBe('10');
  });

  it("bind a definition's parameters to the reference's arguments", () => {
    expect(evalText('Add(3, 1)!2', DEFS)).toBe('2');
    expect(evalText('Add(3, 1)!1!1', DEFS)).toBe('4');
  });

  it('report a reference that selects nothing at the reference', () => {
    const r = parseModuleText('---- MODULE M ----\nA == 1 + 2\nB == A!3\nC == Undefined!1\n====\n', 'M.tla');
    expect(r.diagnostics.map((d) => [d.loc?.line, d.message])).toEqual([
      [3, 'The subexpression reference A!3 is not supported (at line 3, column 6)'],
      [4, 'The subexpression reference Undefined!1 is not supported (at line 4, column 6)'],
    ]);
  });
});
