/**
 * An HTTP server process on a shared SQLite file, for the crash test.
 * `POST /transfers` transfers; with header `x-stall: 1` the handler prints
 * "in-handler" and never finishes (the test then SIGKILLs the process).
 * Prints "listening <url>" once ready.
 *
 * Requests carry bearer tokens signed with <secret>.
 *
 * argv: <dbPath> <lockTtlMs> <secret>
 */
import {
  bearerTokenAuthenticator,
  createIdempotentServer,
  createLedger,
  type Handler,
  listen,
  SqliteIdempotencyStore,
  transferHandler,
} from '../../../../src/impl/idempotency/index.js';

const [dbPath, lockTtl, secret] = process.argv.slice(2);
const store = new SqliteIdempotencyStore({ path: dbPath!, lockTtlMs: Number(lockTtl) });
createLedger(store.db);
const stall = transferHandler({
  beforeCommit: () => {
    process.stdout.write('in-handler\n');
    return new Promise<void>(() => {});
  },
});
const normal = transferHandler();
const transfers: Handler = (request, context) =>
  request.headers['x-stall'] === '1' ? stall(request, context) : normal(request, context);
const server = createIdempotentServer({
  store,
  routes: { 'POST /transfers': transfers },
  authenticate: bearerTokenAuthenticator(secret!),
});
process.stdout.write(`listening ${await listen(server)}\n`);
