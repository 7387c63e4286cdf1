/**
 * The saved counterexamples (traces/idempotency/, written by
 * `tlaw check specs/ --save-traces`) as regression tests: each replays state
 * by state on its anti-pattern's implementation variant, which must
 * reproduce the failure, and on the correct implementation, which must part
 * from it (with two explained exceptions). A trace the current spec no
 * longer produces fails with the command that regenerates the traces.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  readTraceFile,
  replay,
  type TraceFile,
  type TraceOutcome,
  traceMismatch,
} from '../../../src/mbt/index.js';
import { listTraceFiles, replayTraceFile, traceTests } from '../../../src/mbt/vitest.js';
import { idempotencyBinding } from './binding.js';
import { ANTIPATTERN_MODELS, constantsOf, loadIdempotencyModel, type ModelEntry } from './models.js';
import { observingEnd, violationSeen } from './violations.js';

const TRACES = fileURLToPath(new URL('../../../traces/idempotency/', import.meta.url));
const REGENERATE = 'npx tsx src/cli.ts check specs/ --save-traces   (or: tlaw check specs/ --save-traces)';

/** The file `tlaw check specs/ --save-traces` writes for a refuted model. */
const traceFileName = (m: ModelEntry) => `${m.name}-${m.expect.violated}.itf.json`;

function entryFor(file: string): ModelEntry {
  const entry = ANTIPATTERN_MODELS.find((m) => traceFileName(m) === basename(file));
  if (!entry) {
    throw new Error(
      `${file} is the counterexample of no anti-pattern model in specs/models.json: delete it, then regenerate with: ${REGENERATE}`,
    );
  }
  return entry;
}

/** Why a saved trace is stale: it no longer follows the spec with its model's config. */
function stale(trace: TraceFile, file: string): string | undefined {
  return traceMismatch(trace.trace, loadIdempotencyModel(entryFor(file).config));
}

/**
 * The correct implementation on each anti-pattern's counterexample: the
 * state where it parts from the trace, and why. Two counterexamples it
 * follows to the end, for the reason given.
 */
const ON_CORRECT: Record<string, { outcome: TraceOutcome; divergesAt?: number; why: string }> = {
  ServerKeys: {
    outcome: 'diverge',
    divergesAt: 4,
    why: 'the second intent (key k2) runs its own handler instead of receiving the first intent’s response',
  },
  CheckThenAct: { outcome: 'diverge', divergesAt: 2, why: 'acquisition writes the pending record at once' },
  NoInProgress: {
    outcome: 'diverge',
    divergesAt: 2,
    why: 'acquisition writes a pending (in-progress) record',
  },
  OptionalKeys: {
    outcome: 'diverge',
    divergesAt: 5,
    why: 'the keyless retry is refused with 400, so there is no handler to finish',
  },
  FailuresNotCached: { outcome: 'diverge', divergesAt: 3, why: 'the 400 is cached (failed-permanent)' },
  StaleReads: {
    outcome: 'diverge',
    divergesAt: 3,
    why: 'the second worker reads the live lock and gets 409: the record keeps the first token',
  },
  NoRecovery: {
    outcome: 'pass',
    why:
      'the trace ends with an orphaned pending record whose lock expired, which the correct store has too: ' +
      'the violation is what a retry would get next (409 forever on the variant, a takeover on the correct store; ' +
      'the test below sends that retry)',
  },
  NoFingerprint: { outcome: 'diverge', divergesAt: 4, why: 'another payload under the same key gets 422' },
  AmbiguousStoreFailure: { outcome: 'diverge', divergesAt: 2, why: 'a store failure is answered 503' },
  SeparateTransactions: {
    outcome: 'diverge',
    divergesAt: 3,
    why: 'effect and record commit in one transaction, so the record is completed with the effect',
  },
  ShortRetention: {
    outcome: 'pass',
    why:
      'a configuration mistake, not a code path: the correct code given the model’s too-short retention ' +
      'does the same (the correct model keeps records longer than the retry window)',
  },
  NoWorkflowCorrelation: {
    outcome: 'diverge',
    divergesAt: 5,
    why: 'the retry resumes after the committed step 1 (progress 1) instead of restarting',
  },
  NoFencing: {
    outcome: 'diverge',
    divergesAt: 5,
    why: 'the slow worker’s commit is refused: its fencing token was replaced',
  },
};

/**
 * The implementation held to the counterexamples: the correct one. Setting
 * IDEM_IMPL to an anti-pattern variant (e.g. NoFencing) shows these
 * regression tests failing on the bug they guard against.
 */
const UNDER_TEST = process.env.IDEM_IMPL ?? 'Correct';

function variantOf(file: string): string {
  return constantsOf(entryFor(file).config).variant;
}

function variantBinding(_trace: TraceFile, file: string) {
  const { variant, ...constants } = constantsOf(entryFor(file).config);
  return idempotencyBinding(constants, variant);
}

/**
 * The correct implementation with the trace's model constants. ServerKeys
 * traces hold records per (user, payload), a table the correct store does
 * not have: there it is compared on effects and responses only.
 */
function correctBinding(_trace: TraceFile, file: string) {
  const { variant, ...constants } = constantsOf(entryFor(file).config);
  const binding = idempotencyBinding(constants, UNDER_TEST);
  if (variant !== 'ServerKeys') return binding;
  return {
    ...binding,
    async observe(sut: Parameters<typeof binding.observe>[0]) {
      const { records: _records, ...rest } = await binding.observe(sut);
      return rest;
    },
  };
}

const common = { stale, regenerate: REGENERATE, timeout: 20_000 };

describe('saved counterexamples reproduce on their implementation variant', () => {
  traceTests(TRACES, variantBinding, { ...common, expect: 'pass' });
});

describe(`saved counterexamples on the ${UNDER_TEST === 'Correct' ? 'correct' : UNDER_TEST} implementation`, () => {
  traceTests(TRACES, correctBinding, {
    ...common,
    expect: (_trace, file) => {
      const { outcome, divergesAt } = ON_CORRECT[variantOf(file)]!;
      return divergesAt === undefined ? { outcome } : { outcome, divergesAt };
    },
  });
});

describe('saved counterexamples: coverage and teeth', () => {
  it('every anti-pattern model has its saved counterexample, and nothing else is saved', () => {
    const saved = listTraceFiles(TRACES).map((f) => basename(f));
    const missing = ANTIPATTERN_MODELS.map(traceFileName).filter((name) => !saved.includes(name));
    expect(missing, `missing saved traces; regenerate with: ${REGENERATE}`).toEqual([]);
    expect(saved).toHaveLength(ANTIPATTERN_MODELS.length);
    expect(Object.keys(ON_CORRECT).sort()).toEqual(
      ANTIPATTERN_MODELS.map((m) => constantsOf(m.config).variant).sort(),
    );
  });

  for (const file of listTraceFiles(TRACES)) {
    it(`${basename(file)}: the variant's final state shows the violation`, async () => {
      const read = readTraceFile(file).value!;
      const invariant = read.trace.property!;
      expect(invariant).toBe(entryFor(file).expect.violated);
      const onVariant = observingEnd(variantBinding(read, file));
      expect((await replay(read.trace, onVariant.binding)).ok).toBe(true);
      const seen = violationSeen(invariant, onVariant.end()!);
      expect(seen, `${invariant} should be visibly broken on ${variantOf(file)}`).toBeDefined();
      if (variantOf(file) === 'NoRecovery') {
        // The correct implementation follows this trace, but there the same retry takes over.
        const onCorrect = observingEnd(correctBinding(read, file));
        expect((await replay(read.trace, onCorrect.binding)).ok).toBe(true);
        expect(violationSeen(invariant, onCorrect.end()!)).toBeUndefined();
        expect(onCorrect.end()!.retries.map((r) => r.result.kind)).toEqual(['running']);
      }
    });
  }

  it('a trace the spec no longer produces fails with the command that regenerates it', async () => {
    const file = listTraceFiles(TRACES).find((f) => basename(f).startsWith('idempotency-no-fencing-'))!;
    const read = readTraceFile(file).value!;
    // As if the spec had changed: the second worker's receive no longer leads to this state.
    const states = read.trace.states.map((s, i) =>
      i === 3 ? { ...s, values: { ...s.values, sent: 7 } } : s,
    );
    const why = traceMismatch({ ...read.trace, states }, loadIdempotencyModel(entryFor(file).config));
    expect(why).toMatch(
      /^state 4 \(Receive\(w = "w2", u = "alice", k = "k1", p = "p1"\)\) is not a successor of state 3/,
    );
    await expect(
      replayTraceFile(file, variantBinding, 'pass', { stale: () => why, regenerate: REGENERATE }),
    ).rejects.toThrow(
      /no longer follows its spec: state 4 .*\nRegenerate the saved traces with: npx tsx src\/cli\.ts check specs\/ --save-traces/,
    );
  });
});
