import { describe, expect, it } from 'vitest';
import { printValue, valueEquals } from '../../src/check/value/index.js';
import {
  asBoolean,
  asNumber,
  asString,
  tlaFcn,
  tlaModelValue,
  tlaRecord,
  tlaSeq,
  tlaSet,
} from '../../src/mbt/index.js';
import { kvModel } from './kv-model.js';

describe('values for observe', () => {
  it('builds the same value the evaluator builds for the spec state', () => {
    const model = kvModel();
    const [init] = [...model.initialStates({ level: 1 })];
    const store = tlaFcn(
      new Map([
        ['b', 0],
        ['a', 0],
      ]),
    );
    expect(valueEquals(init!.state[0]!, store)).toBe(true);
    expect(valueEquals(store, tlaRecord({ b: 0, a: 0 }))).toBe(true);
  });

  it('prints sets, sequences, functions and records as TLA+ does', () => {
    expect(printValue(tlaSet([3, 1, 3, 2]))).toBe('{1, 2, 3}');
    expect(printValue(tlaSeq(['x', 'y']))).toBe('<<"x", "y">>');
    expect(printValue(tlaSeq([]))).toBe('<<>>');
    expect(
      printValue(
        tlaFcn([
          [1, 'a'],
          [2, 'b'],
        ]),
      ),
    ).toBe('<<"a", "b">>');
    expect(
      printValue(
        tlaFcn([
          [5, true],
          [3, false],
          [5, false],
        ]),
      ),
    ).toBe('(3 :> FALSE @@ 5 :> FALSE)');
    expect(printValue(tlaRecord({ z: 1, a: tlaSet([]) }))).toBe('[a |-> {}, z |-> 1]');
    expect(valueEquals(tlaModelValue('p1'), tlaModelValue('p1'))).toBe(true);
  });

  it('reads parameters back, with a readable error for the wrong kind', () => {
    expect(asNumber(4)).toBe(4);
    expect(asString('k')).toBe('k');
    expect(asString(tlaModelValue('p1'))).toBe('p1');
    expect(asBoolean(true)).toBe(true);
    expect(() => asNumber('4')).toThrow('expected an integer, got "4"');
    expect(() => asString(undefined)).toThrow(/expected a string/);
  });
});
