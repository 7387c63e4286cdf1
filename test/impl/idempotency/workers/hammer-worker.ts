/**
 * A worker process for the multi-process test: opens the shared SQLite file
 * and pushes every key through the middleware until it gets a final answer,
 * retrying 409s. Prints one JSON line: the final body per key and status counts.
 *
 * argv: <dbPath> <user> <keys as JSON array> <seed>
 */
import {
  createIdempotencyMiddleware,
  createLedger,
  SqliteIdempotencyStore,
  transferHandler,
} from '../../../../src/impl/idempotency/index.js';

const [dbPath, user, keysJson, seedText] = process.argv.slice(2);
const keys = JSON.parse(keysJson!) as string[];
let seed = Number(seedText);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const order = keys
  .map((k) => ({ k, r: random() }))
  .sort((a, b) => a.r - b.r)
  .map((x) => x.k);

const store = new SqliteIdempotencyStore({ path: dbPath! });
createLedger(store.db);
const processRequest = createIdempotencyMiddleware(store);
// Yield inside the handler so requests from other processes interleave with ours.
const handler = transferHandler({ beforeCommit: () => new Promise((resolve) => setImmediate(resolve)) });

const bodies: Record<string, string> = {};
const statuses: Record<string, number> = {};
for (const key of order) {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const response = await processRequest(
      {
        method: 'POST',
        path: '/transfers',
        user: user!,
        headers: { 'idempotency-key': key },
        body: JSON.stringify({ amount: 1, to: key.slice(0, 8) }),
      },
      handler,
    );
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    if (response.status !== 409) {
      bodies[key] = `${response.status} ${response.body.toString('base64')}`;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
store.close();
process.stdout.write(JSON.stringify({ bodies, statuses }) + '\n');
