import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IdempotentRequest, issueToken } from '../../../src/impl/idempotency/index.js';

/** A clock tests move by hand. */
export class ManualClock {
  constructor(public t = 1_000_000) {}
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'idem-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function transferRequest(
  user: string,
  key: string | undefined,
  body: unknown = { amount: 10, to: 'bob' },
): IdempotentRequest {
  return {
    method: 'POST',
    path: '/transfers',
    user,
    headers: key === undefined ? {} : { 'idempotency-key': key },
    body: JSON.stringify(body),
  };
}

export const newKey = (): string => randomUUID();

/** A promise plus its resolver: lets a test hold a handler mid-flight. */
export function gate(): { wait: () => Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait: () => promise, open };
}

/** The signing secret of the test servers (worker processes get it as an argument). */
export const TEST_SECRET = 'a test secret of at least thirty-two bytes';

export const tokenFor = (user: string): string => issueToken(TEST_SECRET, user);

/** The Authorization header of `user`. */
export const authFor = (user: string): { authorization: string } => ({
  authorization: `Bearer ${tokenFor(user)}`,
});
