/**
 * The runnable service (`npm run serve:idempotency`): a user issues a
 * token, starts the server on a database file, and gets idempotent
 * transfers; SIGTERM stops it cleanly.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { countEffects, SqliteIdempotencyStore } from '../../../src/impl/idempotency/index.js';
import { newKey, tempDir } from './helpers.js';
import { waitForLine } from './processes.js';

const script = fileURLToPath(new URL('../../../tools/serve-idempotency.ts', import.meta.url));
const SECRET = 'the service secret, thirty-two bytes or more';

function serve(
  args: string[],
  env: Record<string, string> = { IDEMPOTENCY_TOKEN_SECRET: SECRET },
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('serve-idempotency', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('serves idempotent transfers to a token holder and stops on SIGTERM', async () => {
    const dbPath = join(tmp.dir, 'service.db');
    const token = execFileSync(process.execPath, ['--import', 'tsx', script, 'token', 'alice'], {
      env: { ...process.env, IDEMPOTENCY_TOKEN_SECRET: SECRET },
    })
      .toString()
      .trim();
    const server = serve(['--db', dbPath, '--port', '0']);
    const exited = exitCode(server);
    try {
      const url = (await waitForLine(server, /^listening /)).split(' ')[1]!;
      const key = newKey();
      const send = () =>
        fetch(new URL('/transfers', url), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
          body: '{"amount":12,"to":"bob"}',
        });
      const first = await send();
      const again = await send();
      expect(first.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(await first.text());
      const noToken = await fetch(new URL('/transfers', url), { method: 'POST', body: '{}' });
      expect(noToken.status).toBe(401);
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      const check = new SqliteIdempotencyStore({ path: dbPath });
      expect(countEffects(check.db, 'alice', key)).toBe(1);
      check.close();
    } finally {
      server.kill('SIGKILL');
    }
  });

  it('refuses to start without a long enough token secret', async () => {
    const server = serve(['--db', join(tmp.dir, 'unused.db'), '--port', '0'], {
      IDEMPOTENCY_TOKEN_SECRET: 'short',
    });
    expect(await exitCode(server)).toBe(2);
  });
});
