/**
 * The implementation against the spec, through the binding (binding.ts),
 * with fast-check and the spec as the model: random behaviours of the
 * correct model run on the SQLite implementation with every state compared,
 * and the same property, driving each anti-pattern implementation variant,
 * fails with a short shrunk behaviour. (The model checker's counterexamples,
 * saved under traces/idempotency/, are replayed in saved-traces.test.ts.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpecProperty, replay, saveTrace, traceMismatch } from '../../../src/mbt/index.js';
import { replayTraceFile } from '../../../src/mbt/vitest.js';
import { CORRECT_MODEL, idempotencyBinding, VARIANTS } from './binding.js';
import { constantsOf, loadIdempotencyModel } from './models.js';

const RUNS = { numRuns: 200, seed: 20261123, maxCommands: 20 };

/** Longest shrunk behaviour accepted, in states (the initial state counts). */
const SHRUNK_MAX_STATES = 6;

/**
 * The correct model each variant is driven by: the correct model, except
 * for the workflow anti-pattern, which only shows with two steps per
 * request (the correct workflow model, idempotency/Workflow.cfg).
 */
const DRIVING_CONFIG: Record<string, string> = { NoWorkflowCorrelation: 'idempotency/Workflow.cfg' };

/**
 * Variants the correct spec's actions cannot tell from the correct
 * implementation. ShortRetention is the correct code configured with a
 * retention shorter than the retry window; driven by a correct model, the
 * binding gives it that model's retention, and the spec's Expire (the only
 * action that runs cleanup) is never enabled within the retry window
 * (Retention 2 > RetryWindow 1), so no behaviour of the correct spec
 * reaches the difference. Its counterexample replays in saved-traces.test.ts.
 */
const UNREACHABLE = new Set(['ShortRetention']);

describe('the SQLite implementation follows specs/IdempotencyStore.tla', () => {
  it('the binding uses the constants of the correct model', () => {
    const { variant, ...constants } = constantsOf('IdempotencyStore.cfg');
    expect(variant).toBe('Correct');
    expect(constants).toEqual(CORRECT_MODEL);
  });

  it('random behaviours of the correct model: every state of the implementation matches', async () => {
    const result = await checkSpecProperty(
      loadIdempotencyModel('IdempotencyStore.cfg'),
      idempotencyBinding(CORRECT_MODEL),
      RUNS,
    );
    if (!result.ok) throw new Error(result.message);
  });
});

describe('fast-check over the correct spec fails on the anti-pattern variants', () => {
  const variants = Object.keys(VARIANTS).filter((v) => v !== 'Correct');

  for (const variant of variants.filter((v) => !UNREACHABLE.has(v))) {
    it(`${variant}: fails with a shrunk behaviour of at most ${SHRUNK_MAX_STATES} states that replays as a regression test`, async () => {
      const config = DRIVING_CONFIG[variant] ?? 'IdempotencyStore.cfg';
      const { variant: correct, ...constants } = constantsOf(config);
      expect(correct).toBe('Correct');
      const model = loadIdempotencyModel(config);
      const result = await checkSpecProperty(model, idempotencyBinding(constants, variant), RUNS);
      if (result.ok) throw new Error(`${variant} passed ${result.numRuns} runs of the correct spec`);
      expect(result.message).toMatch(/differs from the spec|threw in the implementation/);
      expect(result.steps.length).toBeGreaterThan(1);
      expect(result.steps.length).toBeLessThanOrEqual(SHRUNK_MAX_STATES);
      // The shrunk behaviour is one of the correct spec's, followed by the correct implementation...
      expect(traceMismatch(result.trace, model)).toBeUndefined();
      expect((await replay(result.trace, idempotencyBinding(constants, 'Correct'))).ok).toBe(true);
      // ...and, saved (into a temporary folder), it is a regression test the variant fails at its last state.
      const file = join(mkdtempSync(join(tmpdir(), 'idem-shrunk-')), `${variant}.itf.json`);
      saveTrace(result.trace, file, { expect: 'diverge', divergesAt: result.steps.length });
      await replayTraceFile(file, idempotencyBinding(constants, variant));
    });
  }

  it('the variants the correct spec cannot reach pass it', async () => {
    for (const variant of UNREACHABLE) {
      const result = await checkSpecProperty(
        loadIdempotencyModel('IdempotencyStore.cfg'),
        idempotencyBinding(CORRECT_MODEL, variant),
        { ...RUNS, numRuns: 50 },
      );
      expect(result.ok, variant).toBe(true);
    }
  });
});
