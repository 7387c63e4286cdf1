/**
 * A Raft server: its role machine running in an xstate actor on its own
 * simulated clock, wired to the network. Time passes only when the node is
 * told so (`advance`), which fires its election or heartbeat timer
 * deterministically.
 */
import { type Actor, createActor, SimulatedClock } from 'xstate';
import { type RoleInput, raftRoleMachine } from './role-machine.js';
import type { RaftMessage, RaftVariant, Role, ServerId } from './types.js';

export interface RaftNodeOptions {
  id: ServerId;
  peers: ServerId[];
  variant?: RaftVariant;
  electionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Where the node's outgoing messages go. */
  send: (message: RaftMessage) => void;
}

export interface NodeView {
  role: Role;
  term: number;
  votedFor: ServerId | null;
  votes: ServerId[];
  log: number[];
}

export class RaftNode {
  readonly id: ServerId;
  readonly electionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  private readonly clock = new SimulatedClock();
  private readonly actor: Actor<typeof raftRoleMachine>;

  constructor(options: RaftNodeOptions) {
    this.id = options.id;
    this.electionTimeoutMs = options.electionTimeoutMs ?? 150;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 50;
    if (this.heartbeatIntervalMs >= this.electionTimeoutMs) {
      throw new Error('the heartbeat interval must be shorter than the election timeout');
    }
    const input: RoleInput = {
      id: options.id,
      peers: options.peers,
      variant: options.variant ?? 'Correct',
      electionTimeoutMs: this.electionTimeoutMs,
      heartbeatIntervalMs: this.heartbeatIntervalMs,
    };
    this.actor = createActor(raftRoleMachine, { input, clock: this.clock });
    this.actor.on('send', (e) => options.send(e.message));
    this.actor.start();
  }

  /** Lets `ms` of this node's time pass, firing whatever timer falls due. */
  advance(ms: number): void {
    this.clock.increment(ms);
  }

  /** The election timer falls due (a follower or candidate starts an election). */
  electionTimeout(): void {
    if (this.view().role === 'leader') throw new Error(`${this.id} is the leader: it has no election timer`);
    this.advance(this.electionTimeoutMs);
  }

  /** The heartbeat timer falls due (a leader tells its peers). */
  heartbeatTimeout(): void {
    if (this.view().role !== 'leader') throw new Error(`${this.id} is not the leader: it sends no heartbeat`);
    this.advance(this.heartbeatIntervalMs);
  }

  receive(message: RaftMessage): void {
    switch (message.type) {
      case 'RequestVote':
        return void this.actor.send({ type: 'REQUEST_VOTE', message });
      case 'Vote':
        return void this.actor.send({ type: 'VOTE', message });
      case 'Heartbeat':
        return void this.actor.send({ type: 'HEARTBEAT', message });
    }
  }

  /** A client's command reaches the node (only a leader appends it). */
  clientRequest(): void {
    this.actor.send({ type: 'CLIENT_REQUEST' });
  }

  view(): NodeView {
    const snapshot = this.actor.getSnapshot();
    const { term, votedFor, votes, log } = snapshot.context;
    return { role: snapshot.value as Role, term, votedFor, votes: [...votes], log: [...log] };
  }

  stop(): void {
    this.actor.stop();
  }
}
