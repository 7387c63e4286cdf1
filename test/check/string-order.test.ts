/**
 * TLC's order on strings (src/check/value/string-order.ts): the table's
 * order decides enumeration and record fields, and a value made before its
 * strings were ranked still equals the same value made after.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  compareStrings,
  extendStringOrder,
  lexicalStrings,
  makeRecord,
  makeSet,
  printValue,
  resetStringOrder,
  valueEquals,
} from '../../src/check/value/index.js';

afterEach(() => resetStringOrder());

describe("TLC's string order", () => {
  it('orders strings by the table, unranked ones after them in code-unit order', () => {
    resetStringOrder();
    extendStringOrder(['zeta', 'alpha']);
    expect(compareStrings('zeta', 'alpha')).toBeLessThan(0);
    expect(compareStrings('alpha', 'mid')).toBeLessThan(0);
    expect(compareStrings('b', 'a')).toBeGreaterThan(0);
    expect(printValue(makeSet(['mid', 'alpha', 'zeta']))).toBe('{"zeta", "alpha", "mid"}');
    expect(printValue(makeRecord(['alpha', 'zeta'], [1, 2]))).toBe('[zeta |-> 2, alpha |-> 1]');
  });

  it('reads identifiers and strings in text order, comments skipped', () => {
    const text = 'Init == x = "b" \\* "c"\n(* "d" (* nested *) *) y \\in {"a\\"q"}';
    expect([...lexicalStrings(text)]).toEqual(['Init', 'x', 'b', 'y', 'in', 'a"q']);
  });

  it('keeps values made before their strings were ranked equal to the same values made after', () => {
    resetStringOrder();
    const before = makeSet(['b', 'a', 'c']);
    const recordBefore = makeRecord(['b', 'a'], [1, 2]);
    extendStringOrder(['c', 'b', 'a']);
    const after = makeSet(['a', 'b', 'c']);
    expect(printValue(before)).toBe('{"a", "b", "c"}');
    expect(printValue(after)).toBe('{"c", "b", "a"}');
    expect(valueEquals(before, after)).toBe(true);
    expect(valueEquals(before, makeSet(['a', 'b', 'd']))).toBe(false);
    expect(valueEquals(recordBefore, makeRecord(['a', 'b'], [2, 1]))).toBe(true);
    expect(valueEquals(recordBefore, makeRecord(['a', 'b'], [1, 2]))).toBe(false);
  });
});
