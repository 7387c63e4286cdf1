/**
 * A worker thread of the parallel simulation (`tlaw check --simulate N
 * --workers K`): for each run it compiles the spec itself, as the
 * coordinator did, then walks the behaviours of each round it is sent
 * (src/check/search/parallel/simulate-worker.ts).
 */
import { workerData } from 'node:worker_threads';
import type { WorkerStart } from '../check/search/parallel/protocol.js';
import { type LoadedSimulationModel, serveWalks } from '../check/search/parallel/simulate-worker.js';
import { resetStringOrder } from '../check/value/index.js';
import { loadModel } from './check-load.js';
import type { CheckWorkerSource } from './check-worker.js';

/** The module a simulation worker runs: this one (compiled .js, or .ts under tsx). */
export const simulateWorkerEntry = new URL(import.meta.url);

function load(source: unknown): LoadedSimulationModel {
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
if (start?.port) serveWalks(start, load);
