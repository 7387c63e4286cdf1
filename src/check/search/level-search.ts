/**
 * The seam between the breadth-first search (bfs.ts) and a search that
 * explores whole levels at a time elsewhere (the parallel search, in
 * ./parallel/): what it is given and what it must leave behind.
 */
import type { CoverageCounter } from '../coverage.js';
import type { Model } from '../model.js';
import type { SearchProgress } from './bfs.js';
import type { StateQueue } from './queue.js';
import type { StopRequest } from './stop.js';
import type { SeenStateStore } from './store.js';

/**
 * Explores the search level by level from the initial states (on the queue)
 * for as long as no level holds anything to report (a violation, a
 * deadlock, an evaluation error) and no stop is asked. It returns with the
 * queue holding exactly the states of the first level it did not finish, in
 * the order this search would hold them, and the store and counts as this
 * search would have them; the per-state loop then goes on from there, so
 * every report is the sequential search's own.
 */
export interface LevelSearch {
  /** The store the search must use (one its threads can read), when it has one of its own. */
  readonly store?: SeenStateStore;
  run(frontier: Frontier): void;
  /** Ends what it started (threads); called once the search is over. */
  close(): void;
}

/** The search's state between levels, as a LevelSearch reads and updates it. */
export interface Frontier {
  readonly model: Model;
  readonly store: SeenStateStore;
  readonly queue: StateQueue;
  /** Level of the states on the queue. */
  level: number;
  totalStates: number;
  depth: number;
  readonly checkDeadlock: boolean;
  readonly startedAt: number;
  readonly stop?: StopRequest;
  readonly onProgress?: (progress: SearchProgress) => void;
  /** Action coverage, when the search counts it (a level search adds its levels' counts). */
  readonly coverage?: CoverageCounter;
}
