/**
 * How a worker thread (parallel search or simulation) compiles the model its
 * coordinator checks: from the same files, with the same string order, so
 * that its states and the coordinator's are alike.
 */
import type { LoadedWorkerModel } from '../check/search/parallel/level-worker.js';
import { resetStringOrder } from '../check/value/index.js';
import { loadModel } from './check-load.js';

/** What a worker needs to load the model the coordinator checks. */
export interface CheckWorkerSource {
  spec: string;
  config: string;
  libPaths: string[];
}

export function loadWorkerModel(source: unknown): LoadedWorkerModel {
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
