import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/result.js';
import { bfs } from '../../src/check/search/index.js';
import {
  actionConstraintInvariantModel,
  actionConstraintModel,
  actionPropertyModel,
  assertModel,
  constraintModel,
  countdownModel,
  deadlockModel,
  initEvalErrorModel,
  initViolationModel,
  levelModel,
  multiInitModel,
  outOfDomainModel,
  safetyPropertyModel,
  twoInvariantsModel,
} from '../fixtures/search/conformance-models.js';
import { action, toyModel } from '../fixtures/search/toy-model.js';

const counts = (r: CheckResult) => ({
  distinct: r.distinctStates,
  total: r.totalStates,
  queue: r.statesLeftOnQueue,
  depth: r.depth,
  init: r.initialStates,
});
const traceValues = (r: CheckResult) => r.trace?.map((s) => s.state.map(([, v]) => v));

describe('bfs: TLC counts on complete searches', () => {
  it('counts a constrained model like TLC (17-constraint: 9 distinct, 19 generated, depth 5)', () => {
    const r = bfs(constraintModel(6));
    expect(r.result).toBe('ok');
    expect(r.exitCode).toBe(0);
    expect(counts(r)).toEqual({ distinct: 9, total: 19, queue: 0, depth: 5, init: 1 });
    expect(r.trace).toBeNull();
  });

  it('does not report the boundary of a CONSTRAINT as a deadlock', () => {
    expect(bfs(constraintModel(6)).result).toBe('ok');
  });

  it('counts transitions rejected by an ACTION_CONSTRAINT as generated (19: 10 distinct, 38 generated, depth 7)', () => {
    const r = bfs(actionConstraintModel());
    expect(r.result).toBe('ok');
    expect(counts(r)).toEqual({ distinct: 10, total: 38, queue: 0, depth: 7, init: 1 });
  });

  it('counts several initial states (24: 6 initial, 8 distinct, 12 generated, depth 2)', () => {
    const r = bfs(multiInitModel());
    expect(r.result).toBe('ok');
    expect(counts(r)).toEqual({ distinct: 8, total: 12, queue: 0, depth: 2, init: 6 });
  });

  it('passes the successor level to constraints (36: 6 distinct, 13 generated, depth 3)', () => {
    const r = bfs(levelModel());
    expect(r.result).toBe('ok');
    expect(counts(r)).toEqual({ distinct: 6, total: 13, queue: 0, depth: 3, init: 1 });
  });

  it('finishes without a deadlock error when deadlock checking is off (16: 6 distinct, 9 generated)', () => {
    const r = bfs(deadlockModel(false));
    expect(r.result).toBe('ok');
    expect(counts(r)).toEqual({ distinct: 6, total: 9, queue: 0, depth: 3, init: 1 });
    expect(bfs(deadlockModel(true), { checkDeadlock: false }).result).toBe('ok');
  });
});

describe('bfs: violations', () => {
  it('reports the first violated invariant in cfg order with a shortest trace (22)', () => {
    const r = bfs(twoInvariantsModel());
    expect(r.result).toBe('invariant-violation');
    expect(r.violated).toBe('Bounded');
    expect(r.exitCode).toBe(12);
    expect(r.message).toBe('Invariant Bounded is violated.');
    expect(counts(r)).toEqual({ distinct: 11, total: 14, queue: 3, depth: 5, init: 1 });
    expect(traceValues(r)).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
    expect(r.trace!.map((s) => s.index)).toEqual([1, 2, 3, 4, 5]);
    expect(r.trace![0]!.action.name).toBe('Initial predicate');
    expect(r.trace![1]!.action.name).toBe('IncX');
    expect(r.trace![1]!.state).toEqual([
      ['x', 1],
      ['y', 0],
    ]);
  });

  it('counts a violating state inside the model as distinct but leaves it off the queue (33)', () => {
    const r = bfs(countdownModel());
    expect(r.violated).toBe('Positive');
    expect(counts(r)).toEqual({ distinct: 5, total: 5, queue: 0, depth: 5, init: 1 });
    expect(r.trace).toHaveLength(5);
  });

  it('checks invariants on states outside the CONSTRAINT without counting them (18)', () => {
    const r = bfs(constraintModel(4));
    expect(r.result).toBe('invariant-violation');
    expect(r.violated).toBe('Inv');
    expect(counts(r)).toEqual({ distinct: 8, total: 11, queue: 3, depth: 4, init: 1 });
    expect(traceValues(r)).toEqual([
      [0, 0],
      [1, 0],
      [1, 2],
      [1, 4],
    ]);
    expect(r.trace!.map((s) => s.action.name)).toEqual(['Initial predicate', 'IncX', 'IncY', 'IncY']);
  });

  it('checks invariants on a step the ACTION_CONSTRAINT rejects (20)', () => {
    const r = bfs(actionConstraintInvariantModel());
    expect(r.violated).toBe('Inv');
    expect(counts(r)).toEqual({ distinct: 2, total: 3, queue: 1, depth: 2, init: 1 });
    expect(traceValues(r)).toEqual([[0], [10]]);
  });

  it('reports an invariant violated by an initial state without counts (25)', () => {
    const r = bfs(initViolationModel());
    expect(r.result).toBe('invariant-violation');
    expect(r.violated).toBe('NotTwo');
    expect(r.message).toBe('Invariant NotTwo is violated by the initial state:');
    expect(r.traceKind).toBe('initial-state');
    expect(counts(r)).toEqual({ distinct: null, total: null, queue: null, depth: null, init: null });
    expect(traceValues(r)).toEqual([[2, 4]]);
  });

  it('reports a deadlock with the trace to the deadlocked state (15)', () => {
    const r = bfs(deadlockModel(true));
    expect(r.result).toBe('deadlock');
    expect(r.exitCode).toBe(11);
    expect(r.message).toBe('Deadlock reached.');
    expect(counts(r)).toEqual({ distinct: 6, total: 8, queue: 1, depth: 3, init: 1 });
    expect(r.trace!.map((s) => s.action.name)).toEqual(['Initial predicate', 'P1a', 'P2a']);
    expect(r.trace![2]!.state).toEqual([
      ['pc1', 'gotA'],
      ['pc2', 'gotB'],
      ['lockA', 'p1'],
      ['lockB', 'p2'],
    ]);
  });

  it('reports a []P property like an invariant, as a property violation with exit 12 (46)', () => {
    const r = bfs(safetyPropertyModel());
    expect(r.result).toBe('property-violation');
    expect(r.violated).toBe('NonNegative');
    expect(r.exitCode).toBe(12);
    expect(r.message).toBe('Invariant NonNegative is violated.');
    expect(counts(r)).toEqual({ distinct: 4, total: 4, queue: 0, depth: 4, init: 1 });
  });

  it('checks action properties on every transition, also into seen states (47)', () => {
    const r = bfs(actionPropertyModel());
    expect(r.result).toBe('property-violation');
    expect(r.violated).toBe('Increasing');
    expect(r.exitCode).toBe(13);
    expect(r.message).toBe('Action property Increasing is violated.');
    expect(counts(r)).toEqual({ distinct: 4, total: 5, queue: 0, depth: 4, init: 1 });
    expect(traceValues(r)).toEqual([[0], [1], [2], [3], [0]]);
  });
});

describe('bfs: evaluation errors', () => {
  it('stops at a failed Assert with the trace to the state being explored (23)', () => {
    const r = bfs(assertModel());
    expect(r.result).toBe('assertion-failure');
    expect(r.exitCode).toBe(14);
    expect(r.message).toMatch(/^The first argument of Assert evaluated to FALSE/);
    expect(counts(r)).toEqual({ distinct: 3, total: 3, queue: 0, depth: 3, init: 1 });
    expect(traceValues(r)).toEqual([[0], [1], [2]]);
  });

  it('reports an error while evaluating an invariant with the state being checked (51)', () => {
    const r = bfs(outOfDomainModel());
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(76);
    expect(r.message!.split('\n')[0]).toBe('Evaluating invariant Inv failed.');
    expect(counts(r)).toEqual({ distinct: 4, total: 4, queue: 0, depth: 4, init: 1 });
    expect(traceValues(r)).toEqual([[1], [2], [3], [4]]);
  });

  it('reports an error on an initial state with TLC counts and the state (54)', () => {
    const r = bfs(initEvalErrorModel());
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(75);
    expect(r.traceKind).toBe('while-initial');
    expect(counts(r)).toEqual({ distinct: 1, total: 1, queue: 1, depth: 1, init: null });
    expect(traceValues(r)).toEqual([[1]]);
  });
});

describe('bfs: assumptions and postconditions', () => {
  const base = {
    variables: ['x'],
    init: [[0]],
    actions: [
      action('Next', (s: readonly unknown[]) => ((s[0] as number) < 2 ? [[(s[0] as number) + 1]] : [])),
    ],
    checkDeadlock: false,
  };

  it('stops before the search when an ASSUME is false (exit 10)', () => {
    const model = toyModel({ ...base, assumptions: [true, false] });
    const r = bfs(model);
    expect(r.exitCode).toBe(10);
    expect(r.result).toBe('error');
    expect(r.message).toMatch(/A2 is false/);
    expect(model.successorCalls).toBe(0);
  });

  it('evaluates POSTCONDITIONs after a complete search', () => {
    expect(bfs(toyModel({ ...base, postconditions: { Done: () => true } })).result).toBe('ok');
    const r = bfs(toyModel({ ...base, postconditions: { Done: () => false } }));
    expect(r.result).toBe('property-violation');
    expect(r.violated).toBe('Done');
    expect(r.distinctStates).toBe(3);
  });
});

describe('bfs: state identity', () => {
  it('identifies states by the fingerprint the model gives (a VIEW)', () => {
    // x counts up to 5, y toggles; the view keeps only y, so two states are distinct.
    const model = toyModel({
      variables: ['x', 'y'],
      init: [[0, 0]],
      actions: [
        action('Step', (s) => ((s[0] as number) < 5 ? [[(s[0] as number) + 1, 1 - (s[1] as number)]] : [])),
      ],
      view: (s) => [s[1]!],
      checkDeadlock: false,
    });
    const r = bfs(model);
    expect(r.distinctStates).toBe(2);
    expect(r.depth).toBe(2);
  });

  it('rebuilds a 1001-state counterexample by re-running the model along the parent chain', () => {
    // A counter with an unrelated toggle reaches x = 1000 only along one shortest path.
    const model = toyModel({
      variables: ['x', 't'],
      init: [[0, false]],
      actions: [
        action('Inc', (s) => [[(s[0] as number) + 1, s[1]!]]),
        action('Toggle', (s) => [[s[0]!, !s[1]]]),
      ],
      invariants: { Below: (s) => (s[0] as number) < 1000 },
    });
    const r = bfs(model);
    expect(r.violated).toBe('Below');
    expect(r.trace).toHaveLength(1001);
    expect(r.trace![1000]!.state).toEqual([
      ['x', 1000],
      ['t', false],
    ]);
    expect(r.distinctStates).toBe(2000);
  });
});
