/**
 * The task manager's REST API on Fastify.
 *
 * Each request is answered by the first check that fails, cheapest first:
 * 401 without a live session, 400 when the request does not match its
 * schema, 428 when a versioned write has no If-Match, then the command's own
 * checks (404, 403, 412, 409, in the spec's order). Tasks are visible to
 * every user with a session, so a task that exists but is not yours gives
 * 403 on a write, and 404 means the id names no task (never created, or
 * deleted). Every mutating task request goes through the idempotency
 * middleware (see ./idempotency.ts) and needs an Idempotency-Key.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { bearerToken, DEFAULT_PASSWORD_COST, DEFAULT_SESSION_TTL_MS, Sessions } from './auth.js';
import type { Priority, Status } from './domain.js';
import { IdempotentTasks } from './idempotency.js';
import { TaskRepository } from './repository.js';
import * as schemas from './schemas.js';
import { type Command, type TaskChanges, TaskService } from './service.js';
import type { Variant } from './variants.js';

export interface TaskServerOptions {
  /** SQLite file (':memory:' by default). */
  path?: string;
  /** Users and their passwords, created at start. */
  users: Record<string, string>;
  variant?: Variant;
  sessionTtlMs?: number;
  /** scrypt's N for passwords (default 2^14). */
  passwordCost?: number;
  /** Clock for session expiry and idempotency locks (ms). */
  now?: () => number;
}

export interface TaskServer {
  app: FastifyInstance;
  sessions: Sessions;
  /** Starts listening on 127.0.0.1 (a free port unless given) and returns the base URL. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

type IdRequest = FastifyRequest<{ Params: { id: number } }>;

/** The version an If-Match header names (`"3"`, `W/"3"` or `3`), or why it cannot be used. */
export function parseIfMatch(header: string | undefined): number | { status: number; error: string } {
  if (header === undefined) return { status: 428, error: 'If-Match header required (the task version)' };
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) return { status: 400, error: 'If-Match must be a task version such as "3"' };
  return Number(match[1]);
}

export function createTaskServer(options: TaskServerOptions): TaskServer {
  const now = options.now ?? Date.now;
  const tasks = new IdempotentTasks({ path: options.path ?? ':memory:', now });
  const sessions = new Sessions(
    tasks.db,
    options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    now,
    options.passwordCost ?? DEFAULT_PASSWORD_COST,
  );
  for (const [name, password] of Object.entries(options.users)) sessions.setUser(name, password);
  const repo = new TaskRepository(tasks.db);
  const service = new TaskService(repo, options.variant ?? 'Correct', (name) => sessions.isUser(name));
  const users = new WeakMap<FastifyRequest, string>();
  const app = Fastify({ logger: false });

  app.setErrorHandler(
    (error: { validation?: unknown; statusCode?: number; message: string }, _req, reply) => {
      if (error.validation !== undefined || (error.statusCode !== undefined && error.statusCode < 500)) {
        return reply.code(error.statusCode ?? 400).send({ error: 'invalid request', details: error.message });
      }
      return reply.code(500).send({ error: 'internal error' });
    },
  );

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request.headers.authorization);
    const user = token === undefined ? undefined : sessions.userOf(token);
    if (user === undefined) return reply.code(401).send({ error: 'a valid bearer token is required' });
    users.set(request, user);
  };
  const userOf = (request: FastifyRequest) => users.get(request)!;

  /** Runs a command through the idempotency middleware and sends its answer. */
  const mutate = async (request: FastifyRequest, reply: FastifyReply, command: Command) => {
    const response = await tasks.handle({
      method: request.method,
      path: request.url,
      user: userOf(request),
      headers: request.headers as Record<string, string | undefined>,
      fingerprint: { body: request.body ?? null, ifMatch: request.headers['if-match'] ?? null },
      run: () => service.execute(userOf(request), command),
    });
    return reply.code(response.status).headers(response.headers).send(response.body);
  };

  /** The If-Match version, or undefined after answering 428/400. */
  const ifMatchOf = (request: FastifyRequest, reply: FastifyReply): number | undefined => {
    const parsed = parseIfMatch(request.headers['if-match']);
    if (typeof parsed === 'number') return parsed;
    void reply.code(parsed.status).send({ error: parsed.error });
    return undefined;
  };

  app.post<{ Body: { user: string; password: string } }>(
    '/sessions',
    { schema: { body: schemas.loginBody } },
    async (request, reply) => {
      const session = sessions.login(request.body.user, request.body.password);
      if (session === undefined) return reply.code(401).send({ error: 'unknown user or wrong password' });
      return reply.code(201).send(session);
    },
  );
  app.get('/sessions/current', { onRequest: authenticate }, async (request) => ({ user: userOf(request) }));
  app.delete('/sessions/current', { onRequest: authenticate }, async (request, reply) => {
    sessions.logout(bearerToken(request.headers.authorization)!);
    return reply.code(204).send();
  });

  app.get('/tasks', { onRequest: authenticate }, async () => ({ tasks: [...repo.all().values()] }));
  app.get(
    '/tasks/:id',
    { onRequest: authenticate, schema: { params: schemas.idParams } },
    async (req, reply) => {
      const task = repo.get((req as IdRequest).params.id);
      if (task === undefined) return reply.code(404).send({ error: 'no such task' });
      return reply.header('etag', `"${task.version}"`).send(task);
    },
  );

  app.post<{ Body: { title: string; description?: string; priority?: Priority } }>(
    '/tasks',
    { onRequest: authenticate, schema: { body: schemas.createBody } },
    (request, reply) => mutate(request, reply, { kind: 'create', ...request.body }),
  );
  app.post<{ Body: { ids: number[]; status: Status } }>(
    '/tasks/bulk-status',
    { onRequest: authenticate, schema: { body: schemas.bulkStatusBody } },
    (request, reply) => mutate(request, reply, { kind: 'bulkStatus', ...request.body }),
  );
  app.patch<{ Params: { id: number }; Body: TaskChanges }>(
    '/tasks/:id',
    { onRequest: authenticate, schema: { params: schemas.idParams, body: schemas.patchBody } },
    async (request, reply) => {
      const ifMatch = ifMatchOf(request, reply);
      if (ifMatch === undefined) return reply;
      return mutate(request, reply, {
        kind: 'update',
        id: request.params.id,
        ifMatch,
        changes: request.body,
      });
    },
  );
  app.delete<{ Params: { id: number } }>(
    '/tasks/:id',
    { onRequest: authenticate, schema: { params: schemas.idParams } },
    async (request, reply) => {
      const ifMatch = ifMatchOf(request, reply);
      if (ifMatch === undefined) return reply;
      return mutate(request, reply, { kind: 'delete', id: request.params.id, ifMatch });
    },
  );
  app.post<{ Params: { id: number }; Body: { dependsOn: number } }>(
    '/tasks/:id/dependencies',
    { onRequest: authenticate, schema: { params: schemas.idParams, body: schemas.dependencyBody } },
    async (request, reply) => {
      const ifMatch = ifMatchOf(request, reply);
      if (ifMatch === undefined) return reply;
      return mutate(request, reply, {
        kind: 'addDependency',
        id: request.params.id,
        ifMatch,
        dependsOn: request.body.dependsOn,
      });
    },
  );

  return {
    app,
    sessions,
    async listen(port = 0) {
      await app.listen({ host: '127.0.0.1', port });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
      return `http://127.0.0.1:${address.port}`;
    },
    async close() {
      await app.close();
      tasks.close();
    },
  };
}
