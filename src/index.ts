/**
 * The public API of the `tla-workbench` package (`import … from 'tla-workbench'`):
 * bindings of specs to implementations, trace replay, fast-check with the
 * spec as the model, saved-trace files, loading a spec and its .cfg as a
 * checkable model, the ITF trace format, and TLC's exit codes.
 *
 * The vitest helpers (`traceTests`, `xstateTests`) are a separate entry,
 * `tla-workbench/vitest` (src/vitest.ts), so that importing this module
 * never loads vitest. Nothing outside this file and src/vitest.ts is part
 * of the package's interface: the `exports` map of package.json names only
 * these two.
 */
export type { ActionLabel, Model, State, Transition } from './check/model.js';
export type { CheckOutcome, CheckResult, TraceStep } from './check/result.js';
export type { Value } from './check/value/index.js';
export { type LoadedModel, type LoadModelOptions, loadModel } from './cli/check-load.js';
export { type Diagnostic, ExitCode, formatDiagnostic } from './errors.js';
export * from './mbt/index.js';
export {
  formatItf,
  type ItfTrace,
  type ItfValue,
  readItf,
  type Trace,
  type TraceState,
  traceFilePath,
  writeItf,
} from './trace/index.js';
