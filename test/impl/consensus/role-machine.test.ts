/**
 * The Raft role machine's own paths (xstate/graph): every shortest path to
 * every reachable snapshot of one server, under sample events (its timers,
 * vote requests, votes and heartbeats from its peers in the current and the
 * next term), is checked for the server-local rules of Raft's election, and
 * replayed on a real node, whose timers run on its simulated clock.
 */
import { describe, expect, it } from 'vitest';
import type { EventObject, SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  type RaftMessage,
  RaftNode,
  type RaftVariant,
  type RoleContext,
  type RoleEvent,
  raftRoleMachine,
} from '../../../src/impl/consensus/raft/index.js';

type Snapshot = SnapshotFrom<typeof raftRoleMachine>;

/** The delayed events of xstate's `after` transitions, by state. */
const TIMER: Record<string, string> = {
  follower: 'xstate.after.electionTimeout.raft.follower',
  candidate: 'xstate.after.electionTimeout.raft.candidate',
  leader: 'xstate.after.heartbeatInterval.raft.leader',
};

const MAX_TERM = 2;

/** What one server may experience next: its timer, and a message from a peer in its term or the next. */
function eventsFor(snapshot: Snapshot): RoleEvent[] {
  const { term, peers } = snapshot.context;
  const events: (RoleEvent | EventObject)[] = [{ type: TIMER[snapshot.value as string]! }];
  for (const t of [term, term + 1].filter((x) => x <= MAX_TERM)) {
    for (const src of peers) {
      const dst = snapshot.context.id;
      events.push({
        type: 'REQUEST_VOTE',
        message: { type: 'RequestVote', term: t, src, dst, lastLogTerm: 0, lastLogIndex: 0 },
      });
      events.push({ type: 'VOTE', message: { type: 'Vote', term: t, src, dst, voteGranted: true } });
      events.push({ type: 'HEARTBEAT', message: { type: 'Heartbeat', term: t, src, dst } });
    }
  }
  if (snapshot.value === 'leader' && snapshot.context.log.length === 0)
    events.push({ type: 'CLIENT_REQUEST' });
  return events as RoleEvent[];
}

function pathsOf(variant: RaftVariant, peers: string[]) {
  return getShortestPaths(raftRoleMachine, {
    input: { id: 's1', peers, variant, electionTimeoutMs: 150, heartbeatIntervalMs: 50 },
    events: eventsFor,
    stopWhen: (s) => s.context.term >= MAX_TERM && s.value === 'leader',
    filterEvents: (s) => s.context.term <= MAX_TERM,
    serializeState: (s) =>
      JSON.stringify([s.value, s.context.term, s.context.votedFor, s.context.votes, s.context.log]),
  });
}

/** The server-local election rules a step of one server must keep; returns the first one broken. */
function brokenRule(before: RoleContext, after: RoleContext, role: string): string | undefined {
  if (after.term < before.term) return 'its term went back';
  if (after.term === before.term && before.votedFor !== null && after.votedFor !== before.votedFor) {
    return `it voted for ${before.votedFor} and then ${after.votedFor} in term ${after.term}`;
  }
  if (role === 'candidate' && after.votedFor !== after.id) return 'a candidate that did not vote for itself';
  if (role === 'leader' && 2 * after.votes.length <= after.peers.length + 1)
    return 'a leader without a majority';
  return undefined;
}

function firstBroken(variant: RaftVariant, peers: string[]): string | undefined {
  for (const path of pathsOf(variant, peers)) {
    let before = path.steps[0]!.state.context;
    for (const step of path.steps.slice(1)) {
      const broken = brokenRule(before, step.state.context, step.state.value as string);
      if (broken) return `${broken} (after ${path.steps.map((s) => s.event.type).join(' → ')})`;
      before = step.state.context;
    }
  }
  return undefined;
}

describe('the role machine, path by path', () => {
  const paths = pathsOf('Correct', ['s2', 's3']);

  it('reaches every role, and terms up to the bound', () => {
    const reached = new Set(paths.map((p) => `${p.state.value} ${p.state.context.term}`));
    for (const role of ['follower', 'candidate', 'leader']) expect(reached).toContain(`${role} ${MAX_TERM}`);
    expect(paths.length).toBeGreaterThan(20);
  });

  it('the correct rules: terms never go back, one vote per term, leaders hold a majority', () => {
    expect(firstBroken('Correct', ['s2', 's3'])).toBeUndefined();
    expect(firstBroken('Correct', ['s2', 's3', 's4'])).toBeUndefined();
  });

  it('the DoubleVote variant votes twice in a term on some path', () => {
    expect(firstBroken('DoubleVote', ['s2', 's3'])).toMatch(/voted for .* and then .* in term/);
  });

  it('the HalfQuorum variant leads without a majority with four servers, not with three', () => {
    expect(firstBroken('HalfQuorum', ['s2', 's3', 's4'])).toMatch(/a leader without a majority/);
    expect(firstBroken('HalfQuorum', ['s2', 's3'])).toBeUndefined();
  });

  it('every path replays on a node driven by its simulated clock, to the same role and context', () => {
    for (const path of paths) {
      const sent: unknown[] = [];
      const node = new RaftNode({ id: 's1', peers: ['s2', 's3'], send: (m) => sent.push(m) });
      for (const { event } of path.steps.slice(1)) {
        if (event.type === TIMER.leader) node.heartbeatTimeout();
        else if (event.type.startsWith('xstate.after.')) node.electionTimeout();
        else if (event.type === 'CLIENT_REQUEST') node.clientRequest();
        else node.receive((event as Extract<RoleEvent, { message: unknown }>).message);
      }
      const { context, value } = path.state;
      expect(node.view(), path.steps.map((s) => s.event.type).join(' → ')).toEqual({
        role: value,
        term: context.term,
        votedFor: context.votedFor,
        votes: context.votes,
        log: context.log,
      });
      node.stop();
    }
  });
});

describe('the up-to-date log rule', () => {
  it('a server with an entry of term 1 refuses a newer candidate with an empty log, and grants one whose log ends in term 1', () => {
    const sent: RaftMessage[] = [];
    const node = new RaftNode({ id: 's1', peers: ['s2', 's3'], send: (m) => sent.push(m) });
    node.electionTimeout();
    node.receive({ type: 'Vote', term: 1, src: 's2', dst: 's1', voteGranted: true });
    node.clientRequest();
    expect(node.view()).toMatchObject({ role: 'leader', log: [1] });
    const ask = (src: string, term: number, lastLogTerm: number, lastLogIndex: number) => {
      node.receive({ type: 'RequestVote', term, src, dst: 's1', lastLogTerm, lastLogIndex });
      return sent.at(-1);
    };
    expect(ask('s2', 2, 0, 0)).toMatchObject({ type: 'Vote', term: 2, voteGranted: false });
    expect(node.view()).toMatchObject({ role: 'follower', term: 2, votedFor: null });
    expect(ask('s3', 2, 1, 1)).toMatchObject({ type: 'Vote', term: 2, voteGranted: true });
    expect(node.view().votedFor).toBe('s3');
    node.stop();
  });
});
