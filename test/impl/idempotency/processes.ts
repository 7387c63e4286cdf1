import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerDir = fileURLToPath(new URL('./workers/', import.meta.url));

/** Start a TypeScript worker script in its own Node process (through tsx). */
export function spawnWorker(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', workerDir + script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolve with the first stdout line matching `pattern`; reject if the process exits first. */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        if (pattern.test(line)) {
          child.stdout?.off('data', onData);
          resolve(line);
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before ${pattern}: ${stderr}`)));
  });
}

/** Collect a worker's whole stdout; reject on a non-zero exit. */
export function runToEnd(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`worker exited ${code}: ${err}`)),
    );
  });
}
