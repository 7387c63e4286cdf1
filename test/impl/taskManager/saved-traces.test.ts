/**
 * The saved counterexamples (traces/taskManager/, written by
 * `tlaw check specs/ --save-traces`) as regression tests against the
 * running HTTP API: each replays state by state on its bug's implementation
 * variant, which then shows the violation in its own terms, and the correct
 * implementation parts from it at a stated step.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVariant, type Variant } from '../../../src/impl/taskManager/index.js';
import { readTraceFile, replay, type TraceFile, traceMismatch } from '../../../src/mbt/index.js';
import { listTraceFiles, traceTests } from '../../../src/mbt/vitest.js';
import { type TaskApiSut, taskApiBinding } from './binding.js';
import { BUG_MODELS, loadTaskModel, type ModelEntry, TRACES_DIR } from './models.js';
import { VIOLATION_SEEN } from './violations.js';

const REGENERATE = 'npx tsx src/cli.ts check specs/ --save-traces   (or: tlaw check specs/ --save-traces)';

const traceFileName = (m: ModelEntry) => `${m.name}-${m.expect.violated}.itf.json`;

function entryFor(file: string): ModelEntry {
  const entry = BUG_MODELS.find((m) => traceFileName(m) === basename(file));
  if (!entry) throw new Error(`${file} is the counterexample of no bug model in specs/models.json`);
  return entry;
}

function bugOf(file: string): Variant {
  const bug = entryFor(file).bug!;
  if (!isVariant(bug)) throw new Error(`${bug} is not an implementation variant`);
  return bug;
}

const stale = (trace: TraceFile, file: string) =>
  traceMismatch(trace.trace, loadTaskModel(entryFor(file).config));

/** Where the correct API parts from each counterexample, and why. */
const ON_CORRECT: Record<Variant, { divergesAt: number; why: string } | undefined> = {
  Correct: undefined,
  IdReuse: { divergesAt: 6, why: "bob's new task gets id 2: deleted ids are never handed out again" },
  NoVersionCheck: { divergesAt: 5, why: 'the write based on version 1 gets 412: the task is at version 2' },
  NoCycleCheck: { divergesAt: 6, why: 'the second dependency would close a cycle: 409' },
  BulkBypass: { divergesAt: 4, why: 'pending cannot move to completed: 409, nothing changes' },
  ReopenFinal: { divergesAt: 5, why: 'a cancelled task is final: 409' },
  DanglingDependency: { divergesAt: 6, why: 'deleting task 2 drops it from task 1, which resumes (pending)' },
  NoRelease: { divergesAt: 10, why: 'cancelling task 1 drops it from task 2, which resumes (pending)' },
};

const common = { stale, regenerate: REGENERATE, timeout: 20_000 };

describe('saved counterexamples reproduce on their implementation variant', () => {
  traceTests(TRACES_DIR, (_trace, file) => taskApiBinding(bugOf(file)), { ...common, expect: 'pass' });
});

describe('saved counterexamples on the correct implementation', () => {
  traceTests(TRACES_DIR, taskApiBinding('Correct'), {
    ...common,
    expect: (_trace, file) => ({ outcome: 'diverge', divergesAt: ON_CORRECT[bugOf(file)]!.divergesAt }),
  });
});

describe('saved counterexamples: coverage and teeth', () => {
  it('every bug model has its saved counterexample, and nothing else is saved', () => {
    const saved = listTraceFiles(TRACES_DIR).map((f) => basename(f));
    expect(saved.sort()).toEqual(BUG_MODELS.map(traceFileName).sort());
    expect(BUG_MODELS.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of listTraceFiles(TRACES_DIR)) {
    it(`${basename(file)}: the variant shows the violation through the API`, async () => {
      const read = readTraceFile(file).value!;
      const bug = bugOf(file);
      let seen: string | undefined;
      const binding = taskApiBinding(bug);
      const result = await replay(read.trace, {
        ...binding,
        async dispose(sut: TaskApiSut) {
          seen = await VIOLATION_SEEN[bug]!(sut);
          await binding.dispose!(sut);
        },
      });
      expect(result.ok).toBe(true);
      expect(seen, `${read.trace.property} should be visibly broken on ${bug}`).toBeDefined();
    });
  }
});
