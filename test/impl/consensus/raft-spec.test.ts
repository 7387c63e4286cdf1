/**
 * The Raft implementation against specs/RaftElection.tla through the binding
 * (raft-binding.ts): fast-check with the spec as the model, every state
 * compared (roles, terms, votes, logs and the messages in flight); the same
 * property failing, shrunk, on each bug variant; and xstate paths covering
 * every role transition of the spec, replayed on the implementation.
 */
import { describe, expect, it } from 'vitest';
import { printValue, type Value } from '../../../src/check/value/index.js';
import { checkSpecProperty, replay, traceMismatch } from '../../../src/mbt/index.js';
import { xstateTests } from '../../../src/mbt/vitest-xstate.js';
import { loadConsensusModel, modelEntry } from './models.js';
import { raftBinding, raftConstantsOf } from './raft-binding.js';

const RUNS = { numRuns: 100, seed: 20261207, maxCommands: 25 };

/** Longest shrunk behaviour accepted, in states (the initial state counts). */
const SHRUNK_MAX_STATES = 7;

const CORRECT = modelEntry('consensus-raft-correct').config;

describe('fast-check with the spec as the model', () => {
  it('three servers: every state of the implementation matches the spec', async () => {
    const model = loadConsensusModel('RaftElection.tla', CORRECT);
    const result = await checkSpecProperty(model, raftBinding(raftConstantsOf(CORRECT)), RUNS);
    if (!result.ok) throw new Error(result.message);
  });

  for (const [variant, model] of [
    ['DoubleVote', 'consensus-raft-correct'],
    ['HalfQuorum', 'consensus-raft-half-quorum'],
  ] as const) {
    it(`the ${variant} implementation fails the correct spec with a shrunk behaviour of at most ${SHRUNK_MAX_STATES} states`, async () => {
      // HalfQuorum only shows with an even number of servers: the correct spec with the four servers of its model.
      const config = modelEntry(model).config;
      const constants = { ...raftConstantsOf(config), variant: 'Correct' as const };
      const spec = loadConsensusModel(
        'RaftElection.tla',
        config.replace('RaftHalfQuorum', 'RaftFourServers'),
      );
      const result = await checkSpecProperty(spec, raftBinding(constants, variant), RUNS);
      if (result.ok) throw new Error(`${variant} passed ${result.numRuns} runs of the correct spec`);
      expect(result.message).toMatch(/differs from the spec/);
      expect(result.steps.length).toBeLessThanOrEqual(SHRUNK_MAX_STATES);
      // The shrunk behaviour is the correct spec's, and the correct implementation follows it.
      expect(traceMismatch(result.trace, spec)).toBeUndefined();
      expect((await replay(result.trace, raftBinding(constants))).ok).toBe(true);
    });
  }
});

/** A spec state abstracted to the servers' roles and terms: `s1 candidate 1, s2 follower 0, …`. */
function rolesAndTerms(state: Record<string, Value>): string {
  const roles = printValue(state.role!);
  const terms = printValue(state.currentTerm!);
  return `${roles} ${terms}`;
}

describe('xstate paths covering every role transition of the spec replay on the implementation', () => {
  const model = loadConsensusModel('RaftElection.tla', CORRECT);
  xstateTests(model, raftBinding(raftConstantsOf(CORRECT)), {
    abstract: rolesAndTerms,
    edgeLabel: (action) => action.name,
    maxStates: 5_000,
  });
});
