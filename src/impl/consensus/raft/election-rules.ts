/**
 * The decisions of Raft's election as pure functions: is a candidate's log
 * up to date, may a vote be granted, is a set of votes a quorum. The bug
 * variants differ from the correct rules here and only here.
 */
import type { RaftVariant, RequestVote, ServerId } from './types.js';

export function lastLogTerm(log: readonly number[]): number {
  return log.length === 0 ? 0 : log[log.length - 1]!;
}

/** The candidate's log is at least as up to date as `log` (Raft §5.4.1). */
export function logUpToDate(request: RequestVote, log: readonly number[]): boolean {
  const mine = lastLogTerm(log);
  return request.lastLogTerm > mine || (request.lastLogTerm === mine && request.lastLogIndex >= log.length);
}

/**
 * Whether a server whose term is `term` (already raised to the request's, if
 * it was newer) and who voted for `votedFor` in it grants `request`.
 */
export function grantsVote(
  variant: RaftVariant,
  request: RequestVote,
  term: number,
  votedFor: ServerId | null,
  log: readonly number[],
): boolean {
  if (request.term !== term || !logUpToDate(request, log)) return false;
  if (variant === 'DoubleVote') return true;
  return votedFor === null || votedFor === request.src;
}

export function isQuorum(variant: RaftVariant, votes: number, clusterSize: number): boolean {
  return variant === 'HalfQuorum' ? 2 * votes >= clusterSize : 2 * votes > clusterSize;
}
