/**
 * A worker thread of the parallel simulation (`tlaw check --simulate N
 * --workers K`): for each run it compiles the spec itself, as the
 * coordinator did, then walks the behaviours of each round it is sent
 * (src/check/search/parallel/simulate-worker.ts).
 */
import { workerData } from 'node:worker_threads';
import type { WorkerStart } from '../check/search/parallel/protocol.js';
import { serveWalks } from '../check/search/parallel/simulate-worker.js';
import { loadWorkerModel } from './worker-model.js';

/** The module a simulation worker runs: this one (compiled .js, or .ts under tsx). */
export const simulateWorkerEntry = new URL(import.meta.url);

const start = workerData as WorkerStart | undefined;
if (start?.port) serveWalks(start, loadWorkerModel);
