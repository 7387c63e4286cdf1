/**
 * Whether the user asked a running check to stop (SIGINT, SIGTERM, SIGHUP), read
 * from the flag the main thread shares with the worker that runs tlaw
 * (src/cli/worker-host.ts). Without a worker (tlaw's commands called
 * in-process), nothing can ask, and no stop is ever requested.
 */
import { constants } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import type { WorkerInput } from './worker-host.js';

const flag =
  !isMainThread && (workerData as WorkerInput | undefined)?.stop instanceof SharedArrayBuffer
    ? new Int32Array((workerData as WorkerInput).stop)
    : undefined;

/** The name of the signal that asked to stop (`SIGINT`), or undefined. Cheap enough to call per state. */
export function stopRequested(): string | undefined {
  if (!flag) return undefined;
  const n = Atomics.load(flag, 0);
  if (n === 0) return undefined;
  return Object.entries(constants.signals).find(([, v]) => v === n)?.[0] ?? `signal ${n}`;
}
