/**
 * Stopping a search before it ends (the user pressed Ctrl-C, or a timeout
 * sent SIGTERM): the search returns what it knows, the counts so far, so
 * that an interrupted run still says how far it got, as TLC's final lines do.
 */
import { ExitCode } from '../../errors.js';
import type { CheckResult } from '../result.js';
import { makeResult, type SearchCounts } from './outcome.js';

/** Returns why the search must stop (e.g. `SIGINT`), or undefined to go on. Called once per explored state. */
export type StopRequest = () => string | undefined;

/**
 * The result of a stopped search: an error (no verdict was reached) with the
 * counts so far. `unexplored` states taken off the queue but not explored
 * count as left on it. The exit code is the CLI's to decide (128 + signal).
 */
export function stoppedResult(
  reason: string,
  counts: SearchCounts,
  startedAt: number,
  unexplored = 0,
): CheckResult {
  const left = counts.statesLeftOnQueue === null ? null : counts.statesLeftOnQueue + unexplored;
  return makeResult('error', ExitCode.systemError, { ...counts, statesLeftOnQueue: left }, startedAt, {
    message: `The search was stopped (${reason}) before it finished: the state space was not fully explored.`,
  });
}
