/**
 * The thread that starts a pool's search workers and watches them.
 *
 * The coordinator waits for its workers synchronously (Atomics.wait), so it
 * cannot receive a Worker's 'exit' or 'error' event while a level runs: a
 * worker that died (out of memory, a crash) would leave it waiting for ever.
 * The workers are therefore started by this small thread, whose event loop
 * stays free: when one of them stops, it posts why on its own port and wakes
 * the coordinator through the pool's `answered` word.
 *
 * It runs as evaluated code (no imports of this project), so it needs no
 * TypeScript loader; `supervisorSource` is that code.
 */
import type { MessagePort } from 'node:worker_threads';

/** What the supervisor receives as workerData. */
export interface SupervisorData {
  /** The workers' script: a file URL, or code to evaluate. */
  script: string;
  evaluate: boolean;
  stackSizeMb: number;
  /** Per worker, the data it starts with (each holds the worker's port, transferred). */
  workers: unknown[];
  /** Where the supervisor reports a worker that stopped. */
  report: MessagePort;
  /** The pool's `answered` word, to wake the coordinator. */
  answered: SharedArrayBuffer;
}

/** A worker that stopped while the pool was in use. */
export interface WorkerStopped {
  worker: number;
  /** The error it died of, or its exit code. */
  reason: string;
  /** Node's error code (ERR_WORKER_OUT_OF_MEMORY for a worker out of heap). */
  code?: string;
}

/** Added to `answered` when a worker stops, so that the waiting coordinator wakes whatever the count. */
export const STOPPED_WAKE = 1 << 20;

export const supervisorSource = `
const { Worker, workerData } = require('node:worker_threads');
const d = workerData;
let reported = false;
const stopped = (worker, reason, code) => {
  if (reported) return;
  reported = true;
  d.report.postMessage({ worker, reason, ...(code ? { code } : {}) });
  const answered = new Int32Array(d.answered);
  Atomics.add(answered, 0, ${STOPPED_WAKE});
  Atomics.notify(answered, 0);
};
d.workers.forEach((data, i) => {
  const w = new Worker(d.evaluate ? d.script : new URL(d.script), {
    eval: d.evaluate,
    workerData: data,
    transferList: [data.port],
    resourceLimits: { stackSizeMb: d.stackSizeMb },
  });
  w.on('error', (err) => stopped(i, String((err && err.message) || err), err && err.code));
  w.on('exit', (code) => stopped(i, 'it exited with code ' + code));
});
`;
