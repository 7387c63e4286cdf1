/**
 * The REST API's contract on a real server: bearer sessions and their
 * expiry, 400 with a clear body for bad input, ETag / If-Match (428, 412),
 * 404 vs 403, and the idempotency middleware on task writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTaskServer,
  type Task,
  TaskApiClient,
  type TaskServer,
} from '../../../src/impl/taskManager/index.js';

let server: TaskServer;
let api: TaskApiClient;
let clock: number;
let alice: string;
let bob: string;

beforeEach(async () => {
  clock = 1_000_000;
  server = createTaskServer({
    users: { alice: 'alice-pw', bob: 'bob-pw' },
    sessionTtlMs: 60_000,
    now: () => clock,
    passwordCost: 2 ** 8,
  });
  api = new TaskApiClient(await server.listen());
  alice = (await api.login('alice', 'alice-pw'))!;
  bob = (await api.login('bob', 'bob-pw'))!;
});

afterEach(() => server.close());

const create = async (token: string) =>
  (await api.request<Task>('POST', '/tasks', { token, body: { title: 't' } })).body;

describe('sessions', () => {
  it('refuses a wrong password, and a token once logged out or expired', async () => {
    expect(await api.login('alice', 'wrong')).toBeUndefined();
    expect((await api.request('GET', '/tasks', { token: alice })).status).toBe(200);
    clock += 60_000;
    expect((await api.request('GET', '/tasks', { token: alice })).status).toBe(401);
    expect((await api.request('DELETE', '/sessions/current', { token: bob })).status).toBe(401);
    const again = (await api.login('bob', 'bob-pw'))!;
    expect((await api.request('DELETE', '/sessions/current', { token: again })).status).toBe(204);
    expect((await api.request('POST', '/tasks', { token: again, body: { title: 't' } })).status).toBe(401);
  });
});

describe('requests', () => {
  it('answers bad input with 400 and says what is wrong', async () => {
    const response = await api.request<{ error: string; details: string }>('POST', '/tasks', {
      token: alice,
      body: { title: '', owner: 'bob' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid request');
    expect(response.body.details).toMatch(/title|additional/);
    const bulk = await api.request('POST', '/tasks/bulk-status', {
      token: alice,
      body: { ids: [], status: 'done' },
    });
    expect(bulk.status).toBe(400);
  });

  it('versions writes with ETag and If-Match: 428 without, 412 when stale', async () => {
    const task = await create(alice);
    const read = await api.request<Task>('GET', `/tasks/${task.id}`, { token: bob });
    expect(read.headers.get('etag')).toBe('"1"');
    expect(
      (await api.request('PATCH', `/tasks/${task.id}`, { token: alice, body: { priority: 'high' } })).status,
    ).toBe(428);
    const first = await api.request('PATCH', `/tasks/${task.id}`, {
      token: alice,
      body: { priority: 'high' },
      ifMatch: 1,
    });
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await api.request('PATCH', `/tasks/${task.id}`, {
      token: alice,
      body: { title: 'x' },
      ifMatch: 1,
    });
    expect(stale.status).toBe(412);
  });

  it('gives 404 for an id that names no task and 403 for a task that is not yours', async () => {
    const task = await create(alice);
    expect(
      (await api.request('PATCH', '/tasks/99', { token: bob, body: { title: 'x' }, ifMatch: 1 })).status,
    ).toBe(404);
    expect(
      (await api.request('PATCH', `/tasks/${task.id}`, { token: bob, body: { title: 'x' }, ifMatch: 1 }))
        .status,
    ).toBe(403);
    await api.request('PATCH', `/tasks/${task.id}`, { token: alice, body: { assignee: 'bob' }, ifMatch: 1 });
    expect(
      (await api.request('PATCH', `/tasks/${task.id}`, { token: bob, body: { title: 'x' }, ifMatch: 2 }))
        .status,
    ).toBe(200);
    expect((await api.request('DELETE', `/tasks/${task.id}`, { token: bob, ifMatch: 3 })).status).toBe(403);
    expect((await api.request('DELETE', `/tasks/${task.id}`, { token: alice, ifMatch: 3 })).status).toBe(204);
    expect((await api.request('GET', `/tasks/${task.id}`, { token: alice })).status).toBe(404);
  });

  it('runs a retried write once and replays its answer', async () => {
    const key = '5f0c7a8e-3b1d-4c2e-9a6f-0d1e2f3a4b5c';
    const first = await api.request<Task>('POST', '/tasks', {
      token: alice,
      body: { title: 't' },
      idempotencyKey: key,
    });
    const retry = await api.request<Task>('POST', '/tasks', {
      token: alice,
      body: { title: 't' },
      idempotencyKey: key,
    });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const all = await api.request<{ tasks: Task[] }>('GET', '/tasks', { token: alice });
    expect(all.body.tasks).toHaveLength(1);
    const other = await api.request('POST', '/tasks', {
      token: alice,
      body: { title: 'u' },
      idempotencyKey: key,
    });
    expect(other.status).toBe(422);
  });

  it('needs an Idempotency-Key on every task write', async () => {
    const response = await fetch(`${api.baseUrl}/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 't' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'Idempotency-Key header required' });
  });
});
