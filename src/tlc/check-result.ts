/**
 * The adapter from what TLC reported (`TlcSummary`, read from its output) to
 * the one result type every engine returns (`CheckResult`,
 * src/check/result.ts): same fields and vocabulary, trace values as real
 * values, TLC's exit code passed through as TLC returned it.
 */
import { join } from 'node:path';
import type { ActionLabel } from '../check/model.js';
import type { CheckResult, TraceStep } from '../check/result.js';
import type { Diagnostic, ExitCode } from '../errors.js';
import type { Loc } from '../tla/ast.js';
import type { RawActionLabel, RawTextTrace, TlcLocation, TlcSummary } from './types.js';
import { parseValueText } from './value-text.js';

/** A TLC trace re-executed on the spec: typed values, action names and parameters. */
export interface RecoveredSteps {
  steps: TraceStep[];
  loop?: number;
  loopAction?: ActionLabel;
}

/**
 * Re-executes a trace TLC printed (src/trace's `recoverTrace` on the loaded
 * spec). Given by the caller: this layer knows TLC, not the trace importer.
 */
export type TraceRecovery = (trace: RawTextTrace) => { value?: RecoveredSteps; diagnostics: Diagnostic[] };

/**
 * TLC's exit code, as TLC returned it. `ExitCode` names the codes tlaw
 * documents; a code it does not name (a JVM's 1, TLC's 153) is still passed
 * through unchanged, so scripts see exactly what TLC said.
 */
export function toExitCode(code: number): ExitCode {
  return code as ExitCode;
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

/** A label TLC printed as an action label, without parameters (they need the spec to be named). */
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

/** The trace's steps: re-executed when a recovery is given and succeeds, else as TLC printed them. */
function traceOf(
  raw: RawTextTrace,
  specDir: string,
  recover: TraceRecovery | undefined,
  diagnostics: Diagnostic[],
): RecoveredSteps | undefined {
  const recovered = recover?.(raw);
  if (recovered?.value) return recovered.value;
  const printed = rawTraceToSteps(raw, specDir);
  diagnostics.push(...printed.diagnostics.map((d) => ({ ...d, severity: 'warning' as const })));
  if (recovered) {
    const why = recovered.diagnostics.map((d) => d.message).join('; ');
    diagnostics.push({
      code: 'unsupported',
      severity: 'warning',
      message: `TLC's trace is kept as printed (no action parameters): re-executing it failed: ${why}`,
    });
  }
  if (!printed.value) return undefined;
  const loopAction = raw.loopAction ? rawActionToLabel(raw.loopAction, specDir) : undefined;
  return {
    steps: printed.value,
    ...(raw.loop !== undefined ? { loop: raw.loop } : {}),
    ...(loopAction ? { loopAction } : {}),
  };
}

export interface AdapterOptions {
  /** Folder of the spec (TLC names modules; files are found there). */
  specDir?: string;
  /** Re-executes TLC's trace to recover action parameters and value types. */
  recover?: TraceRecovery;
}

/** The result of a finished TLC run. */
export function summaryToCheckResult(
  summary: TlcSummary,
  durationMs: number,
  options: AdapterOptions = {},
): CheckResult {
  const specDir = options.specDir ?? '.';
  const diagnostics: Diagnostic[] = [];
  const recovered = summary.trace ? traceOf(summary.trace, specDir, options.recover, diagnostics) : undefined;
  const loc = summary.errorLocation ? tlcLocationToLoc(summary.errorLocation, specDir) : undefined;
  if (summary.exitCode === 150 && summary.errorMessage) {
    diagnostics.push({
      code: /^Unknown operator/.test(summary.errorMessage) ? 'undefined' : 'syntax',
      severity: 'error',
      message: summary.errorMessage,
      ...(loc ? { loc } : {}),
    });
  }
  const result: CheckResult = {
    result: summary.result,
    violated: summary.violated,
    distinctStates: summary.distinctStates,
    totalStates: summary.totalStates,
    statesLeftOnQueue: summary.statesLeftOnQueue,
    initialStates: summary.initialStates,
    depth: summary.depth,
    durationMs,
    trace: recovered?.steps ?? null,
    diagnostics,
    exitCode: toExitCode(summary.exitCode),
  };
  if (summary.errorText !== null) result.message = summary.errorText;
  if (loc) result.errorLoc = loc;
  if (summary.trace && recovered) {
    if (recovered.loop !== undefined) result.loop = recovered.loop;
    if (recovered.loopAction) result.loopAction = recovered.loopAction;
    result.stuttering = summary.trace.stuttering;
    result.traceKind = /violated by the initial state/.test(summary.errorMessage ?? '')
      ? 'initial-state'
      : /While working on the initial state/.test(summary.errorText ?? '')
        ? 'while-initial'
        : 'behavior';
  }
  return result;
}
