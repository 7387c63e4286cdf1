import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const fixture = join(root, 'test', 'fixtures', 'tlc', '22-second-invariant');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `tlaw check --engine tlc` as its own process, with a stand-in java that pauses halfway. */
function startCheck(): {
  child: ChildProcess;
  javaPidFile: string;
  output: () => string;
  done: Promise<number | null>;
} {
  const work = mkdtempSync(join(tmpdir(), 'tlaw-tlc-signal-'));
  const jar = join(work, 'tla2tools.jar');
  writeFileSync(jar, 'stand-in');
  const javaPidFile = join(work, 'java.pid');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src', 'cli.ts'),
      'check',
      '--engine',
      'tlc',
      '--tlc-jar',
      jar,
      join(fixture, 'TwoInvariants.tla'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        JAVA_HOME: join(root, 'tools', 'fake-java'),
        TLAW_FAKE_JAVA_CASE: fixture,
        TLAW_FAKE_JAVA_SLEEP_MS: '600000',
        TLAW_FAKE_JAVA_PID_FILE: javaPidFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout?.on('data', (d) => (text += d));
  child.stderr?.on('data', (d) => (text += d));
  const done = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, javaPidFile, output: () => text, done };
}

describe('ending tlaw ends TLC', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s stops the JVM and prints what was explored (exit %i)', async (signal, code) => {
    const run = startCheck();
    await expect.poll(() => existsSync(run.javaPidFile), { timeout: 60_000 }).toBe(true);
    const java = Number(readFileSync(run.javaPidFile, 'utf8'));
    run.child.kill(signal);
    expect(await run.done).toBe(code);
    expect(run.output()).toContain(`TLC was stopped by ${signal}`);
    await expect.poll(() => isAlive(java), { timeout: 10_000 }).toBe(false);
  });

  it('a tlaw killed outright (SIGKILL) leaves no JVM behind', async () => {
    const run = startCheck();
    await expect.poll(() => existsSync(run.javaPidFile), { timeout: 60_000 }).toBe(true);
    const java = Number(readFileSync(run.javaPidFile, 'utf8'));
    run.child.kill('SIGKILL');
    await run.done;
    await expect.poll(() => isAlive(java), { timeout: 10_000 }).toBe(false);
  });
});
