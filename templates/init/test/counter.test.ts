/**
 * Spec-driven tests of src/counter.ts:
 * - every trace saved under traces/counter (for instance a counterexample that
 *   `npx tlaw ci` found and saved) is replayed against the implementation;
 * - fast-check walks random behaviours of the spec and checks that the
 *   implementation follows each step.
 */
import { checkSpecProperty, formatDiagnostic, loadModel } from 'tla-workbench';
import { traceTests } from 'tla-workbench/vitest';
import { describe, expect, it } from 'vitest';
import binding from './counter.binding.js';

// One test per saved trace (none until a counterexample is saved there).
traceTests('traces/counter', binding, { allowEmpty: true });

describe('the implementation follows the spec', () => {
  it('on random behaviours of specs/Counter.tla', async () => {
    const loaded = loadModel('specs/Counter.tla', 'specs/Counter.cfg');
    if (!loaded.model) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
    const result = await checkSpecProperty(loaded.model, binding, { numRuns: 50 });
    expect(result.ok).toBe(true);
  });
});
