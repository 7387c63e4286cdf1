/**
 * Runs the `tlaw` program as users do: a separate process, started from
 * src/cli.ts through tsx's loader, so that the worker thread with its large
 * stack, signals and broken pipes behave as they do for the installed binary.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = resolve(import.meta.dirname, '..', '..', 'src', 'cli.ts');
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface TlawRun {
  child: ChildProcess;
  /** Resolves when the process has ended, with everything it wrote. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** stdout so far. */
  stdout(): string;
  /** stderr so far. */
  stderr(): string;
}

const running = new Set<ChildProcess>();

/** Kills the tlaw processes still running (for an `afterAll`, so a failed test leaves none behind). */
export function killRunningTlaw(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function startTlaw(args: readonly string[], env: NodeJS.ProcessEnv = {}): TlawRun {
  const child = spawn(process.execPath, ['--import', tsx, entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  running.add(child);
  const done = new Promise<Awaited<TlawRun['done']>>((res) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      res({ code, signal, stdout, stderr });
    });
  });
  return { child, done, stdout: () => stdout, stderr: () => stderr };
}

export function runTlaw(args: readonly string[], env: NodeJS.ProcessEnv = {}): TlawRun['done'] {
  return startTlaw(args, env).done;
}

/** Resolves once `run`'s stdout (or stderr) matches `pattern`; rejects if tlaw ends first. */
export function waitForOutput(
  run: TlawRun,
  pattern: RegExp,
  stream: 'stdout' | 'stderr' = 'stdout',
): Promise<void> {
  const source = stream === 'stdout' ? run.child.stdout! : run.child.stderr!;
  const text = stream === 'stdout' ? run.stdout : run.stderr;
  return new Promise((res, rej) => {
    const check = (): void => {
      if (!pattern.test(text())) return;
      source.off('data', check);
      res();
    };
    source.on('data', check);
    run.child.on('close', () => rej(new Error(`tlaw ended before printing ${pattern}: ${text()}`)));
    check();
  });
}
