/**
 * Real TLC: finding Java and tla2tools.jar, installing the jar, running TLC
 * (`runTlc`), and reading what TLC writes — the `-tool` message stream, the
 * plain text output and the `-dumpTrace json` file — into one summary shape
 * and raw traces, plus a reader for values in TLC's printed syntax.
 */
export { cfgPropertyNames } from './cfg-properties.js';
export {
  type AdapterOptions,
  type RecoveredSteps,
  rawActionToLabel,
  rawTraceToSteps,
  summaryToCheckResult,
  type TraceRecovery,
  tlcLocationToLoc,
  toExitCode,
} from './check-result.js';
export {
  DEFAULT_JAVA_OPTIONS,
  splitArguments,
  type TlcCommandOptions,
  type TlcSimulation,
  tlcCommandLine,
} from './command-line.js';
export { TLA2TOOLS_RELEASE, type TlcInstallOptions, tlcInstall } from './install.js';
export {
  DEFAULT_JAR_PATH,
  findJava,
  findTlaJar,
  type LocateOptions,
  locateTlc,
  type TlcTools,
} from './locate.js';
export { classifyErrorText, TlcCode } from './message-codes.js';
export { progressOf, type RunTlcOptions, runTlc, STOP_SIGNALS, type TlcProgress } from './runner.js';
export {
  inferExitCode,
  parseTextOutput,
  parseTlcOutput,
  parseToolOutput,
  type SummarizeOptions,
  summarizeTlcItems,
} from './summarize.js';
export { splitTextOutput } from './text-output.js';
export {
  splitToolOutput,
  type ToolItem,
  type ToolMessage,
  type ToolMessageClass,
  ToolMessageSplitter,
  type ToolText,
} from './tool-messages.js';
export { readTlcTraceJson } from './trace-json.js';
export { findLocation, parseActionLabel, parseStateAssignments, parseStateHeader } from './trace-text.js';
export type {
  RawActionLabel,
  RawJsonTrace,
  RawTextTrace,
  RawTrace,
  RawTraceState,
  TlcLocation,
  TlcResultKind,
  TlcSummary,
} from './types.js';
export { parseValueText } from './value-text.js';
