/**
 * The OM(m) implementation against specs/ByzantineGenerals.tla through the
 * binding (byzantine-binding.ts): fast-check with the spec as the model on
 * the exhaustively checked models, and random behaviours of the N = 7
 * simulation models (156 messages each) replayed state by state, traitors
 * saying exactly what the spec's behaviour says.
 */
import { describe, expect, it } from 'vitest';
import { checkSpecProperty, replay } from '../../../src/mbt/index.js';
import { byzantineBinding, omConstantsOf } from './byzantine-binding.js';
import { loadConsensusModel, modelEntry } from './models.js';
import { randomWalk } from './spec-walk.js';

const RUNS = { numRuns: 100, seed: 20261207, maxCommands: 20 };

const configOf = (name: string) => modelEntry(name).config;

describe('fast-check with the spec as the model', () => {
  for (const name of [
    'consensus-om1-traitor-lieutenant',
    'consensus-om1-traitor-commander',
    'consensus-om1-three-generals',
  ]) {
    it(`${name}: every state of the implementation matches the spec`, async () => {
      const config = configOf(name);
      const model = loadConsensusModel('ByzantineGenerals.tla', config);
      const result = await checkSpecProperty(model, byzantineBinding(omConstantsOf(config)), RUNS);
      if (!result.ok) throw new Error(result.message);
    });
  }

  it('an army whose general 3 is loyal does not follow a spec where it is a traitor: shrunk to a short behaviour', async () => {
    const config = configOf('consensus-om1-traitor-lieutenant');
    const model = loadConsensusModel('ByzantineGenerals.tla', config);
    const result = await checkSpecProperty(model, byzantineBinding(omConstantsOf(config), []), RUNS);
    if (result.ok) throw new Error('the all-loyal army followed a spec with a traitor');
    expect(result.message).toMatch(/differs from the spec after Send\(p = <<1, 3>>/);
    // Command, the commander's order to 3, then 3's lie (at most one more step before it).
    expect(result.steps.length).toBeLessThanOrEqual(5);
  });
});

describe('simulation behaviours of OM(2) with seven generals replay on the implementation', () => {
  for (const [name, seeds] of [
    ['consensus-om2-two-traitors', [1]],
    ['consensus-om2-three-traitors', [3]],
  ] as const) {
    const config = configOf(name);
    for (const seed of seeds) {
      it(`${name}, behaviour ${seed}: all 156 messages and the decisions match`, async () => {
        const model = loadConsensusModel('ByzantineGenerals.tla', config);
        const steps = randomWalk(model, seed, 250);
        const sends = steps.filter((s) => s.action?.name === 'Send');
        expect(sends).toHaveLength(156);
        const result = await replay(steps, byzantineBinding(omConstantsOf(config)));
        if (!result.ok) throw new Error(result.failure?.message);
        expect(result.stepsChecked).toBe(steps.length);
      }, 60_000);
    }
  }
});
