/**
 * The idempotency middleware on a real node:http server.
 *
 * Routes are `"METHOD /path"` → handler. The user comes from a header
 * (stand-in for authentication); records are scoped to it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  createIdempotencyMiddleware,
  type Handler,
  jsonResponse,
  type ProcessRequest,
} from './middleware.js';
import type { IdempotencyStore, StoredResponse } from './types.js';

export const USER_HEADER = 'x-user-id';

export interface IdempotentServerOptions {
  store: IdempotencyStore;
  routes: Record<string, Handler>;
  /** Replace the middleware (the anti-pattern variants plug in here). */
  middleware?: ProcessRequest;
  onHandlerError?: (err: unknown) => void;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, response: StoredResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': String(response.body.length) });
  res.end(response.body);
}

export function createIdempotentServer(options: IdempotentServerOptions): Server {
  const processRequest =
    options.middleware ??
    createIdempotencyMiddleware(options.store, { onHandlerError: options.onHandlerError });
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      const handler = options.routes[`${method} ${url.pathname}`];
      const body = await readBody(req);
      if (handler === undefined) return send(res, jsonResponse(404, { error: 'not found' }));
      const user = req.headers[USER_HEADER];
      if (typeof user !== 'string' || user === '')
        return send(res, jsonResponse(401, { error: 'unauthenticated' }));
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      send(res, await processRequest({ method, path: url.pathname, user, headers, body }, handler));
    })().catch((err: unknown) => {
      options.onHandlerError?.(err);
      if (!res.headersSent) send(res, jsonResponse(500, { error: 'internal error' }));
      else res.destroy();
    });
  });
}

/** Listen on an ephemeral port of 127.0.0.1; resolves with the base URL. */
export async function listen(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
