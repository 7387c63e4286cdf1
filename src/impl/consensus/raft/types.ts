/** Raft leader election: servers, roles and the messages they exchange. */

export type ServerId = string;

export type Role = 'follower' | 'candidate' | 'leader';

/** Which election rules a node follows: the correct ones, or one of two known bugs. */
export type RaftVariant =
  /** One vote per term, quorum = a strict majority. */
  | 'Correct'
  /** Grants every request of the current term, whoever it already voted for. */
  | 'DoubleVote'
  /** Counts votes >= N/2 as a quorum: with an even N, two halves elect two leaders. */
  | 'HalfQuorum';

export interface RequestVote {
  type: 'RequestVote';
  term: number;
  src: ServerId;
  dst: ServerId;
  lastLogTerm: number;
  lastLogIndex: number;
}

export interface Vote {
  type: 'Vote';
  term: number;
  src: ServerId;
  dst: ServerId;
  voteGranted: boolean;
}

export interface Heartbeat {
  type: 'Heartbeat';
  term: number;
  src: ServerId;
  dst: ServerId;
}

export type RaftMessage = RequestVote | Vote | Heartbeat;

/** The same message, field for field (a network keeps one copy of identical messages in flight). */
export function messageKey(m: RaftMessage): string {
  switch (m.type) {
    case 'RequestVote':
      return `RV ${m.term} ${m.src}>${m.dst} ${m.lastLogTerm}/${m.lastLogIndex}`;
    case 'Vote':
      return `V ${m.term} ${m.src}>${m.dst} ${m.voteGranted}`;
    case 'Heartbeat':
      return `HB ${m.term} ${m.src}>${m.dst}`;
  }
}
