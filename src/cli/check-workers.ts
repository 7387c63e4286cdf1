/**
 * `tlaw check --workers N|auto` with the embedded checker: the parallel
 * breadth-first search (src/check/search/parallel), when the run can use it.
 * Liveness checking records the whole behaviour graph in one thread, so runs
 * that check temporal properties search with one worker, and say so. Action
 * coverage is counted by the workers and added up level by level.
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { EvalModel } from '../check/eval/index.js';
import type { LevelSearch } from '../check/search/level-search.js';
import {
  type ParallelSearchOptions,
  WorkerLevelSearch,
} from '../check/search/parallel/worker-level-search.js';
import type { Diagnostic } from '../errors.js';
import { type CheckWorkerSource, checkWorkerEntry } from './check-worker.js';

/** Parses `--workers`: a positive integer, or `auto` (one per core the process may use). */
export function parseWorkers(text: string): number {
  if (text === 'auto') return availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('--workers must be a positive integer or auto.');
  return n;
}

export interface ParallelPlan {
  levels?: LevelSearch;
  /** Why the run uses one worker after all. */
  note?: Diagnostic;
}

/**
 * The level search for a run with `workers` threads (or with checkpoints,
 * which need it even for one), or a note on why the run uses one thread.
 */
export function planWorkers(
  workers: number | undefined,
  model: EvalModel,
  source: CheckWorkerSource,
  run: {
    /** The run counts action coverage (which a checkpoint does not keep). */
    coverage: boolean;
    simulate: boolean;
    print: (line: string) => void;
    checkpoints?: Pick<ParallelSearchOptions, 'checkpoint' | 'recover'>;
    /** States the seen-state store is sized for up front (`--fpmem`). */
    storeCapacity?: number;
  },
): ParallelPlan {
  // Simulation runs threads of its own (check-simulate.ts).
  if (run.simulate) return {};
  const checkpoints = run.checkpoints ?? {};
  const wantsCheckpoints = checkpoints.checkpoint !== undefined || checkpoints.recover !== undefined;
  if (!wantsCheckpoints && (workers === undefined || workers <= 1)) return {};
  const what =
    wantsCheckpoints && (workers ?? 1) <= 1 ? '--checkpoint and --recover' : `--workers ${workers}`;
  const oneWorker = (why: string): ParallelPlan => ({
    note: {
      code: 'unsupported',
      severity: 'warning',
      message: `${what}: ${why}, so this run uses one thread${wantsCheckpoints ? ' and no checkpoint' : ''}.`,
    },
  });
  if (model.temporalProperties.length > 0)
    return oneWorker('temporal properties are checked on the behaviour graph one thread records');
  if (run.coverage && wantsCheckpoints) return oneWorker('a checkpoint does not keep action coverage');
  return {
    levels: new WorkerLevelSearch({
      workers: workers ?? 1,
      entry: checkWorkerEntry,
      source,
      print: run.print,
      ...checkpoints,
      ...(run.storeCapacity !== undefined ? { storeCapacity: run.storeCapacity } : {}),
    }),
  };
}
