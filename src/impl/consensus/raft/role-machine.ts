/**
 * A Raft server's role logic as an xstate machine: follower, candidate and
 * leader, with the election timer (followers and candidates) and the
 * heartbeat timer (leaders) as delayed transitions. The machine is pure: it
 * sends nothing itself but emits `send` events that the node hands to the
 * network, so xstate/graph can explore it and a simulated clock can drive it.
 */
import { assign, enqueueActions, setup } from 'xstate';
import { grantsVote, isQuorum, lastLogTerm } from './election-rules.js';
import type { Heartbeat, RaftMessage, RaftVariant, RequestVote, ServerId, Vote } from './types.js';

export interface RoleContext {
  id: ServerId;
  peers: ServerId[];
  variant: RaftVariant;
  electionTimeoutMs: number;
  heartbeatIntervalMs: number;
  term: number;
  votedFor: ServerId | null;
  /** Who granted this server its vote in its current candidacy (itself included). */
  votes: ServerId[];
  /** The terms of its log entries. */
  log: number[];
}

export type RoleInput = Pick<
  RoleContext,
  'id' | 'peers' | 'variant' | 'electionTimeoutMs' | 'heartbeatIntervalMs'
>;

export type RoleEvent =
  | { type: 'REQUEST_VOTE'; message: RequestVote }
  | { type: 'VOTE'; message: Vote }
  | { type: 'HEARTBEAT'; message: Heartbeat }
  | { type: 'CLIENT_REQUEST' };

export interface SendEmitted {
  type: 'send';
  message: RaftMessage;
}

const stepDown = (term: number) => ({ term, votedFor: null, votes: [] });

export const raftRoleMachine = setup({
  types: {
    context: {} as RoleContext,
    events: {} as RoleEvent,
    input: {} as RoleInput,
    emitted: {} as SendEmitted,
  },
  delays: {
    electionTimeout: ({ context }) => context.electionTimeoutMs,
    heartbeatInterval: ({ context }) => context.heartbeatIntervalMs,
  },
  guards: {
    newerTerm: ({ context, event }) => 'message' in event && event.message.term > context.term,
    leaderOfCurrentOrNewerTerm: ({ context, event }) =>
      event.type === 'HEARTBEAT' && event.message.term >= context.term,
    voteInCandidacy: ({ context, event }) =>
      event.type === 'VOTE' && event.message.term === context.term && event.message.voteGranted,
    winningVote: ({ context, event }) => {
      if (event.type !== 'VOTE' || event.message.term !== context.term || !event.message.voteGranted)
        return false;
      const votes = new Set([...context.votes, event.message.src]).size;
      return isQuorum(context.variant, votes, context.peers.length + 1);
    },
  },
  actions: {
    startElection: enqueueActions(({ context, enqueue }) => {
      const term = context.term + 1;
      enqueue.assign({ term, votedFor: context.id, votes: [context.id] });
      for (const dst of context.peers) {
        const message: RequestVote = {
          type: 'RequestVote',
          term,
          src: context.id,
          dst,
          lastLogTerm: lastLogTerm(context.log),
          lastLogIndex: context.log.length,
        };
        enqueue.emit({ type: 'send', message });
      }
    }),
    answerVote: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'REQUEST_VOTE') return;
      const request = event.message;
      const newer = request.term > context.term;
      const term = newer ? request.term : context.term;
      const voted = newer ? null : context.votedFor;
      const granted = grantsVote(context.variant, request, term, voted, context.log);
      enqueue.assign({
        term,
        votedFor: granted ? request.src : voted,
        ...(newer ? { votes: [] } : {}),
      });
      const vote: Vote = { type: 'Vote', term, src: context.id, dst: request.src, voteGranted: granted };
      enqueue.emit({ type: 'send', message: vote });
    }),
    adoptNewerTerm: assign(({ event }) => stepDown((event as { message: RaftMessage }).message.term)),
    followLeader: assign(({ context, event }) => {
      const term = (event as { message: Heartbeat }).message.term;
      return { term, votedFor: term > context.term ? null : context.votedFor, votes: [] };
    }),
    countVote: assign(({ context, event }) => ({
      votes: [...new Set([...context.votes, (event as { message: Vote }).message.src])],
    })),
    sendHeartbeats: enqueueActions(({ context, enqueue }) => {
      for (const dst of context.peers) {
        enqueue.emit({
          type: 'send',
          message: { type: 'Heartbeat', term: context.term, src: context.id, dst },
        });
      }
    }),
    appendEntry: assign(({ context }) => ({ log: [...context.log, context.term] })),
  },
}).createMachine({
  id: 'raft',
  context: ({ input }) => ({ ...input, term: 0, votedFor: null, votes: [], log: [] }),
  initial: 'follower',
  on: {
    REQUEST_VOTE: [
      { guard: 'newerTerm', target: '.follower', actions: 'answerVote' },
      { actions: 'answerVote' },
    ],
    VOTE: { guard: 'newerTerm', target: '.follower', actions: 'adoptNewerTerm' },
    HEARTBEAT: {
      guard: 'leaderOfCurrentOrNewerTerm',
      target: '.follower',
      reenter: true,
      actions: 'followLeader',
    },
  },
  states: {
    follower: {
      after: { electionTimeout: { target: 'candidate' } },
    },
    candidate: {
      entry: 'startElection',
      after: { electionTimeout: { target: 'candidate', reenter: true } },
      on: {
        VOTE: [
          { guard: 'newerTerm', target: 'follower', actions: 'adoptNewerTerm' },
          { guard: 'winningVote', target: 'leader', actions: 'countVote' },
          { guard: 'voteInCandidacy', actions: 'countVote' },
        ],
      },
    },
    leader: {
      after: { heartbeatInterval: { target: 'leader', reenter: true, actions: 'sendHeartbeats' } },
      on: { CLIENT_REQUEST: { actions: 'appendEntry' } },
    },
  },
});

export type RaftRoleMachine = typeof raftRoleMachine;
