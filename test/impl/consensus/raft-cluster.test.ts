/**
 * Raft clusters on the simulated network: partitions, loss, duplicates and
 * reordering from seeded random runs. The correct nodes never elect two
 * leaders in a term; each bug variant does, in the cluster size where it
 * shows. Directed scenarios show what a partition does to an election.
 */
import { describe, expect, it } from 'vitest';
import { RaftCluster, type RaftVariant, runRandomly } from '../../../src/impl/consensus/raft/index.js';

const CHAOS = { steps: 300, duplicate: 0.2, drop: 0.1, partition: 0.03 };
const THREE = ['s1', 's2', 's3'];
const FOUR = ['s1', 's2', 's3', 's4'];

function splitBrainRuns(ids: string[], variant: RaftVariant, runs: number): number {
  let count = 0;
  for (let seed = 1; seed <= runs; seed++) {
    if (runRandomly({ ids, variant }, { ...CHAOS, seed }).splitBrainTerms().length > 0) count++;
  }
  return count;
}

describe('random runs with partitions, loss, duplicates and reordering', () => {
  it('correct nodes: leaders are elected, never two in a term (three and four servers, 60 runs each)', () => {
    expect(splitBrainRuns(THREE, 'Correct', 60)).toBe(0);
    expect(splitBrainRuns(FOUR, 'Correct', 60)).toBe(0);
    const elected = runRandomly({ ids: THREE }, { ...CHAOS, seed: 7 }).leadersByTerm;
    expect(elected.size).toBeGreaterThan(0);
  });

  it('DoubleVote nodes elect two leaders in one term', () => {
    expect(splitBrainRuns(THREE, 'DoubleVote', 60)).toBeGreaterThan(0);
  });

  it('HalfQuorum nodes split the brain with four servers only: with three, >= N/2 is still a majority', () => {
    expect(splitBrainRuns(FOUR, 'HalfQuorum', 60)).toBeGreaterThan(0);
    expect(splitBrainRuns(THREE, 'HalfQuorum', 60)).toBe(0);
  });
});

/** Delivers every message in flight, oldest first, until none is left. */
function settle(cluster: RaftCluster): void {
  for (let m = cluster.network.messages(); m.length > 0; m = cluster.network.messages()) {
    cluster.network.deliver(m[0]!);
  }
}

describe('partitions', () => {
  it('a server cut off alone times out again and again but never leads; the majority side elects', () => {
    const cluster = new RaftCluster({ ids: THREE });
    cluster.network.partition([['s1'], ['s2', 's3']]);
    for (let i = 0; i < 3; i++) {
      cluster.node('s1').electionTimeout();
      settle(cluster);
    }
    expect(cluster.node('s1').view()).toMatchObject({ role: 'candidate', term: 3 });
    cluster.node('s2').electionTimeout();
    settle(cluster);
    expect(cluster.node('s2').view()).toMatchObject({ role: 'leader', term: 1 });
    expect(cluster.network.lostToPartition).toBeGreaterThan(0);
    cluster.stop();
  });

  it('after healing, the old leader steps down before the higher term of the isolated server', () => {
    const cluster = new RaftCluster({ ids: THREE });
    cluster.node('s2').electionTimeout();
    settle(cluster);
    expect(cluster.node('s2').view().role).toBe('leader');
    cluster.network.partition([['s1'], ['s2', 's3']]);
    cluster.node('s1').electionTimeout();
    cluster.node('s1').electionTimeout();
    settle(cluster);
    cluster.network.heal();
    cluster.node('s1').electionTimeout(); // term 4, heard by all now
    settle(cluster);
    const views = cluster.views();
    expect(views.get('s2')).toMatchObject({ role: 'follower', term: 4 });
    expect(views.get('s1')).toMatchObject({ role: 'leader', term: 4 });
    cluster.stop();
  });

  it('a duplicated vote is counted once: one vote of two peers is no majority twice over', () => {
    const cluster = new RaftCluster({ ids: FOUR });
    cluster.node('s1').electionTimeout();
    const toS2 = cluster.network.messages().find((m) => m.dst === 's2')!;
    cluster.network.deliver(toS2);
    const vote = cluster.network.messages().find((m) => m.type === 'Vote')!;
    cluster.network.deliver(vote, { keep: true });
    cluster.network.deliver(vote);
    expect(cluster.node('s1').view()).toMatchObject({ role: 'candidate', votes: ['s1', 's2'] });
    cluster.stop();
  });
});
