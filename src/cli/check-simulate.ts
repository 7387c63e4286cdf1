/**
 * `tlaw check --simulate N`: one thread walks the behaviours, or with
 * `--workers K` (K > 1) K worker threads do
 * (src/check/search/parallel/simulate-coordinator.ts). With several
 * workers each behaviour has a generator of its own, so a seed gives the
 * same result with any number of workers above one, but not the result of
 * one worker, whose behaviours share one generator.
 */
import type { Model } from '../check/model.js';
import type { CheckResult } from '../check/result.js';
import { type SimulateOptions, simulate } from '../check/search/index.js';
import { simulateInParallel } from '../check/search/parallel/simulate-coordinator.js';
import type { CheckWorkerSource } from './check-worker.js';
import { simulateWorkerEntry } from './simulate-worker.js';

export function simulateWithWorkers(
  model: Model,
  options: SimulateOptions,
  run: { workers: number | undefined; source: CheckWorkerSource; print: (line: string) => void },
): CheckResult {
  if (run.workers === undefined || run.workers <= 1) return simulate(model, options);
  return simulateInParallel(model, {
    ...options,
    workers: run.workers,
    entry: simulateWorkerEntry,
    source: run.source,
    print: run.print,
  });
}
