import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/result.js';
import { makeSet } from '../../src/check/value/index.js';
import { readItf, traceFromCheckResult, writeItf } from '../../src/trace/index.js';

const base: CheckResult = {
  result: 'liveness-violation',
  violated: 'Live',
  distinctStates: 2,
  totalStates: 3,
  statesLeftOnQueue: 0,
  initialStates: 1,
  depth: 2,
  durationMs: 1,
  diagnostics: [],
  exitCode: 13,
  trace: [
    { index: 1, action: { name: 'Initial predicate', params: [] }, state: [['s', makeSet([])]] },
    { index: 2, action: { name: 'Add', params: [['v', 1]] }, state: [['s', makeSet([1])]] },
  ],
};

describe('traceFromCheckResult', () => {
  it('turns a counterexample into a trace named after the violated property', () => {
    const trace = traceFromCheckResult({ ...base, loop: 0 }, { spec: 'Sets', model: 'MC' })!;
    expect(trace).toEqual({
      spec: 'Sets',
      model: 'MC',
      property: 'Live',
      result: 'liveness-violation',
      vars: ['s'],
      loop: 0,
      states: [
        { action: { name: 'Initial predicate', params: [] }, values: { s: makeSet([]) } },
        { action: { name: 'Add', params: [['v', 1]] }, values: { s: makeSet([1]) } },
      ],
    });
    expect(readItf(writeItf(trace)).value).toEqual(trace);
  });

  it('marks stuttering as a loop on the last state, and has nothing for a result without a trace', () => {
    expect(traceFromCheckResult({ ...base, stuttering: true }, { spec: 'Sets' })?.loop).toBe(1);
    expect(traceFromCheckResult({ ...base, trace: null }, { spec: 'Sets' })).toBeUndefined();
  });
});
