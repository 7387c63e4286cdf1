export { formatCoverage } from './coverage.js';
export { resultToTrace, traceToResultSteps } from './itf-trace.js';
export {
  type CheckResultJson,
  checkResultJsonLine,
  checkResultToJson,
  type JsonTraceStep,
  traceStepToJson,
} from './json.js';
export { formatProgress, type ProgressLine, progressLine } from './progress.js';
export {
  actionNameWithArgs,
  formatBackToState,
  formatCheckReport,
  formatErrorLocation,
  formatInitialStates,
  formatLassoEnd,
  formatStateLines,
  formatStepHeader,
  formatSummary,
  formatTrace,
  type ReportOptions,
} from './text.js';
