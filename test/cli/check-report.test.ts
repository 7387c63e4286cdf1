import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/result.js';
import { bfs } from '../../src/check/search/index.js';
import { ModelValue, makeSet, TupleValue } from '../../src/check/value/index.js';
import {
  checkResultJsonLine,
  formatCheckReport,
  formatProgress,
  formatStateLines,
  progressLine,
  resultToTrace,
} from '../../src/cli/report/index.js';
import { formatItf, readItf } from '../../src/trace/index.js';
import {
  deadlockModel,
  initViolationModel,
  twoInvariantsModel,
} from '../fixtures/search/conformance-models.js';

const nextLoc = { file: '/specs/TwoInvariants.tla', line: 10, col: 12, endLine: 10, endCol: 46 };

/** Case 22 of the conformance suite, as the search reports it. */
function case22(): CheckResult {
  const step = (index: number, x: number) => ({
    index,
    action:
      index === 1
        ? { name: 'Initial predicate', params: [] }
        : { name: 'Next', loc: nextLoc, module: 'TwoInvariants', params: [] },
    state: [
      ['x', x],
      ['y', 0],
    ] as [string, number][],
  });
  return {
    result: 'invariant-violation',
    violated: 'Bounded',
    distinctStates: 11,
    totalStates: 14,
    statesLeftOnQueue: 3,
    initialStates: 1,
    depth: 5,
    durationMs: 3,
    trace: [step(1, 0), step(2, 1), step(3, 2)],
    diagnostics: [],
    exitCode: 12,
    message: 'Invariant Bounded is violated.',
  };
}

describe('TLC-style text report', () => {
  it('prints an invariant violation as TLC does (22-second-invariant)', () => {
    expect(formatCheckReport(case22())).toEqual([
      'Finished computing initial states: 1 distinct state generated.',
      'Error: Invariant Bounded is violated.',
      'Error: The behavior up to this point is:',
      'State 1: <Initial predicate>',
      '/\\ x = 0',
      '/\\ y = 0',
      '',
      'State 2: <Next line 10, col 12 to line 10, col 45 of module TwoInvariants>',
      '/\\ x = 1',
      '/\\ y = 0',
      '',
      'State 3: <Next line 10, col 12 to line 10, col 45 of module TwoInvariants>',
      '/\\ x = 2',
      '/\\ y = 0',
      '',
      '14 states generated, 11 distinct states found, 3 states left on queue.',
      'The depth of the complete state graph search is 5.',
    ]);
  });

  it('prints variables sorted by name, without a bullet when there is only one', () => {
    expect(
      formatStateLines([
        ['pc1', 'start'],
        ['lockA', 'free'],
      ]),
    ).toEqual(['/\\ lockA = "free"', '/\\ pc1 = "start"']);
    expect(formatStateLines([['x', 0]])).toEqual(['x = 0']);
  });

  it('prints a successful run with its counts', () => {
    const lines = formatCheckReport(bfs(deadlockModel(false)));
    expect(lines).toEqual([
      'Finished computing initial states: 1 distinct state generated.',
      'Model checking completed. No error has been found.',
      '  Estimates of the probability that TLC did not check all reachable states',
      '  because two distinct states had the same fingerprint:',
      '  calculated (optimistic):  val = 9.8E-19', // 6 × (9 − 6) / 2^64
      '9 states generated, 6 distinct states found, 0 states left on queue.',
      'The depth of the complete state graph search is 3.',
    ]);
  });

  it('prints a deadlock with the behaviour and action locations', () => {
    const lines = formatCheckReport(bfs(deadlockModel(true)));
    expect(lines.slice(0, 4)).toEqual([
      'Finished computing initial states: 1 distinct state generated.',
      'Error: Deadlock reached.',
      'Error: The behavior up to this point is:',
      'State 1: <Initial predicate>',
    ]);
    expect(lines).toContain('State 2: <P1a line 10, col 5 to line 10, col 29 of module Toy>');
    expect(lines.at(-2)).toBe('8 states generated, 6 distinct states found, 1 states left on queue.');
  });

  it('prints a violation by an initial state with the state and no counts (25)', () => {
    expect(formatCheckReport(bfs(initViolationModel()))).toEqual([
      'Error: Invariant NotTwo is violated by the initial state:',
      '/\\ x = 2',
      '/\\ y = 4',
      '',
    ]);
  });

  it('prints spec diagnostics as file:line:col: message', () => {
    const lines = formatCheckReport({
      ...case22(),
      result: 'error',
      violated: null,
      totalStates: null,
      trace: null,
      exitCode: 150,
      diagnostics: [
        {
          code: 'syntax',
          severity: 'error',
          message: 'unexpected token',
          loc: { file: 'A.tla', line: 3, col: 7 },
        },
      ],
    });
    expect(lines).toEqual(['A.tla:3:7: unexpected token']);
  });

  it('shows progress with states, distinct states, queue, rate and time', () => {
    expect(
      formatProgress({
        totalStates: 3000,
        distinctStates: 1000,
        statesLeftOnQueue: 12,
        level: 4,
        elapsedMs: 1500,
      }),
    ).toBe('3000 states generated, 1000 distinct, 12 on queue, level 4, 2000 states/s, 1.5s');
  });
});

describe('progress line', () => {
  const fakeStream = (isTTY: boolean) => {
    const written: string[] = [];
    const stream = { isTTY, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream;
    return { stream, written };
  };
  const p = { totalStates: 10, distinctStates: 5, statesLeftOnQueue: 2, level: 2, elapsedMs: 1000 };

  it('stays silent when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const line = progressLine(stream);
    expect(line.onProgress).toBeUndefined();
    line.done();
    expect(written).toEqual([]);
  });

  it('redraws one line in place on a terminal and clears it at the end', () => {
    const { stream, written } = fakeStream(true);
    const line = progressLine(stream);
    line.onProgress!(p);
    line.onProgress!({ ...p, totalStates: 20 });
    line.done();
    expect(written).toHaveLength(3);
    expect(written[1]!.startsWith('\r\x1b[2K20 states generated')).toBe(true);
    expect(written[2]).toBe('\r\x1b[2K');
  });

  it('is called by the search at most once per interval', () => {
    const calls: number[] = [];
    bfs(deadlockModel(false), { onProgress: (q) => calls.push(q.totalStates), progressIntervalMs: 60_000 });
    expect(calls).toEqual([]);
    bfs(deadlockModel(false), { onProgress: (q) => calls.push(q.totalStates), progressIntervalMs: 0 });
    expect(calls.length).toBeGreaterThan(0);
  });
});

describe('JSON report', () => {
  it('prints the result as one JSON line with the counts the conformance runner reads', () => {
    const line = checkResultJsonLine(bfs(twoInvariantsModel()));
    expect(line).not.toContain('\n');
    const json = JSON.parse(line);
    expect(json).toMatchObject({
      result: 'invariant-violation',
      violated: 'Bounded',
      distinctStates: 11,
      depth: 5,
    });
    expect(json.trace[1].state).toEqual([
      ['x', { '#bigint': '1' }],
      ['y', { '#bigint': '0' }],
    ]);
  });

  it('encodes structured values in the trace with the ITF encoding', () => {
    const r = case22();
    r.trace![0]!.state = [['v', makeSet([ModelValue.of('p1'), new TupleValue(['a', true])])]];
    const json = JSON.parse(checkResultJsonLine(r));
    expect(json.trace[0].state[0][1]).toEqual({ '#set': [{ '#unserializable': 'p1' }, ['a', true]] });
  });

  it('turns a counterexample into a trace that round-trips through ITF', () => {
    const trace = resultToTrace(
      bfs(twoInvariantsModel()),
      'specs/TwoInvariants.tla',
      'specs/TwoInvariants.cfg',
    )!;
    expect(trace).toMatchObject({ spec: 'TwoInvariants', model: 'TwoInvariants', property: 'Bounded' });
    const read = readItf(formatItf(trace));
    expect(read.value!.vars).toEqual(['x', 'y']);
    expect(read.value!.states.map((s) => s.values)).toEqual([0, 1, 2, 3, 4].map((x) => ({ x, y: 0 })));
    expect(read.value!.states[4]!.action!.name).toBe('IncX');
    expect(resultToTrace(bfs(deadlockModel(false)), 'x.tla')).toBeNull();
  });
});
