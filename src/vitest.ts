/**
 * `tla-workbench/vitest`: the helpers that define vitest tests (vitest is a
 * peer dependency of the package, needed only by projects that import this
 * entry). `traceTests(dir, binding)` makes every saved `*.itf.json` trace a
 * test; `xstateTests` covers every transition of an abstracted spec graph.
 */
export {
  listTraceFiles,
  replayTraceFile,
  type TraceBinding,
  type TraceExpectationFor,
  type TraceTestsOptions,
  traceTests,
} from './mbt/vitest.js';
export { replayCoveringPath, type XStateTestsOptions, xstateTests } from './mbt/vitest-xstate.js';
