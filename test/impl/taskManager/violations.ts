/**
 * How each bug shows in the API's own terms at the end of its saved
 * counterexample: a request and what the API answers. Each check returns a
 * description of the violation when it sees it, else undefined.
 */
import type { Task } from '../../../src/impl/taskManager/index.js';
import type { TaskApiSut } from './binding.js';

type Check = (sut: TaskApiSut) => Promise<string | undefined>;

const read = async (sut: TaskApiSut, id: number) =>
  sut.client.request<Task>('GET', `/tasks/${id}`, { token: sut.observerToken });

export const VIOLATION_SEEN: Record<string, Check> = {
  async IdReuse(sut) {
    const task = (await read(sut, 1)).body;
    const write = await sut.client.request('PATCH', '/tasks/1', {
      token: sut.tokens.get('alice'),
      body: { priority: 'high' },
      ifMatch: task.version,
    });
    return task.owner === 'bob' && task.assignee === 'bob' && write.status === 200
      ? "alice modified bob's task 1, which reuses the id of her deleted task"
      : undefined;
  },
  async NoVersionCheck(sut) {
    const task = (await read(sut, 1)).body;
    return task.version === 3 && task.priority === 'low'
      ? 'two writes based on version 1 were both applied: the first one was lost'
      : undefined;
  },
  async NoCycleCheck(sut) {
    const [a, b] = [(await read(sut, 1)).body, (await read(sut, 2)).body];
    return a.dependsOn.includes(2) && b.dependsOn.includes(1)
      ? 'tasks 1 and 2 wait for each other, both blocked forever'
      : undefined;
  },
  async BulkBypass(sut) {
    const task = (await read(sut, 1)).body;
    return task.status === 'completed' && task.version === 2
      ? 'task 1 went from pending to completed without being started'
      : undefined;
  },
  async ReopenFinal(sut) {
    const task = (await read(sut, 1)).body;
    return task.status === 'pending' && task.version === 3 ? 'cancelled task 1 is pending again' : undefined;
  },
  async DanglingDependency(sut) {
    const [task, dep] = [(await read(sut, 1)).body, await read(sut, 2)];
    return task.dependsOn.includes(2) && dep.status === 404
      ? 'task 1 depends on task 2, which no longer exists'
      : undefined;
  },
  async NoRelease(sut) {
    const [task, dep] = [(await read(sut, 2)).body, (await read(sut, 1)).body];
    const start = await sut.client.request('PATCH', '/tasks/2', {
      token: sut.tokens.get('alice'),
      body: { status: 'in_progress' },
      ifMatch: task.version,
    });
    return task.status === 'blocked' && dep.status === 'cancelled' && start.status === 409
      ? 'task 2 is blocked on cancelled task 1 and cannot be started: it never ends'
      : undefined;
  },
};
