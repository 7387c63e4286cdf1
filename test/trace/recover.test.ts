import { describe, expect, it } from 'vitest';
import { makeFcn, makeSet, printValue, TupleValue } from '../../src/check/value/index.js';
import type { RawJsonTrace, RawTextTrace } from '../../src/tlc/index.js';
import { recoverTrace } from '../../src/trace/index.js';
import { p1, p2, toyModel } from './toy-model.js';

const enter = { name: 'Enter', location: { module: 'Toy', line: 10, col: 1, endLine: 10, endCol: 19 } };
const leave = { name: 'Leave', location: { module: 'Toy', line: 14, col: 1, endLine: 14, endCol: 19 } };

/** What TLC's -dumpTrace json writes for: init, Enter(p2), Leave(p2), Enter(p1). */
const jsonTrace: RawJsonTrace = {
  format: 'json',
  vars: ['pc', 'bag', 'log'],
  stuttering: false,
  states: [
    {
      index: 1,
      action: { name: 'Initial predicate' },
      values: { pc: { p1: 'idle', p2: 'idle' }, bag: [], log: [] },
    },
    { index: 2, action: enter, values: { pc: { p1: 'idle', p2: 'cs' }, bag: ['p2'], log: ['p2'] } },
    { index: 3, action: leave, values: { pc: { p1: 'idle', p2: 'idle' }, bag: ['p2'], log: ['p2'] } },
    {
      index: 4,
      action: enter,
      values: { pc: { p1: 'cs', p2: 'idle' }, bag: ['p2', 'p1'], log: ['p2', 'p1'] },
    },
  ],
};

describe('recoverTrace', () => {
  it('recovers typed values and action parameters from a lossy JSON trace', () => {
    const { value, diagnostics } = recoverTrace(jsonTrace, toyModel(), { model: 'Toy', property: 'Safe' });
    expect(diagnostics).toEqual([]);
    const trace = value!.trace;
    expect(trace.spec).toBe('Toy');
    expect(trace.model).toBe('Toy');
    expect(trace.vars).toEqual(['pc', 'bag', 'log']);
    expect(trace.states.map((s) => [s.action?.name, s.action?.params])).toEqual([
      ['Initial predicate', []],
      ['Enter', [['self', p2]]],
      ['Leave', [['self', p2]]],
      ['Enter', [['self', p1]]],
    ]);
    const last = trace.states[3]!.values;
    expect(last.bag).toEqual(makeSet([p1, p2]));
    expect(last.log).toEqual(new TupleValue([p2, p1]));
    expect(last.pc).toEqual(makeFcn([p1, p2], ['cs', 'idle']));
    expect(trace.states[1]?.action?.loc).toEqual({
      file: 'Toy.tla',
      line: 10,
      col: 1,
      endLine: 10,
      endCol: 20,
    });
    expect(value!.states).toHaveLength(4);
  });

  it('names the first step that diverges', () => {
    const broken: RawJsonTrace = {
      ...jsonTrace,
      states: [
        jsonTrace.states[0]!,
        jsonTrace.states[1]!,
        {
          index: 3,
          action: enter,
          values: { pc: { p1: 'cs', p2: 'cs' }, bag: ['p1', 'p2'], log: ['p1', 'p2'] },
        },
      ],
    };
    const r = recoverTrace(broken, toyModel());
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]?.message).toBe(
      'state 3 diverges: none of the 1 successors of state 2 under action Enter (line 10, col 1 of module Toy) ' +
        'has the values TLC recorded (pc = {"p1":"cs","p2":"cs"}, bag = ["p1","p2"], log = ["p1","p2"])',
    );
  });

  it('does not take a sequence for a set: the order of a JSON array matters for sequences', () => {
    const swapped: RawJsonTrace = {
      ...jsonTrace,
      states: [
        ...jsonTrace.states.slice(0, 3),
        {
          index: 4,
          action: enter,
          values: { pc: { p1: 'cs', p2: 'idle' }, bag: ['p1', 'p2'], log: ['p1', 'p2'] },
        },
      ],
    };
    expect(recoverTrace(swapped, toyModel()).diagnostics[0]?.message).toMatch(/^state 4 diverges/);
  });

  it('recovers a printed (TLA+ text) trace and keeps a lasso', () => {
    const text: RawTextTrace = {
      format: 'tla',
      vars: ['bag', 'log', 'pc'],
      stuttering: false,
      loop: 0,
      loopAction: leave,
      states: [
        {
          index: 1,
          action: { name: 'Initial predicate' },
          values: { bag: '{}', log: '<<>>', pc: '(p1 :> "idle" @@ p2 :> "idle")' },
        },
        {
          index: 2,
          action: enter,
          values: { bag: '{p1}', log: '<<p1>>', pc: '(p1 :> "cs" @@ p2 :> "idle")' },
        },
      ],
    };
    const r = recoverTrace(text, toyModel());
    expect(r.diagnostics).toEqual([]);
    const trace = r.value!.trace;
    expect(trace.states[1]?.action?.params).toEqual([['self', p1]]);
    expect(printValue(trace.states[1]!.values.pc!)).toBe('(p1 :> "cs" @@ p2 :> "idle")');
    // Leave(p1) does not return to the initial state (bag and log keep p1), so no closing action is found.
    expect(trace.loop).toBe(0);
    expect(trace.loopAction).toBeUndefined();
  });

  it('marks stuttering as a loop on the last state', () => {
    const r = recoverTrace({ ...jsonTrace, stuttering: true }, toyModel());
    expect(r.value?.trace.loop).toBe(3);
  });
});
