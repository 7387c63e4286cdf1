export { type BfsOptions, bfs, type SearchProgress } from './bfs.js';
export { checkAssumptions, checkPostconditions, tlcLocation } from './outcome.js';
export { type Prng, seededPrng } from './prng.js';
export { MemoryStateQueue, type StateQueue } from './queue.js';
export { type SimulateOptions, simulate } from './simulate.js';
export { MemoryStateStore, type SeenStateStore } from './store.js';
export { type PathState, pathIds, rebuildPath, toTraceSteps } from './trace.js';
