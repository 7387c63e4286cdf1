/**
 * A real server on 127.0.0.1 for one test: SQLite store, ledger, bearer
 * tokens signed with TEST_SECRET, and a logger that keeps what it is told.
 */
import { request as httpRequest } from 'node:http';
import {
  bearerTokenAuthenticator,
  closeServer,
  createIdempotentServer,
  createLedger,
  type Handler,
  type IdempotentServerOptions,
  type Logger,
  listen,
  SqliteIdempotencyStore,
  type SqliteStoreOptions,
} from '../../../src/impl/idempotency/index.js';
import { authFor, TEST_SECRET } from './helpers.js';

export interface LogEntry {
  level: 'error' | 'info';
  message: string;
  fields: Record<string, unknown>;
}

export interface TestServer {
  baseUrl: string;
  store: SqliteIdempotencyStore;
  logs: LogEntry[];
  post(
    path: string,
    user: string | undefined,
    key: string | undefined,
    body: string | Buffer,
  ): Promise<Reply>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

export function recordingLogger(logs: LogEntry[]): Logger {
  return {
    error: (message, fields = {}) => logs.push({ level: 'error', message, fields }),
    info: (message, fields = {}) => logs.push({ level: 'info', message, fields }),
  };
}

export async function startServer(
  routes: Record<string, Handler>,
  options: {
    store?: Partial<SqliteStoreOptions>;
    server?: Partial<Omit<IdempotentServerOptions, 'store' | 'routes'>>;
  } = {},
): Promise<TestServer> {
  const store = new SqliteIdempotencyStore({ path: ':memory:', ...options.store });
  createLedger(store.db);
  const logs: LogEntry[] = [];
  const server = createIdempotentServer({
    store,
    routes,
    authenticate: bearerTokenAuthenticator(TEST_SECRET),
    logger: recordingLogger(logs),
    ...options.server,
  });
  const baseUrl = await listen(server);
  return {
    baseUrl,
    store,
    logs,
    post: async (path, user, key, body) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (user !== undefined) Object.assign(headers, authFor(user));
      if (key !== undefined) headers['idempotency-key'] = key;
      const res = await fetch(new URL(path, baseUrl), {
        method: 'POST',
        headers,
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
    close: async () => {
      await closeServer(server);
      store.close();
    },
  };
}

/**
 * Start a POST whose body never ends (a chunk, then silence) and resolve
 * with the status of the answer, or 'no answer' after `waitMs`: a server
 * that reads the whole body first never answers.
 */
export function statusBeforeBodyEnds(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  waitMs = 2000,
): Promise<number | 'no answer'> {
  return new Promise((resolve) => {
    const req = httpRequest(new URL(path, baseUrl), { method: 'POST', headers });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, waitMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => {});
    req.write(Buffer.alloc(64 * 1024, 0x61));
  });
}
