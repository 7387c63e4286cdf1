/**
 * The saved consensus counterexamples (traces/consensus/, written by
 * `tlaw check specs/ --save-traces`) as regression tests.
 *
 * - OM(m) below its bound: the counterexample is the algorithm's, not a bug
 *   of the code, so the implementation replays it state by state, and its
 *   own decisions then show the violation.
 * - Raft: each bug's counterexample replays on that bug's implementation
 *   variant, which then has two leaders in one term, and the correct
 *   implementation parts from it at the stated step.
 *
 * A trace the current spec no longer produces fails with the command that
 * regenerates the traces.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Binding,
  readTraceFile,
  replay,
  type TraceFile,
  traceMismatch,
} from '../../../src/mbt/index.js';
import { listTraceFiles, traceTests } from '../../../src/mbt/vitest.js';
import { type ArmyUnderTest, byzantineBinding, omConstantsOf } from './byzantine-binding.js';
import {
  CONSENSUS_MODELS,
  loadConsensusModel,
  type ModelEntry,
  REGENERATE,
  TRACES_DIR,
  traceFileName,
} from './models.js';
import { raftBinding, raftConstantsOf } from './raft-binding.js';

const REFUTED = CONSENSUS_MODELS.filter((m) => m.expect.result !== 'ok');

function entryFor(file: string): ModelEntry {
  const entry = REFUTED.find((m) => traceFileName(m) === basename(file));
  if (!entry)
    throw new Error(`${file} is the counterexample of no consensus model: delete it, then run ${REGENERATE}`);
  return entry;
}

const stale = (trace: TraceFile, file: string) => {
  const entry = entryFor(file);
  return traceMismatch(trace.trace, loadConsensusModel(entry.spec, entry.config));
};

/** Where the correct Raft implementation parts from each bug's counterexample, and why. */
const RAFT_ON_CORRECT: Record<string, { divergesAt: number; why: string }> = {
  'consensus-raft-double-vote': {
    divergesAt: 4,
    why: 's1, a candidate that voted for itself, refuses s2 its vote in the same term',
  },
  'consensus-raft-half-quorum': {
    divergesAt: 5,
    why: 'two votes of four are no quorum: s1 stays a candidate',
  },
};

function bindingFor(file: string, implementation?: 'Correct'): Binding<unknown> {
  const entry = entryFor(file);
  if (entry.spec === 'ByzantineGenerals.tla') {
    return byzantineBinding(omConstantsOf(entry.config)) as Binding<unknown>;
  }
  const constants = raftConstantsOf(entry.config);
  return raftBinding(constants, implementation ?? constants.variant) as Binding<unknown>;
}

describe('saved counterexamples on the implementation they describe', () => {
  traceTests(TRACES_DIR, (_trace, file) => bindingFor(file), {
    stale,
    regenerate: REGENERATE,
    timeout: 60_000,
  });
});

describe('saved Raft counterexamples on the correct implementation', () => {
  const raftTraces = listTraceFiles(TRACES_DIR).filter((f) => entryFor(f).spec === 'RaftElection.tla');
  traceTests(TRACES_DIR, (_trace, file) => bindingFor(file, 'Correct'), {
    expect: (_trace, file) => {
      const expected = RAFT_ON_CORRECT[entryFor(file).name];
      return expected ? { outcome: 'diverge', divergesAt: expected.divergesAt } : undefined;
    },
    allowEmpty: true,
  });
  it('every Raft counterexample has a stated divergence on the correct implementation', () => {
    expect(raftTraces.map((f) => entryFor(f).name).sort()).toEqual(Object.keys(RAFT_ON_CORRECT).sort());
  });
});

describe('after replaying, the violation is visible in the implementation', () => {
  it('OM(1) with three generals: the loyal lieutenant disobeys the loyal commander', async () => {
    const entry = REFUTED.find((m) => m.name === 'consensus-om1-three-generals')!;
    const read = readTraceFile(TRACES_DIR + traceFileName(entry)).value!;
    let army: ArmyUnderTest | undefined;
    const binding = byzantineBinding(omConstantsOf(entry.config));
    const result = await replay(read.trace, {
      ...binding,
      dispose: (sut) => {
        army = sut;
      },
    });
    expect(result.ok).toBe(true);
    expect(army?.army.general(1).order).toBe('attack');
    expect(army?.army.general(2).decision).toBe('retreat');
  });

  for (const name of Object.keys(RAFT_ON_CORRECT)) {
    it(`${name}: two servers lead the same term`, async () => {
      const entry = REFUTED.find((m) => m.name === name)!;
      const read = readTraceFile(TRACES_DIR + traceFileName(entry)).value!;
      const constants = raftConstantsOf(entry.config);
      const binding = raftBinding(constants);
      let splitBrain: number[] = [];
      const result = await replay(read.trace, {
        ...binding,
        dispose: (cluster) => {
          splitBrain = cluster.splitBrainTerms();
          cluster.stop();
        },
      });
      expect(result.ok).toBe(true);
      expect(splitBrain).toEqual([1]);
    });
  }
});
