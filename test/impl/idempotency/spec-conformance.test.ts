/**
 * The implementation against the spec, through the binding (binding.ts):
 * random behaviours of the correct model run on the SQLite implementation
 * with every state compared, and each anti-pattern model's counterexample
 * (found by the embedded model checker) replayed on its implementation
 * variant, which must reach the very same states.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/check/model.js';
import { bfs } from '../../../src/check/search/index.js';
import { loadModel } from '../../../src/cli/check-load.js';
import { checkSpecProperty, type ReplayStep, replay } from '../../../src/mbt/index.js';
import { CORRECT_MODEL, idempotencyBinding, type ModelConstants } from './binding.js';

const specsDir = fileURLToPath(new URL('../../../specs/', import.meta.url));
const spec = specsDir + 'IdempotencyStore.tla';

function load(config: string): Model {
  const loaded = loadModel(spec, specsDir + config);
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.model;
}

/** The binding-relevant constants of a cfg file. */
function constantsOf(config: string): ModelConstants & { variant: string } {
  const text = readFileSync(specsDir + config, 'utf8');
  const get = (name: string) => new RegExp(`^\\s+${name} = (.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const set = (name: string) => [...get(name).matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  return {
    variant: get('Variant').replaceAll('"', ''),
    users: set('Users'),
    keys: set('Keys'),
    steps: Number(get('Steps')),
    lockTTL: Number(get('LockTTL')),
    retention: Number(get('Retention')),
  };
}

function counterexample(model: Model): ReplayStep[] {
  const result = bfs(model);
  if (result.trace === null) throw new Error(`no counterexample: ${result.result}`);
  return result.trace.map((step, i) => ({
    ...(i === 0 ? {} : { action: { name: step.action.name, params: step.action.params } }),
    values: Object.fromEntries(step.state),
  }));
}

const models = (
  JSON.parse(readFileSync(specsDir + 'models.json', 'utf8')) as {
    models: { name: string; config: string; antipattern?: number }[];
  }
).models.filter((m) => m.antipattern !== undefined && m.name.startsWith('idempotency-'));

/**
 * Counterexamples the correct implementation also follows: NoRecovery breaks
 * an invariant about what a retry would decide, not the observed variables;
 * ShortRetention is a configuration mistake (the same code with too short a
 * retention); ServerKeys records live under other keys, so the shapes differ
 * from the first state on.
 */
const SAME_ON_CORRECT = new Set(['NoRecovery', 'ShortRetention', 'ServerKeys']);

describe('the SQLite implementation follows specs/IdempotencyStore.tla', () => {
  it('the binding uses the constants of the correct model', () => {
    const { variant, ...constants } = constantsOf('IdempotencyStore.cfg');
    expect(variant).toBe('Correct');
    expect(constants).toEqual(CORRECT_MODEL);
  });

  it('random behaviours of the correct model: every state of the implementation matches', async () => {
    const result = await checkSpecProperty(load('IdempotencyStore.cfg'), idempotencyBinding(CORRECT_MODEL), {
      numRuns: 200,
      seed: 20261123,
      maxCommands: 20,
    });
    if (!result.ok) throw new Error(result.message);
  });

  for (const entry of models) {
    const constants = constantsOf(entry.config);
    it(`anti-pattern ${entry.antipattern} (${constants.variant}): the variant reproduces the counterexample state by state`, async () => {
      const steps = counterexample(load(entry.config));
      const onVariant = await replay(steps, idempotencyBinding(constants, constants.variant));
      if (!onVariant.ok) throw new Error(onVariant.failure?.message);
      expect(onVariant.stepsChecked).toBe(steps.length);
      if (!SAME_ON_CORRECT.has(constants.variant)) {
        // The correct implementation, driven by the same steps, parts from the counterexample.
        const onCorrect = await replay(steps, idempotencyBinding(constants, 'Correct'));
        expect(onCorrect.ok).toBe(false);
        expect(onCorrect.failure?.step).toBeGreaterThan(1);
      }
    });
  }
});
