/**
 * Runs the idempotent transfer service (src/impl/idempotency), or issues a
 * bearer token for it.
 *
 *   IDEMPOTENCY_TOKEN_SECRET=… npm run serve:idempotency -- [--db file] [--port n] [--host h] …
 *   IDEMPOTENCY_TOKEN_SECRET=… npm run serve:idempotency -- token <user> [--ttl-seconds n]
 *
 * Several processes may serve the same --db file. Prints "listening <url>"
 * when ready; SIGINT or SIGTERM closes the server and the database.
 */
import { Command, InvalidArgumentError } from 'commander';
import { issueToken, MIN_SECRET_BYTES } from '../src/impl/idempotency/auth.js';
import { stderrLogger } from '../src/impl/idempotency/logger.js';
import { startService } from '../src/impl/idempotency/service.js';

const SECRET_ENV = 'IDEMPOTENCY_TOKEN_SECRET';

function secret(): string {
  const value = process.env[SECRET_ENV] ?? '';
  if (Buffer.byteLength(value) < MIN_SECRET_BYTES) {
    process.stderr.write(`${SECRET_ENV} must hold a secret of at least ${MIN_SECRET_BYTES} bytes\n`);
    process.exit(2);
  }
  return value;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number >= 0');
  return n;
}

const program = new Command('serve-idempotency')
  .description('run the idempotent transfer service (POST /transfers, POST /orders)')
  .option('--db <file>', 'SQLite database file', 'idempotency.db')
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--port <n>', 'port (0: any free port)', count, 8080)
  .option('--lock-ttl-ms <n>', 'how long a request holds its key', count)
  .option('--retention-ms <n>', 'how long answers are kept for retries', count)
  .option('--max-body-bytes <n>', 'larger request bodies get 413', count)
  .option('--cleanup-interval-ms <n>', 'how often expired records are removed (0: never)', count)
  .action(async (options) => {
    const service = await startService({
      dbPath: options.db,
      tokenSecret: secret(),
      host: options.host,
      port: options.port,
      lockTtlMs: options.lockTtlMs,
      retentionMs: options.retentionMs,
      maxBodyBytes: options.maxBodyBytes,
      cleanupIntervalMs: options.cleanupIntervalMs,
    });
    process.stdout.write(`listening ${service.url}\n`);
    const stop = (signal: string) => {
      stderrLogger.info('stopping', { signal });
      void service.close().then(() => process.exit(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

program
  .command('token <user>')
  .description(`print a bearer token for <user>, signed with ${SECRET_ENV}`)
  .option('--ttl-seconds <n>', 'validity', count, 3600)
  .action((user: string, options: { ttlSeconds: number }) => {
    process.stdout.write(`${issueToken(secret(), user, { ttlSeconds: options.ttlSeconds })}\n`);
  });

await program.parseAsync();
