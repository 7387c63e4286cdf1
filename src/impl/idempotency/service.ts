/**
 * The transfer service, ready to run: a SQLite store with the transfers
 * ledger, bearer-token authentication, the body limit and the cleanup
 * schedule, listening on one address. `tools/serve-idempotency.ts` starts
 * it from the command line.
 */
import { bearerTokenAuthenticator } from './auth.js';
import { closeServer, createIdempotentServer, listen } from './http-server.js';
import { createLedger, transferHandler, twoStepHandler } from './ledger.js';
import { type Logger, stderrLogger } from './logger.js';
import { SqliteIdempotencyStore } from './sqlite-store.js';

export interface ServiceConfig {
  /** SQLite file shared by every process of the service. */
  dbPath: string;
  /** Secret that signs bearer tokens (at least 32 bytes). */
  tokenSecret: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  lockTtlMs?: number;
  retentionMs?: number;
  maxBodyBytes?: number;
  cleanupIntervalMs?: number;
  logger?: Logger;
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

export async function startService(config: ServiceConfig): Promise<RunningService> {
  const authenticate = bearerTokenAuthenticator(config.tokenSecret); // refuses a short secret before anything opens
  const store = new SqliteIdempotencyStore({
    path: config.dbPath,
    lockTtlMs: config.lockTtlMs,
    retentionMs: config.retentionMs,
  });
  createLedger(store.db);
  const server = createIdempotentServer({
    store,
    routes: { 'POST /transfers': transferHandler(), 'POST /orders': twoStepHandler() },
    authenticate,
    maxBodyBytes: config.maxBodyBytes,
    cleanupIntervalMs: config.cleanupIntervalMs,
    logger: config.logger ?? stderrLogger,
  });
  try {
    const url = await listen(server, config.port ?? 0, config.host ?? '127.0.0.1');
    return {
      url,
      close: async () => {
        await closeServer(server);
        store.close();
      },
    };
  } catch (err) {
    store.close();
    throw err;
  }
}
