/**
 * The task manager's rules, independent of storage and HTTP: statuses and
 * the transitions between them, who may modify a task, dependency cycles,
 * and how dependents settle when a task ends or disappears.
 */

export type Status = 'pending' | 'in_progress' | 'blocked' | 'completed' | 'cancelled';
export type Priority = 'low' | 'high';

export const STATUSES: readonly Status[] = ['pending', 'in_progress', 'blocked', 'completed', 'cancelled'];
export const PRIORITIES: readonly Priority[] = ['low', 'high'];
/** The statuses a client may ask for: "blocked" is set and cleared by the system. */
export const REQUESTABLE: readonly Status[] = ['pending', 'in_progress', 'completed', 'cancelled'];

export interface Task {
  id: number;
  title: string;
  description: string;
  owner: string;
  assignee: string;
  status: Status;
  priority: Priority;
  /** Incremented by every change; clients send it back in If-Match. */
  version: number;
  /** Ids of the tasks this one waits for, ascending. */
  dependsOn: number[];
}

/** Every status change the system makes. */
const TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  pending: ['in_progress', 'cancelled', 'blocked'],
  in_progress: ['completed', 'cancelled', 'blocked', 'pending'],
  blocked: ['pending', 'in_progress', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function isFinal(status: Status): boolean {
  return status === 'completed' || status === 'cancelled';
}

export function isTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A change a user may request: a transition that neither enters nor leaves "blocked", or cancelling a blocked task. */
export function userMayMove(from: Status, to: Status): boolean {
  if (from === 'blocked') return to === 'cancelled';
  return to !== 'blocked' && isTransition(from, to);
}

/** Dependencies that are not completed (a missing task never completes). */
export function unfinished(task: Task, tasks: ReadonlyMap<number, Task>): number[] {
  return task.dependsOn.filter((d) => tasks.get(d)?.status !== 'completed');
}

/** Whether `target` is reachable from `start` along dependencies (start included). */
export function reaches(start: number, target: number, tasks: ReadonlyMap<number, Task>): boolean {
  const seen = new Set<number>();
  const todo = [start];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(tasks.get(id)?.dependsOn ?? []));
  }
  return false;
}

/** How dependents treat a dependency that was cancelled or deleted. */
export interface SettlePolicy {
  /** Drop dependencies on deleted tasks (false: they dangle). */
  dropDeleted: boolean;
  /** Drop dependencies on cancelled tasks (false: their dependents stay blocked). */
  dropCancelled: boolean;
}

/**
 * The dependents' changes after a task was completed, cancelled or deleted:
 * dropped dependencies, and blocked tasks with nothing unfinished back to
 * pending. Each changed task gets one new version.
 */
export function settle(tasks: ReadonlyMap<number, Task>, policy: SettlePolicy): Task[] {
  const dropped = (d: number): boolean => {
    const dep = tasks.get(d);
    if (dep === undefined) return policy.dropDeleted;
    return dep.status === 'cancelled' && policy.dropCancelled;
  };
  const released = new Map<number, Task>();
  for (const [id, task] of tasks) {
    released.set(id, { ...task, dependsOn: task.dependsOn.filter((d) => !dropped(d)) });
  }
  const changed: Task[] = [];
  for (const [id, task] of released) {
    const before = tasks.get(id)!;
    const resumes = task.status === 'blocked' && unfinished(task, released).length === 0;
    if (resumes) changed.push({ ...task, status: 'pending', version: before.version + 1 });
    else if (task.dependsOn.length !== before.dependsOn.length)
      changed.push({ ...task, version: before.version + 1 });
  }
  return changed;
}
