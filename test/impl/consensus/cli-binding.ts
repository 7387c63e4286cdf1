/**
 * The consensus bindings as a module for the command line:
 *
 *   CONSENSUS_MODEL=consensus-raft-half-quorum \
 *     tlaw replay traces/consensus/consensus-raft-half-quorum-ElectionSafety.itf.json \
 *     --binding test/impl/consensus/cli-binding.ts
 *
 * CONSENSUS_MODEL names a consensus model of specs/models.json (default:
 * consensus-om1-three-generals); its spec chooses the binding and its
 * constants shape the observed state. For Raft, RAFT_IMPL chooses the
 * implementation ("Correct", "DoubleVote" or "HalfQuorum"; default: the
 * model's Variant).
 */
import type { RaftVariant } from '../../../src/impl/consensus/raft/index.js';
import { byzantineBinding, omConstantsOf } from './byzantine-binding.js';
import { modelEntry } from './models.js';
import { raftBinding, raftConstantsOf } from './raft-binding.js';

const entry = modelEntry(process.env.CONSENSUS_MODEL ?? 'consensus-om1-three-generals');

function chosen() {
  if (entry.spec === 'ByzantineGenerals.tla') return byzantineBinding(omConstantsOf(entry.config));
  const constants = raftConstantsOf(entry.config);
  return raftBinding(constants, (process.env.RAFT_IMPL as RaftVariant | undefined) ?? constants.variant);
}

export default chosen();
