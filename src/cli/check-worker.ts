/**
 * A worker thread of the parallel search (`tlaw check --workers N`): for
 * each search it compiles the spec itself, as the coordinator did, then
 * explores the chunks of each level it is sent
 * (src/check/search/parallel/level-worker.ts).
 */
import { workerData } from 'node:worker_threads';
import { serveLevels } from '../check/search/parallel/level-worker.js';
import type { WorkerStart } from '../check/search/parallel/protocol.js';
import { loadWorkerModel } from './worker-model.js';

export type { CheckWorkerSource } from './worker-model.js';

/** The module a worker runs: this one (compiled .js, or .ts under tsx). */
export const checkWorkerEntry = new URL(import.meta.url);

const start = workerData as WorkerStart | undefined;
if (start?.port) serveLevels(start, loadWorkerModel);
