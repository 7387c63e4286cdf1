import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { State } from '../../src/check/model.js';
import { seededPrng, simulate } from '../../src/check/search/index.js';
import { loadModel } from '../../src/cli/check-load.js';

const dir = join(import.meta.dirname, '../fixtures/search/sampling');
const load = () => {
  const loaded = loadModel(join(dir, 'Pick.tla'), join(dir, 'Pick.cfg'), { print: () => {} });
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.model;
};

const labelOf = (t: { action: { name: string; params: [string, unknown][] } }) =>
  `${t.action.name}(${t.action.params.map(([, v]) => String(v)).join(',')})`;

describe('successors of one random action (TLC simulator steps)', () => {
  it('yields all successors of a single enabled action, and every enabled action can be drawn', () => {
    const model = load();
    const rng = seededPrng(3);
    const state: State = [1, 0]; // Up(1), Up(2) (two successors each) and Down(1), Down(2) enabled
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const succs = [...model.successorsOfRandomAction!(state, { level: 1 }, rng.below)];
      const labels = new Set(succs.map(labelOf));
      expect(labels.size).toBe(1);
      const label = [...labels][0]!;
      seen.add(label);
      expect(succs.length).toBe(label.startsWith('Up') ? 2 : 1);
    }
    expect([...seen].sort()).toEqual(['Down(1)', 'Down(2)', 'Up(1)', 'Up(2)']);
  });

  it('tries the other actions while the chosen one is disabled, and is empty only when none is enabled', () => {
    const model = load();
    const rng = seededPrng(9);
    for (let i = 0; i < 50; i++) {
      // x = 0: only Up(1) and Up(2) are enabled.
      const succs = [...model.successorsOfRandomAction!([0, 0], { level: 1 }, rng.below)];
      expect(succs.length).toBe(2);
      expect(labelOf(succs[0]!)).toMatch(/^Up/);
    }
    // x = 13: Up is disabled, Down(1) and Down(2) are enabled.
    expect([...model.successorsOfRandomAction!([13, 0], { level: 1 }, rng.below)]).toHaveLength(1);
  });

  it('counts one state checked per step walked, and the behaviours walked', () => {
    const r = simulate(load(), { behaviours: 30, depth: 12, seed: 5 });
    expect(r.result).toBe('ok');
    expect(r.traces).toBe(30);
    // No walk ends early (some action is always enabled): the initial state, then 11 steps per walk.
    expect(r.totalStates).toBe(1 + 30 * 11);
  });

  it('does not depend on whether the model can sample: same verdict on a model generating all successors', () => {
    const model = load();
    const full = simulate(
      { ...model, successorsOfRandomAction: undefined },
      { behaviours: 30, depth: 12, seed: 5 },
    );
    expect(full.result).toBe('ok');
    expect(full.totalStates).toBe(1 + 30 * 11);
  });
});
