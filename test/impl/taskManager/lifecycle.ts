/**
 * One task's lifecycle as an abstraction of the spec's state graph: the
 * status of task 1 ("absent" before it is created, "deleted" after), and
 * the status changes the spec allows, to measure what the paths cover.
 */
import {
  asFcn,
  asSet,
  fcnView,
  fieldAccess,
  printValue,
  setContains,
  type Value,
} from '../../../src/check/value/index.js';

export const TASK = 1;

/** The abstract state: task 1's status, or whether it is yet to come or gone. */
export function lifecycleOf(state: Record<string, Value>): string {
  const { domain, values } = fcnView(asFcn(state.tasks!));
  const i = domain.indexOf(TASK);
  if (i >= 0) return JSON.parse(printValue(fieldAccess(values[i]!, 'status'))) as string;
  return setContains(asSet(state.deleted!), TASK) ? 'deleted' : 'absent';
}

/** Every status change of Transitions in specs/TaskManagement.tla, as `from -> to`. */
export const SPEC_TRANSITIONS = [
  'pending -> in_progress',
  'pending -> cancelled',
  'pending -> blocked',
  'in_progress -> completed',
  'in_progress -> cancelled',
  'in_progress -> blocked',
  'in_progress -> pending',
  'blocked -> pending',
  'blocked -> in_progress',
  'blocked -> cancelled',
] as const;

/**
 * blocked -> in_progress is a valid transition that this design never
 * takes: a blocked task resumes as pending, and a user cannot leave blocked.
 */
export const NEVER_TAKEN = ['blocked -> in_progress'];
