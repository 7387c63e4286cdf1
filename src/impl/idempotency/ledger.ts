/**
 * A small business domain for demos, tests and benchmarks: money transfers.
 *
 * Each applied transfer is a row in `transfers`, tagged with the user and
 * idempotency key of the request that applied it, so "exactly one effect
 * per key" can be counted. A two-step variant (`reserve` then `capture`)
 * exercises workflow recovery points.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Handler, HandlerResult } from './middleware.js';

export function createLedger(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS transfers (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    idem_key TEXT,
    step TEXT NOT NULL,
    amount INTEGER NOT NULL,
    recipient TEXT NOT NULL
  )`);
}

export interface TransferRequest {
  amount: number;
  to: string;
}

function parseTransfer(body: string): TransferRequest | undefined {
  try {
    const value = JSON.parse(body) as Partial<TransferRequest> | null;
    // Whole amounts only: `1e400` parses to Infinity and 2^53 + 1 to 2^53, neither is what was sent.
    if (value !== null && Number.isSafeInteger(value.amount) && typeof value.to === 'string')
      return { amount: value.amount!, to: value.to };
  } catch {
    // not JSON: rejected below
  }
  return undefined;
}

function insertTransfer(
  db: Database.Database,
  id: string,
  user: string,
  key: string | undefined,
  step: string,
  t: TransferRequest,
) {
  db.prepare(
    'INSERT INTO transfers (id, user_id, idem_key, step, amount, recipient) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, user, key ?? null, step, t.amount, t.to);
}

function rejected(message: string): HandlerResult {
  return {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error: message }),
  };
}

export interface TransferHandlerOptions {
  /** Awaited before the effect is returned: lets tests hold a request in the middle of its handler. */
  beforeCommit?: () => Promise<void>;
}

/** POST /transfers: `{ amount, to }` → 201 with a new transfer id; amount <= 0 → 400. */
export function transferHandler(options: TransferHandlerOptions = {}): Handler {
  return async (request, context) => {
    const transfer = parseTransfer(request.body);
    if (transfer === undefined) return rejected('body must be { amount: whole number, to: string }');
    if (transfer.amount <= 0) return rejected('amount must be positive');
    await options.beforeCommit?.();
    const id = randomUUID();
    return {
      status: 201,
      headers: { 'content-type': 'application/json', location: `/transfers/${id}` },
      body: JSON.stringify({ id, amount: transfer.amount, to: transfer.to }),
      effect: (db) => insertTransfer(db, id, request.user, context.key, 'transfer', transfer),
    };
  };
}

/** POST /orders: a two-step workflow, reserve (step 1) then capture (step 2). */
export function twoStepHandler(options: { betweenSteps?: () => Promise<void> } = {}): Handler {
  return async (request, context) => {
    const transfer = parseTransfer(request.body);
    if (transfer === undefined) return rejected('body must be { amount: number, to: string }');
    await context.step(1, (db) =>
      insertTransfer(db, randomUUID(), request.user, context.key, 'reserve', transfer),
    );
    await options.betweenSteps?.();
    const id = randomUUID();
    return {
      status: 201,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, resumed: context.resumeAfter > 0 }),
      effect: (db) => insertTransfer(db, id, request.user, context.key, 'capture', transfer),
    };
  };
}

/** How many effects were applied for (user, key), per step name. */
export function countEffects(db: Database.Database, user: string, key: string, step = 'transfer'): number {
  const row = db
    .prepare<[string, string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM transfers WHERE user_id = ? AND idem_key = ? AND step = ?',
    )
    .get(user, key, step);
  return row?.n ?? 0;
}

export function countAllEffects(db: Database.Database, step = 'transfer'): number {
  return (
    db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM transfers WHERE step = ?').get(step)?.n ??
    0
  );
}
