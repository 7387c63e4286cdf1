/**
 * TLC's text report of a check result: the error message, the behaviour
 * (`State n: <Action(args) line L, col C to line L2, col C2 of module M>` followed by
 * `/\ var = value` lines), and the summary lines
 * (`N states generated, M distinct states found, K states left on queue.`,
 * `The depth of the complete state graph search is D.`).
 */

import { basename } from 'node:path';
import type { ActionLabel } from '../../check/model.js';
import type { CheckResult, TraceStep } from '../../check/result.js';
import { formatProbability } from '../../check/search/collision.js';
import { tlcLocation } from '../../check/search/outcome.js';
import { printValue, type Value } from '../../check/value/index.js';
import { formatDiagnostic } from '../../errors.js';
import type { Loc } from '../../tla/ast.js';

/** The variable lines of one state: `x = 1` alone, or `/\ x = 1` lines sorted by name, as TLC prints them. */
export function formatStateLines(state: readonly [string, Value][]): string[] {
  const sorted = [...state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 1) return [`${sorted[0]![0]} = ${printValue(sorted[0]![1])}`];
  return sorted.map(([name, v]) => `/\\ ${name} = ${printValue(v)}`);
}

/**
 * The action's name with its parameter values, as current TLC labels a step:
 * `Finish("b",1)` (values as TLC prints them, separated by a comma alone);
 * the bare name when the action has no parameters.
 */
export function actionNameWithArgs({ name, params }: ActionLabel): string {
  return params.length > 0 ? `${name}(${params.map(([, v]) => printValue(v)).join(',')})` : name;
}

/** `<Name(args) line L, col C to line L2, col C2 of module M>`, or `<Name(args)>` when the action has no place. */
function actionText(action: ActionLabel): string {
  const { loc, module } = action;
  const name = actionNameWithArgs(action);
  return loc ? `<${name} ${tlcLocation(loc, module)}>` : `<${name}>`;
}

/** `State n: <Initial predicate>` or `State n: <Name line L, col C to line L2, col C2 of module M>`. */
export function formatStepHeader(step: TraceStep): string {
  if (step.index === 1 && step.action.name === 'Initial predicate') return `State 1: <Initial predicate>`;
  return `State ${step.index}: ${actionText(step.action)}`;
}

/** `Back to state k: <Action ...>`: the step that closes a lasso, back to the 0-based state `loop`. */
export function formatBackToState(loop: number, action: ActionLabel): string {
  return `Back to state ${loop + 1}: ${actionText(action)}`;
}

export function formatTrace(trace: readonly TraceStep[]): string[] {
  const lines: string[] = [];
  for (const step of trace) lines.push(formatStepHeader(step), ...formatStateLines(step.state), '');
  return lines;
}

/**
 * How a lasso counterexample ends: `State n: Stuttering`, or
 * `Back to state k: <Action ...>` for the step back into the cycle.
 */
export function formatLassoEnd(r: CheckResult): string[] {
  if (!r.trace || r.trace.length === 0) return [];
  if (r.stuttering) return [`State ${r.trace.length + 1}: Stuttering`];
  if (r.loop === undefined) return [];
  if (!r.loopAction) return [`Back to state ${r.loop + 1}.`, ''];
  return [formatBackToState(r.loop, r.loopAction), ''];
}

/** `Finished computing initial states: N distinct states generated.` */
export function formatInitialStates(n: number): string {
  return `Finished computing initial states: ${n} distinct state${n === 1 ? '' : 's'} generated.`;
}

/** `N states generated, M distinct states found, K states left on queue.` and the depth line, when known. */
export function formatSummary(r: CheckResult): string[] {
  const lines: string[] = [];
  if (r.totalStates !== null) {
    if (r.distinctStates !== null && r.statesLeftOnQueue !== null) {
      lines.push(
        `${r.totalStates} states generated, ${r.distinctStates} distinct states found, ${r.statesLeftOnQueue} states left on queue.`,
      );
    } else {
      lines.push(`${r.totalStates} states generated.`);
    }
  }
  if (r.traces !== undefined)
    lines.push(`${r.traces} behaviours walked, ${r.totalStates ?? 0} states checked.`);
  if (r.depth !== null) {
    lines.push(
      r.distinctStates !== null
        ? `The depth of the complete state graph search is ${r.depth}.`
        : `The longest behaviour walked has ${r.depth} states.`,
    );
  }
  return lines;
}

/**
 * Where an evaluation error happened, in TLC's words. TLC lists the whole
 * stack of nested expressions; the evaluator reports the innermost one, given
 * here with its `file:line:col` too.
 */
export function formatErrorLocation(loc: Loc): string[] {
  const module = basename(loc.file).replace(/\.tla$/, '');
  return [
    'Error: The error occurred when TLC was evaluating the nested',
    'expressions at the following positions:',
    `0. Line ${loc.line}, column ${loc.col} to line ${loc.endLine}, column ${loc.endCol - 1} in ${module} (${loc.file}:${loc.line}:${loc.col})`,
    '',
  ];
}

export interface ReportOptions {
  /** Leave out the "Finished computing initial states" line (already printed while the search ran). */
  initialStatesLine?: boolean;
}

/** TLC's lines on the chance that a fingerprint collision hid states (after a successful search). */
export function formatCollisionEstimate(p: number): string[] {
  return [
    '  Estimates of the probability that TLC did not check all reachable states',
    '  because two distinct states had the same fingerprint:',
    `  calculated (optimistic):  val = ${formatProbability(p)}`,
  ];
}

/** The whole report, one string per line. */
export function formatCheckReport(r: CheckResult, options: ReportOptions = {}): string[] {
  const lines: string[] = [];
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  for (const d of r.diagnostics) lines.push(formatDiagnostic(d));
  if (errors.length > 0 && r.totalStates === null) return lines;
  if (r.initialStates !== null && options.initialStatesLine !== false)
    lines.push(formatInitialStates(r.initialStates));
  if (r.result === 'ok') {
    lines.push('Model checking completed. No error has been found.');
    if (r.collisionProbability !== undefined) lines.push(...formatCollisionEstimate(r.collisionProbability));
  } else {
    const message = (r.message ?? r.result).split('\n');
    lines.push(`Error: ${message[0]}`, ...message.slice(1));
    if (r.trace && r.trace.length > 0) {
      if (r.traceKind === 'initial-state') {
        lines.push(...formatStateLines(r.trace[0]!.state), '');
      } else if (r.traceKind === 'while-initial') {
        lines.push('While working on the initial state:', ...formatStateLines(r.trace[0]!.state), '');
      } else if (r.result === 'liveness-violation') {
        lines.push('', 'Error: The following behavior constitutes a counter-example:', '');
        lines.push(...formatTrace(r.trace), ...formatLassoEnd(r));
      } else {
        lines.push('Error: The behavior up to this point is:', ...formatTrace(r.trace));
      }
    }
    if (r.errorLoc) lines.push(...formatErrorLocation(r.errorLoc), '');
  }
  lines.push(...formatSummary(r));
  return lines;
}
