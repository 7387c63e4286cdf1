/**
 * The task commands: each checks, in a fixed order, whether the user may do
 * it (404 unknown task, 403 not theirs, 412 stale version, 409 against the
 * rules) and then writes. The order is the spec's (Guard in
 * specs/TaskManagement.tla), so that a refused request gets the same answer
 * here as there. Every command runs synchronously on the repository and
 * expects to be inside one transaction.
 */
import {
  isFinal,
  type Priority,
  reaches,
  type SettlePolicy,
  type Status,
  settle,
  type Task,
  userMayMove,
} from './domain.js';
import type { TaskRepository } from './repository.js';
import type { Variant } from './variants.js';

export interface TaskChanges {
  status?: Status;
  priority?: Priority;
  assignee?: string;
  title?: string;
  description?: string;
}

export type Command =
  | { kind: 'create'; title: string; description?: string; priority?: Priority }
  | { kind: 'update'; id: number; ifMatch: number; changes: TaskChanges }
  | { kind: 'delete'; id: number; ifMatch: number }
  | { kind: 'addDependency'; id: number; ifMatch: number; dependsOn: number }
  | { kind: 'bulkStatus'; ids: number[]; status: Status };

/** A command's answer: an HTTP status and a JSON body (the task, when there is one). */
export interface CommandResult {
  status: number;
  body: unknown;
  /** The version of the task the answer is about, for the ETag header. */
  version?: number;
}

const refuse = (status: number, error: string): CommandResult => ({ status, body: { error } });
const ok = (status: number, task: Task): CommandResult => ({ status, body: task, version: task.version });

export class TaskService {
  constructor(
    private readonly repo: TaskRepository,
    private readonly variant: Variant,
    /** Whether a name is a user of the system (reassign only to users). */
    private readonly isUser: (name: string) => boolean,
  ) {}

  private get policy(): SettlePolicy {
    return {
      dropDeleted: this.variant !== 'DanglingDependency',
      dropCancelled: this.variant !== 'NoRelease',
    };
  }

  execute(user: string, command: Command): CommandResult {
    switch (command.kind) {
      case 'create':
        return this.create(user, command);
      case 'update':
        return this.update(user, command.id, command.ifMatch, command.changes);
      case 'delete':
        return this.delete(user, command.id, command.ifMatch);
      case 'addDependency':
        return this.addDependency(user, command.id, command.ifMatch, command.dependsOn);
      case 'bulkStatus':
        return this.bulkStatus(user, command.ids, command.status);
    }
  }

  /** The checks every write to one task goes through: the task, or the refusal. */
  private guard(user: string, id: number, ifMatch: number): Task | CommandResult {
    const task = this.repo.get(id);
    if (task === undefined) return refuse(404, `task ${id} does not exist`);
    if (!this.repo.hasAccess(id, user))
      return refuse(403, `only the owner or the assignee may modify task ${id}`);
    if (ifMatch !== task.version && this.variant !== 'NoVersionCheck')
      return refuse(412, `task ${id} is at version ${task.version}, not ${ifMatch}`);
    return task;
  }

  private mayMove(from: Status, to: Status): boolean {
    return userMayMove(from, to) || (this.variant === 'ReopenFinal' && isFinal(from) && to === 'pending');
  }

  /** Saves the changed tasks, then settles dependents when a task ended or disappeared. */
  private commit(changed: Task[], ended: boolean): void {
    for (const task of changed) this.repo.save(task);
    if (!ended) return;
    for (const task of settle(this.repo.all(), this.policy)) this.repo.save(task);
  }

  private create(user: string, command: Extract<Command, { kind: 'create' }>): CommandResult {
    const id = this.variant === 'IdReuse' ? this.repo.maxIdPlusOne() : this.repo.takeSequenceId();
    const task: Task = {
      id,
      title: command.title,
      description: command.description ?? '',
      owner: user,
      assignee: user,
      status: 'pending',
      priority: command.priority ?? 'low',
      version: 1,
      dependsOn: [],
    };
    this.repo.save(task);
    this.repo.grant(id, user);
    return ok(201, task);
  }

  private update(user: string, id: number, ifMatch: number, changes: TaskChanges): CommandResult {
    const found = this.guard(user, id, ifMatch);
    if (!('id' in found)) return found;
    if (changes.status !== undefined && !this.mayMove(found.status, changes.status))
      return refuse(409, `task ${id} cannot move from ${found.status} to ${changes.status}`);
    const other = Object.keys(changes).some((k) => k !== 'status');
    if (other && isFinal(found.status) && changes.status === undefined)
      return refuse(409, `task ${id} is ${found.status}: it can no longer change`);
    if (changes.assignee !== undefined && !this.isUser(changes.assignee))
      return refuse(400, `${changes.assignee} is not a user`);
    const task: Task = { ...found, ...changes, version: found.version + 1 };
    if (changes.assignee !== undefined && changes.assignee !== found.assignee) {
      if (found.assignee !== found.owner) this.repo.revoke(id, found.assignee);
      this.repo.grant(id, changes.assignee);
    }
    this.commit([task], isFinal(task.status));
    return ok(200, this.repo.get(id)!);
  }

  private delete(user: string, id: number, ifMatch: number): CommandResult {
    const found = this.guard(user, id, ifMatch);
    if (!('id' in found)) return found;
    if (found.owner !== user) return refuse(403, `only the owner may delete task ${id}`);
    this.repo.delete(id);
    // IdReuse: the access rows stay behind, as they do when a foreign key is not enforced.
    if (this.variant !== 'IdReuse') this.repo.revokeAll(id);
    this.commit([], true);
    return { status: 204, body: undefined };
  }

  private addDependency(user: string, id: number, ifMatch: number, dependsOn: number): CommandResult {
    const found = this.guard(user, id, ifMatch);
    if (!('id' in found)) return found;
    const dep = this.repo.get(dependsOn);
    if (dep === undefined) return refuse(404, `task ${dependsOn} does not exist`);
    if (isFinal(found.status)) return refuse(409, `task ${id} is ${found.status}: it can no longer change`);
    if (dep.status === 'cancelled') return refuse(409, `task ${dependsOn} is cancelled`);
    if (found.dependsOn.includes(dependsOn)) return refuse(409, `task ${id} already depends on ${dependsOn}`);
    if (this.variant !== 'NoCycleCheck' && reaches(dependsOn, id, this.repo.all()))
      return refuse(409, `task ${dependsOn} depends on task ${id}: that would be a cycle`);
    const task: Task = {
      ...found,
      dependsOn: [...found.dependsOn, dependsOn].sort((a, b) => a - b),
      version: found.version + 1,
      status: dep.status === 'completed' ? found.status : 'blocked',
    };
    this.commit([task], false);
    return ok(200, task);
  }

  /** All or nothing; not versioned. */
  private bulkStatus(user: string, ids: number[], status: Status): CommandResult {
    const tasks = [...new Set(ids)].map((id) => ({ id, task: this.repo.get(id) }));
    const missing = tasks.find((t) => t.task === undefined);
    if (missing) return refuse(404, `task ${missing.id} does not exist`);
    const foreign = tasks.find((t) => !this.repo.hasAccess(t.id, user));
    if (foreign) return refuse(403, `only the owner or the assignee may modify task ${foreign.id}`);
    const stuck = tasks.find((t) => !userMayMove(t.task!.status, status));
    if (stuck && this.variant !== 'BulkBypass')
      return refuse(409, `task ${stuck.id} cannot move from ${stuck.task!.status} to ${status}`);
    const moved = tasks.map(({ task }) => ({ ...task!, status, version: task!.version + 1 }));
    this.commit(moved, isFinal(status));
    return { status: 200, body: { tasks: moved.map((t) => this.repo.get(t.id)!) } };
  }
}
