export { type BfsOptions, bfs, type SearchProgress } from './bfs.js';
export type { Frontier, LevelSearch } from './level-search.js';
export { checkAssumptions, checkPostconditions, tlcLocation } from './outcome.js';
export { type Prng, seededPrng } from './prng.js';
export { MemoryStateQueue, type StateQueue } from './queue.js';
export { type SimulateOptions, simulate } from './simulate.js';
export { type SpillingQueueOptions, SpillingStateQueue } from './spilling-queue.js';
export { fingerprintSlot, MemoryStateStore, type SeenStateStore } from './store.js';
export {
  findStored,
  type PathState,
  pathIds,
  rebuildPath,
  rebuildStates,
  toTraceSteps,
} from './trace.js';
