/**
 * The one trace type (`Trace`), ITF read/write, import of TLC's traces, and
 * typed recovery of lossy traces by re-executing the spec.
 */
export { type CheckTraceMeta, traceFromCheckResult } from './from-check.js';
export {
  detectTlcOutputKind,
  importTlcOutput,
  type TlcOutputKind,
  type TraceMeta,
  textTraceToTrace,
  tlcOutputToTrace,
} from './import-tlc.js';
export { formatItf, ITF_FORMAT_DESCRIPTION, type ItfTrace, readItf, writeItf } from './itf.js';
export { fromItfValue, type ItfValue, ItfValueError, toItfValue } from './itf-value.js';
export { matchesTlcJson } from './match-json.js';
export { pathSegment, traceFilePath } from './paths.js';
export { type RecoveredTrace, type RecoverOptions, recoverTrace } from './recover.js';
export { type TraceAction, traceActionOf, traceActionsOf } from './trace-actions.js';
export type { Trace, TraceState } from './types.js';
