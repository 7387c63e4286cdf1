/**
 * The idempotency middleware on a real node:http server.
 *
 * Routes are `"METHOD /path"` → handler. Each request is checked in the
 * order that costs an attacker the most and the server the least: route
 * (404), credentials (401), declared and actual body size (413), and only
 * then is the body read and the middleware run. Records are scoped to the
 * authenticated user. Expired records are cleaned on a schedule while the
 * server listens.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Authenticator } from './auth.js';
import { BodyTooLargeError, DEFAULT_MAX_BODY_BYTES, declaresTooLarge, readBody } from './body-reader.js';
import { DEFAULT_CLEANUP_INTERVAL_MS, scheduleCleanup } from './cleanup-schedule.js';
import { errorFields, type Logger, stderrLogger } from './logger.js';
import {
  createIdempotencyMiddleware,
  type Handler,
  jsonResponse,
  type ProcessRequest,
} from './middleware.js';
import type { IdempotencyStore, StoredResponse } from './types.js';

export interface IdempotentServerOptions {
  store: IdempotencyStore;
  routes: Record<string, Handler>;
  /** Who sends the request (e.g. `bearerTokenAuthenticator(secret)`); undefined → 401. */
  authenticate: Authenticator;
  /** Larger request bodies get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** How often expired records are removed (default 60 s; 0 turns the schedule off). */
  cleanupIntervalMs?: number;
  /** Store failures, handler errors and cleanups are logged here (default: JSON lines on stderr). */
  logger?: Logger;
  /** Replace the middleware (the anti-pattern variants plug in here). */
  middleware?: ProcessRequest;
  onHandlerError?: (err: unknown) => void;
}

function send(res: ServerResponse, response: StoredResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': String(response.body.length) });
  res.end(response.body);
}

/** Answer without reading the body: the connection closes afterwards instead of draining it. */
function refuse(res: ServerResponse, response: StoredResponse): void {
  send(res, { ...response, headers: { ...response.headers, connection: 'close' } });
}

function headerRecord(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function createIdempotentServer(options: IdempotentServerOptions): Server {
  const logger = options.logger ?? stderrLogger;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const processRequest =
    options.middleware ??
    createIdempotencyMiddleware(options.store, { onHandlerError: options.onHandlerError, logger });
  const tooLarge = () => jsonResponse(413, { error: `request body larger than ${maxBodyBytes} bytes` });

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      const handler = options.routes[`${method} ${url.pathname}`];
      if (handler === undefined) return refuse(res, jsonResponse(404, { error: 'not found' }));
      const user = options.authenticate(req.headers);
      if (user === undefined)
        return refuse(res, jsonResponse(401, { error: 'unauthenticated' }, { 'www-authenticate': 'Bearer' }));
      if (declaresTooLarge(req, maxBodyBytes)) return refuse(res, tooLarge());
      let rawBody: Buffer;
      try {
        rawBody = await readBody(req, maxBodyBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return refuse(res, tooLarge());
        throw err;
      }
      const request = {
        method,
        path: url.pathname,
        user,
        headers: headerRecord(req),
        body: rawBody.toString('utf8'),
        rawBody,
      };
      send(res, await processRequest(request, handler));
    })().catch((err: unknown) => {
      options.onHandlerError?.(err);
      logger.error('request failed', errorFields(err));
      if (!res.headersSent) send(res, jsonResponse(500, { error: 'internal error' }));
      else res.destroy();
    });
  });

  const intervalMs = options.cleanupIntervalMs ?? DEFAULT_CLEANUP_INTERVAL_MS;
  if (intervalMs > 0) {
    let stop: (() => void) | undefined;
    server.on('listening', () => {
      stop ??= scheduleCleanup(options.store, intervalMs, logger);
    });
    server.on('close', () => stop?.());
  }
  return server;
}

/** Listen on an ephemeral port of 127.0.0.1; resolves with the base URL. */
export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://${host}:${address.port}`;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
