import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/check/search/index.js';
import {
  deadlockModel,
  outOfDomainModel,
  twoInvariantsModel,
} from '../fixtures/search/conformance-models.js';
import { action, toyModel } from '../fixtures/search/toy-model.js';

/** A random walk on 0..20 that may step up or down; Low fails at 15. */
const walkModel = () =>
  toyModel({
    variables: ['x'],
    init: [[0]],
    actions: [
      action('Up', (s) => ((s[0] as number) < 20 ? [[(s[0] as number) + 1]] : [])),
      action('Down', (s) => ((s[0] as number) > 0 ? [[(s[0] as number) - 1]] : [])),
    ],
    invariants: { Low: (s) => (s[0] as number) < 15 },
  });

describe('simulate', () => {
  it('gives the same result and trace for the same seed', () => {
    const a = simulate(walkModel(), { behaviours: 200, depth: 60, seed: 7 });
    const b = simulate(walkModel(), { behaviours: 200, depth: 60, seed: 7 });
    expect(a.result).toBe('invariant-violation');
    expect(b.trace).toEqual(a.trace);
    expect(b.totalStates).toBe(a.totalStates);
  });

  it('reports a violation with a trace of the walk, which is a real behaviour', () => {
    const r = simulate(twoInvariantsModel(), { behaviours: 10, depth: 20, seed: 1 });
    expect(r.result).toBe('invariant-violation');
    expect(r.violated).toBe('Bounded');
    const states = r.trace!.map((s) => s.state.map(([, v]) => v as number));
    expect(states[0]).toEqual([0, 0]);
    for (let i = 1; i < states.length; i++) {
      const [x0, y0] = states[i - 1]!;
      const [x1, y1] = states[i]!;
      expect(x1! - x0! + (y1! - y0!)).toBe(1);
    }
    expect(states.at(-1)![0]! + states.at(-1)![1]!).toBe(4);
  });

  it('respects the depth bound: no violation deeper than the walks go', () => {
    const r = simulate(walkModel(), { behaviours: 50, depth: 10, seed: 3 });
    expect(r.result).toBe('ok');
    expect(r.depth).toBeLessThanOrEqual(10);
    expect(r.distinctStates).toBeNull();
  });

  it('names the invariant whose evaluation failed and gives the walk up to the state checked', () => {
    const r = simulate(outOfDomainModel(), { behaviours: 1, depth: 10, seed: 1 });
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(76);
    expect(r.message!.split('\n')[0]).toBe('Evaluating invariant Inv failed.');
    expect(r.trace!.map((s) => s.state.map(([, v]) => v))).toEqual([[1], [2], [3], [4]]);
  });

  it('finds deadlocks unless deadlock checking is off', () => {
    expect(simulate(deadlockModel(true), { behaviours: 100, depth: 50, seed: 5 }).result).toBe('deadlock');
    expect(simulate(deadlockModel(false), { behaviours: 100, depth: 50, seed: 5 }).result).toBe('ok');
  });
});
