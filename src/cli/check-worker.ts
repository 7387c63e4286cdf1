/**
 * A worker thread of the parallel search (`tlaw check --workers N`): for
 * each search it compiles the spec itself, as the coordinator did, then
 * explores the chunks of each level it is sent
 * (src/check/search/parallel/level-worker.ts).
 */
import { workerData } from 'node:worker_threads';
import { type LoadedWorkerModel, serveLevels } from '../check/search/parallel/level-worker.js';
import type { WorkerStart } from '../check/search/parallel/protocol.js';
import { resetStringOrder } from '../check/value/index.js';
import { loadModel } from './check-load.js';

/** What a worker needs to load the model the coordinator checks. */
export interface CheckWorkerSource {
  spec: string;
  config: string;
  libPaths: string[];
}

/** The module a worker runs: this one (compiled .js, or .ts under tsx). */
export const checkWorkerEntry = new URL(import.meta.url);

function load(source: unknown): LoadedWorkerModel {
  const { spec, config, libPaths } = source as CheckWorkerSource;
  // As the coordinator does for each model: the string order is the model's own (TLC's).
  resetStringOrder();
  let printed: string[] = [];
  const loaded = loadModel(spec, config, { libPaths, print: (line) => printed.push(line) });
  // Lines printed while compiling (constant definitions) were printed by the coordinator already.
  printed = [];
  const takePrinted = (): string[] => {
    const lines = printed;
    printed = [];
    return lines;
  };
  if (loaded.model) return { model: loaded.model, takePrinted };
  const problem = loaded.diagnostics.find((d) => d.severity === 'error')?.message ?? 'the model did not load';
  return { problem, takePrinted };
}

const start = workerData as WorkerStart | undefined;
if (start?.port) serveLevels(start, load);
