/**
 * The task manager spec bound to the running HTTP API: each spec action is
 * one HTTP request from the acting user's client (with that user's bearer
 * token, a fresh Idempotency-Key and the action's base version as If-Match),
 * and the API is observed through its own reads as the spec's `sessions`,
 * `tasks` and `last` (the response code of the last request). The spec's
 * bookkeeping variables (nextId, staleAccess, lost, deleted) are not
 * observable through the API and are not compared.
 */
import { printValue, SetValue, type Value } from '../../../src/check/value/index.js';
import {
  createTaskServer,
  type Task,
  TaskApiClient,
  type TaskServer,
  type Variant,
} from '../../../src/impl/taskManager/index.js';
import {
  type ActionParams,
  asNumber,
  asString,
  type Binding,
  defineBinding,
  tlaFcn,
  tlaRecord,
  tlaSet,
} from '../../../src/mbt/index.js';

export const SPEC_USERS = ['alice', 'bob'] as const;
/** A user outside the spec who only reads: the observer of `tasks`. */
const OBSERVER = 'observer';
const password = (user: string) => `${user}-password`;

export interface TaskApiSut {
  server: TaskServer;
  client: TaskApiClient;
  /** Each spec user's last token (kept after logout, so that it is refused). */
  tokens: Map<string, string>;
  observerToken: string;
  last: number;
  /** Requests sent, to give each details update its own text. */
  sent: number;
}

async function send(
  sut: TaskApiSut,
  user: string,
  method: string,
  path: string,
  options: { body?: unknown; ifMatch?: number } = {},
): Promise<void> {
  sut.sent += 1;
  const response = await sut.client.request(method, path, { ...options, token: sut.tokens.get(user) });
  sut.last = response.status;
}

const user = (p: ActionParams) => asString(p.u);
const id = (p: ActionParams) => asNumber(p.id);
const base = (p: ActionParams) => asNumber(p.base);
function ids(p: ActionParams): number[] {
  if (!(p.ids instanceof SetValue))
    throw new TypeError(`expected a set of ids, got ${printValue(p.ids ?? 'nothing')}`);
  return p.ids.elems.map(asNumber);
}

function observeTask(task: Task): Value {
  return tlaRecord({
    owner: task.owner,
    assignee: task.assignee,
    status: task.status,
    priority: task.priority,
    deps: tlaSet(task.dependsOn),
    version: task.version,
  });
}

/** The binding for one implementation variant (the correct one by default). */
export function taskApiBinding(variant: Variant = 'Correct'): Binding<TaskApiSut> {
  return defineBinding<TaskApiSut>({
    name: `task-api-${variant}`,
    async create() {
      const users = Object.fromEntries([...SPEC_USERS, OBSERVER].map((u) => [u, password(u)]));
      // A low scrypt cost: every run starts a server and logs users in.
      const server = createTaskServer({ users, variant, passwordCost: 2 ** 8 });
      const client = new TaskApiClient(await server.listen());
      const observerToken = await client.login(OBSERVER, password(OBSERVER));
      if (observerToken === undefined) throw new Error('the observer cannot log in');
      return { server, client, tokens: new Map(), observerToken, last: 0, sent: 0 };
    },
    dispose: (sut) => sut.server.close(),
    actions: {
      async Login(sut, p) {
        const token = await sut.client.login(user(p), password(user(p)));
        sut.last = token === undefined ? 401 : 201;
        if (token !== undefined) sut.tokens.set(user(p), token);
      },
      Logout: (sut, p) => send(sut, user(p), 'DELETE', '/sessions/current'),
      Create: (sut, p) => send(sut, user(p), 'POST', '/tasks', { body: { title: `task ${sut.sent + 1}` } }),
      UpdateStatus: (sut, p) =>
        send(sut, user(p), 'PATCH', `/tasks/${id(p)}`, { body: { status: asString(p.s) }, ifMatch: base(p) }),
      UpdatePriority: (sut, p) =>
        send(sut, user(p), 'PATCH', `/tasks/${id(p)}`, {
          body: { priority: asString(p.p) },
          ifMatch: base(p),
        }),
      UpdateDetails: (sut, p) =>
        send(sut, user(p), 'PATCH', `/tasks/${id(p)}`, {
          body: { description: `details ${sut.sent + 1}` },
          ifMatch: base(p),
        }),
      Reassign: (sut, p) =>
        send(sut, user(p), 'PATCH', `/tasks/${id(p)}`, {
          body: { assignee: asString(p.v) },
          ifMatch: base(p),
        }),
      Delete: (sut, p) => send(sut, user(p), 'DELETE', `/tasks/${id(p)}`, { ifMatch: base(p) }),
      AddDependency: (sut, p) =>
        send(sut, user(p), 'POST', `/tasks/${id(p)}/dependencies`, {
          body: { dependsOn: asNumber(p.dep) },
          ifMatch: base(p),
        }),
      BulkStatus: (sut, p) =>
        send(sut, user(p), 'POST', '/tasks/bulk-status', {
          body: { ids: ids(p), status: asString(p.s) },
        }),
    },
    async observe(sut) {
      const sessions: string[] = [];
      for (const [name, token] of sut.tokens) {
        const response = await sut.client.request('GET', '/sessions/current', { token });
        if (response.status === 200) sessions.push(name);
      }
      const list = await sut.client.request<{ tasks: Task[] }>('GET', '/tasks', { token: sut.observerToken });
      return {
        sessions: tlaSet(sessions),
        tasks: tlaFcn(list.body.tasks.map((t) => [t.id, observeTask(t)] as const)),
        last: sut.last,
      };
    },
  });
}
