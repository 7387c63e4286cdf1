/**
 * Turns TLC's messages (from the `-tool` stream or from plain output, see
 * tool-messages.ts and text-output.ts) into one `TlcSummary`: the verdict,
 * the counts, the error text and the counterexample.
 */
import { ExitCode } from '../errors.js';
import { TlcCode } from './message-codes.js';
import { splitTextOutput } from './text-output.js';
import { splitToolOutput, type ToolItem, type ToolMessage } from './tool-messages.js';
import { findLocation, parseStateAssignments, parseStateHeader } from './trace-text.js';
import type { RawTextTrace, TlcLocation, TlcResultKind, TlcSummary } from './types.js';

export interface SummarizeOptions {
  /**
   * Names given as PROPERTY in the model's .cfg. TLC reports a violated
   * `[]P` property as "Invariant P is violated.": knowing the property names
   * lets the summary call it a property violation, as the conformance suite does.
   */
  properties?: readonly string[];
  /** TLC's real exit code, when the process was run; otherwise it is inferred from the messages. */
  exitCode?: number;
}

/** The codes that state what went wrong (as opposed to trace headers and context). */
const PRIMARY_ERRORS = new Set<number>([
  TlcCode.general,
  TlcCode.evaluation,
  TlcCode.invariantViolatedInitial,
  TlcCode.invariantViolated,
  TlcCode.invariantEvaluationFailed,
  TlcCode.actionPropertyViolated,
  TlcCode.deadlock,
  TlcCode.temporalPropertyViolated,
  TlcCode.assertFailed,
  TlcCode.overflow,
  TlcCode.parseFailed,
  TlcCode.parseFailed2,
  TlcCode.assumptionFalse,
  TlcCode.assumptionEvaluationFailed,
]);

/** Error-class messages that introduce a trace rather than say what went wrong. */
const TRACE_HEADERS = new Set<number>([TlcCode.behaviorUpToHere, TlcCode.counterExample]);

/** TLC's codes for errors in the model configuration (tlc2.output.EC, mapped to exit 151). */
function isConfigError(code: number): boolean {
  return (code >= 2222 && code <= 2245) || code === 2280 || code === 2281 || (code >= 5001 && code <= 5006);
}

/** Parses a whole `-tool` output. */
export function parseToolOutput(output: string, options: SummarizeOptions = {}): TlcSummary {
  return summarizeTlcItems(splitToolOutput(output), options);
}

/** Parses a whole plain (non `-tool`) output. */
export function parseTextOutput(output: string, options: SummarizeOptions = {}): TlcSummary {
  return summarizeTlcItems(splitTextOutput(output), options);
}

/** Parses either kind of output, telling them apart by the `-tool` markers. */
export function parseTlcOutput(output: string, options: SummarizeOptions = {}): TlcSummary {
  return output.includes('@!@!@STARTMSG')
    ? parseToolOutput(output, options)
    : parseTextOutput(output, options);
}

export function summarizeTlcItems(items: readonly ToolItem[], options: SummarizeOptions = {}): TlcSummary {
  const messages = items.filter((i): i is ToolMessage => i.kind === 'message');
  const first = (code: number) => messages.find((m) => m.code === code);
  const lastOf = (code: number) => messages.filter((m) => m.code === code).at(-1);

  const stats = lastOf(TlcCode.stats);
  const counts = stats ? numbersIn(stats.text) : [];
  const init = first(TlcCode.initialStatesComputed);
  const depth = lastOf(TlcCode.depth);
  // Any other error TLC reports (an undefined name in the cfg, a JVM problem, ...) is still the reason.
  const primary =
    messages.find((m) => PRIMARY_ERRORS.has(m.code)) ??
    messages.find((m) => m.cls === 1 && !TRACE_HEADERS.has(m.code));

  const summary: TlcSummary = {
    result: 'error',
    violated: null,
    totalStates: counts[0] ?? simulatedStates(lastOf(TlcCode.simulationStats)),
    distinctStates: counts[1] ?? null,
    statesLeftOnQueue: counts[2] ?? null,
    initialStates: init ? (numbersIn(init.text)[0] ?? null) : null,
    depth: depth ? (numbersIn(depth.text)[0] ?? null) : null,
    exitCode: 0,
    errorMessage: null,
    errorText: null,
  };
  const version = first(TlcCode.version);
  if (version) summary.version = version.text.trim();

  if (!primary) {
    // A simulation that found nothing prints no "No error has been found": its exit code 0 says so.
    const success = first(TlcCode.success) ?? (options.exitCode === 0 ? first(TlcCode.finished) : undefined);
    summary.result = success ? 'ok' : 'error';
    summary.exitCode = options.exitCode ?? (success ? 0 : 255);
    if (!success) {
      // What TLC printed outside its messages (SANY's report of a missing module, a JVM error) says why.
      const report = sanyReport(items);
      summary.errorText =
        report ||
        `TLC ended with exit code ${summary.exitCode} without reporting a result${options.exitCode === undefined ? ' (its output may be cut short)' : ''}.`;
      summary.errorMessage = firstSanyLine(report) ?? summary.errorText;
      const loc = report ? sanyLocation(report) : undefined;
      if (loc) summary.errorLocation = loc;
    }
    return summary;
  }

  const { result, violated } = verdictOf(primary, options.properties ?? []);
  summary.result = result;
  summary.violated = violated;
  summary.exitCode = options.exitCode ?? inferExitCode(primary);

  if (primary.code === TlcCode.parseFailed || primary.code === TlcCode.parseFailed2) {
    const report = sanyReport(items);
    summary.errorText = report || primary.text || 'Parsing or semantic analysis failed.';
    summary.errorMessage = firstSanyLine(report) ?? 'Parsing or semantic analysis failed.';
    const loc = sanyLocation(report);
    if (loc) summary.errorLocation = loc;
  } else {
    summary.errorText = primary.text;
    summary.errorMessage = primary.text.split('\n')[0] ?? '';
    const nested = lastOf(TlcCode.nestedExpressions);
    const loc = findLocation(primary.text) ?? (nested ? innermostPosition(nested.text) : undefined);
    if (loc) summary.errorLocation = loc;
  }

  const trace = collectTrace(messages, primary);
  if (trace) summary.trace = trace;
  return summary;
}

function verdictOf(
  primary: ToolMessage,
  properties: readonly string[],
): { result: TlcResultKind; violated: string | null } {
  const name =
    /^(?:Invariant|Action property|Temporal property) (\S+) (?:is|was) violated/.exec(primary.text)?.[1] ??
    null;
  switch (primary.code) {
    case TlcCode.invariantViolated:
    case TlcCode.invariantViolatedInitial:
      return {
        result: name && properties.includes(name) ? 'property-violation' : 'invariant-violation',
        violated: name,
      };
    case TlcCode.actionPropertyViolated:
      return { result: 'property-violation', violated: name };
    case TlcCode.temporalPropertyViolated:
      return { result: 'liveness-violation', violated: name };
    case TlcCode.deadlock:
      return { result: 'deadlock', violated: null };
    case TlcCode.assertFailed:
      return { result: 'assertion-failure', violated: null };
    default:
      return { result: 'error', violated: null };
  }
}

/** TLC's exit code for a run whose first error is `primary` (tlc2.output.EC.ExitStatus). */
export function inferExitCode(primary: ToolMessage): number {
  switch (primary.code) {
    case TlcCode.invariantViolated:
    case TlcCode.invariantViolatedInitial:
      return ExitCode.safetyViolation;
    case TlcCode.actionPropertyViolated:
    case TlcCode.temporalPropertyViolated:
      return ExitCode.livenessViolation;
    case TlcCode.deadlock:
      return ExitCode.deadlock;
    case TlcCode.assertFailed:
      return ExitCode.assertionFailure;
    case TlcCode.parseFailed:
    case TlcCode.parseFailed2:
      return ExitCode.parseError;
    case TlcCode.assumptionFalse:
    case TlcCode.assumptionEvaluationFailed:
      return ExitCode.assumptionFailure;
    case TlcCode.invariantEvaluationFailed:
      return ExitCode.safetyEvaluationError;
    case TlcCode.overflow:
      return ExitCode.systemError;
    default:
      return isConfigError(primary.code) ? ExitCode.configError : ExitCode.evaluationError;
  }
}

function collectTrace(messages: readonly ToolMessage[], primary: ToolMessage): RawTextTrace | undefined {
  const trace: RawTextTrace = { format: 'tla', vars: [], states: [], stuttering: false };
  if (primary.code === TlcCode.invariantViolatedInitial) {
    const values = parseStateAssignments(primary.text.split('\n').slice(1));
    trace.vars = values.map(([n]) => n);
    trace.states.push({
      index: 1,
      action: { name: 'Initial predicate' },
      values: Object.fromEntries(values),
    });
    return trace;
  }
  for (const m of messages) {
    if (m.code !== TlcCode.traceState && m.code !== TlcCode.stuttering && m.code !== TlcCode.backToState)
      continue;
    const lines = m.text.split('\n');
    const header = parseStateHeader(lines[0] ?? '');
    if (!header) continue;
    if (header.kind === 'stuttering') {
      trace.stuttering = true;
    } else if (header.kind === 'back-to-state') {
      trace.loop = header.index - 1;
      if (header.action) trace.loopAction = header.action;
    } else {
      const values = parseStateAssignments(lines.slice(1));
      if (trace.states.length === 0) trace.vars = values.map(([n]) => n);
      trace.states.push({ index: header.index, action: header.action, values: Object.fromEntries(values) });
    }
  }
  return trace.states.length > 0 ? trace : undefined;
}

/** SANY's report: the outside text that is not SANY's progress chatter. */
function sanyReport(items: readonly ToolItem[]): string {
  const chatter =
    /^(Parsing file |Semantic processing of module |Linting of module |Starting SANY|SANY finished)/;
  return items
    .filter((i) => i.kind === 'text')
    .flatMap((i) => i.text.split('\n'))
    .filter((l) => !chatter.test(l))
    .join('\n')
    .trim();
}

/** The first line of SANY's report that says what is wrong (not a banner, count or position line). */
function firstSanyLine(report: string): string | undefined {
  return report
    .split('\n')
    .map((l) => l.trim())
    .find(
      (l) =>
        l !== '' &&
        !l.startsWith('***') &&
        !/^\w+ errors:$/.test(l) &&
        !/^line \d+, col \d+ to line \d+, col \d+ of module/.test(l),
    );
}

function sanyLocation(report: string): TlcLocation | undefined {
  const loc = findLocation(report);
  if (loc) return loc;
  const at = /at line (\d+), column (\d+)/.exec(report);
  if (!at) return undefined;
  const module = /module (\w+)/.exec(report)?.[1] ?? '';
  const line = Number(at[1]);
  const col = Number(at[2]);
  return { module, line, col, endLine: line, endCol: col };
}

/** The last (innermost) position of a 2103 "nested expressions" message. */
function innermostPosition(text: string): TlcLocation | undefined {
  const lines = text.split('\n').filter((l) => /^\d+\. Line /.test(l.trim()));
  const last = lines.at(-1);
  return last ? findLocation(last) : undefined;
}

/** "The number of states generated: N" of a simulation's final 2210 message. */
function simulatedStates(message: ToolMessage | undefined): number | null {
  const n = message ? /states generated: ([\d,]+)/.exec(message.text)?.[1] : undefined;
  return n === undefined ? null : Number(n.replace(/,/g, ''));
}

function numbersIn(text: string): number[] {
  return [...text.replace(/(\d),(?=\d{3})/g, '$1').matchAll(/\d+/g)].map((m) => Number(m[0]));
}
