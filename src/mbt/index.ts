/**
 * Traces become tests: bindings tie a spec to an implementation; replay,
 * fast-check and saved-trace helpers drive the implementation through them.
 * The vitest helpers (`traceTests` in ./vitest.ts, `xstateTests` in
 * ./vitest-xstate.ts) are not exported here, so that loading this module
 * never loads vitest.
 */
export { type ActionParams, type Binding, defineBinding, type MaybePromise } from './binding.js';
export { diffState, formatDiff, type VariableDiff } from './compare.js';
export {
  checkSpecProperty,
  type SpecCheckResult,
  SpecDivergence,
  type SpecPropertyOptions,
  type SpecRun,
  specProperty,
  stateRecord,
} from './fastcheck.js';
export { loadBinding } from './load-binding.js';
export {
  describeCall,
  paramsOf,
  type ReplayFailure,
  type ReplayResult,
  type ReplayStep,
  replay,
  thrownMessage,
} from './replay.js';
export {
  expectationOf,
  readTraceFile,
  type SaveTraceOptions,
  type StepsTraceMeta,
  saveTrace,
  stepsToTrace,
  type TraceExpectation,
  type TraceFile,
  type TraceOutcome,
  traceMismatch,
  traceToSteps,
} from './trace-files.js';
export {
  asBoolean,
  asNumber,
  asString,
  tlaFcn,
  tlaModelValue,
  tlaRecord,
  tlaSeq,
  tlaSet,
} from './values.js';
export {
  type AbstractEdge,
  type AbstractGraph,
  type CoveringPath,
  coverTransitions,
  type TransitionCoverage,
  type TransitionCoverOptions,
} from './xstate.js';
