#!/usr/bin/env node
/**
 * Entry point of the `tlaw` binary (bin/tlaw.js loads the compiled form of
 * this file). The program runs on a worker thread with a large stack
 * (src/cli/worker-host.ts); TLAW_NO_WORKER=1 runs it on the main thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './cli/main.js';
import { endQuietlyOnBrokenPipe, runCliInWorker, type WorkerInput } from './cli/worker-host.js';

if (isMainThread && !process.env.TLAW_NO_WORKER) {
  await runCliInWorker(new URL(import.meta.url), process.argv);
} else if (isMainThread) {
  endQuietlyOnBrokenPipe();
  await main(process.argv);
} else {
  const input = workerData as WorkerInput;
  // The worker's streams are pipes to the parent's: answer as the parent's would.
  if (input.stdoutIsTTY) Object.defineProperty(process.stdout, 'isTTY', { value: true });
  if (input.stderrIsTTY) Object.defineProperty(process.stderr, 'isTTY', { value: true });
  // Signals reach the main thread only; it passes them on (worker-host.ts).
  parentPort?.on('message', (m: { signal?: NodeJS.Signals }) => {
    if (m.signal) process.emit(m.signal, m.signal);
  });
  parentPort?.unref();
  await main(input.argv);
}
