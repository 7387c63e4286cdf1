/**
 * Turns a TLC summary into the result shape the embedded checker returns
 * (src/check/result.ts), so `tlaw check --engine tlc` reports like the
 * embedded engine: same fields, trace values as real values.
 */
import { join } from 'node:path';
import type { ActionLabel } from '../check/model.js';
import type { CheckResult, TraceStep } from '../check/result.js';
import { type Diagnostic, ExitCode } from '../errors.js';
import type { Loc } from '../tla/ast.js';
import type { RawActionLabel, RawTextTrace, TlcLocation, TlcSummary } from './types.js';
import { parseValueText } from './value-text.js';

/** A `CheckResult` from real TLC, with what only TLC reports. */
export interface TlcCheckResult extends CheckResult {
  /** The summary as read from TLC's output. */
  summary: TlcSummary;
  /** The trace as TLC printed it (values as text). */
  rawTrace?: RawTextTrace;
}

const KNOWN_EXIT_CODES = new Set<number>(Object.values(ExitCode));

/** TLC's exit code as an `ExitCode` (unknown codes, e.g. a JVM crash, become 255). */
export function toExitCode(code: number): ExitCode {
  return KNOWN_EXIT_CODES.has(code) ? (code as ExitCode) : ExitCode.systemError;
}

/** TLC prints the last column inclusive; a `Loc` ends just after it. */
export function tlcLocationToLoc(loc: TlcLocation, specDir = '.'): Loc {
  return {
    file: join(specDir, `${loc.module}.tla`),
    line: loc.line,
    col: loc.col,
    endLine: loc.endLine,
    endCol: loc.endCol + 1,
  };
}

/** A label TLC printed as an action label of the project (no parameters: TLC does not print them). */
export function rawActionToLabel(raw: RawActionLabel, specDir = '.'): ActionLabel {
  return {
    name: raw.name,
    ...(raw.location ? { loc: tlcLocationToLoc(raw.location, specDir), module: raw.location.module } : {}),
    params: [],
  };
}

/** The trace with values read; a value TLC printed in a form tlaw cannot read is reported, not guessed. */
export function rawTraceToSteps(
  trace: RawTextTrace,
  specDir = '.',
): { value?: TraceStep[]; diagnostics: Diagnostic[] } {
  const steps: TraceStep[] = [];
  for (const s of trace.states) {
    const state: TraceStep['state'] = [];
    for (const [name, text] of Object.entries(s.values)) {
      const { value, error } = parseValueText(text);
      if (error !== undefined || value === undefined) {
        return {
          diagnostics: [
            {
              code: 'unsupported',
              severity: 'error',
              message: `state ${s.index}, variable ${name}: ${error}`,
            },
          ],
        };
      }
      state.push([name, value]);
    }
    steps.push({ index: s.index, action: rawActionToLabel(s.action, specDir), state });
  }
  return { value: steps, diagnostics: [] };
}

/** The result for a finished TLC run. */
export function summaryToCheckResult(summary: TlcSummary, durationMs: number, specDir = '.'): TlcCheckResult {
  const diagnostics: Diagnostic[] = [];
  let trace: TraceStep[] | null = null;
  if (summary.trace) {
    const steps = rawTraceToSteps(summary.trace, specDir);
    diagnostics.push(...steps.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })));
    trace = steps.value ?? null;
  }
  const loc = summary.errorLocation ? tlcLocationToLoc(summary.errorLocation, specDir) : undefined;
  if (summary.exitCode === ExitCode.parseError && summary.errorMessage) {
    diagnostics.push({
      code: /^Unknown operator/.test(summary.errorMessage) ? 'undefined' : 'syntax',
      severity: 'error',
      message: summary.errorMessage,
      ...(loc ? { loc } : {}),
    });
  }
  const result: TlcCheckResult = {
    result: summary.result,
    violated: summary.violated,
    distinctStates: summary.distinctStates,
    totalStates: summary.totalStates,
    statesLeftOnQueue: summary.statesLeftOnQueue,
    initialStates: summary.initialStates,
    depth: summary.depth,
    durationMs,
    trace,
    diagnostics,
    exitCode: toExitCode(summary.exitCode),
    summary,
  };
  if (summary.errorText !== null) result.message = summary.errorText;
  if (loc) result.errorLoc = loc;
  if (summary.trace) {
    result.rawTrace = summary.trace;
    if (summary.trace.loop !== undefined) result.loop = summary.trace.loop;
    result.stuttering = summary.trace.stuttering;
    result.traceKind = /violated by the initial state/.test(summary.errorMessage ?? '')
      ? 'initial-state'
      : /While working on the initial state/.test(summary.errorText ?? '')
        ? 'while-initial'
        : 'behavior';
  }
  return result;
}
