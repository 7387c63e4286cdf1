/**
 * Importing TLC's outputs: the `-tool` stream, the plain text output, or the
 * `-dumpTrace json` file, into a raw trace (values as TLC wrote them) and,
 * for printed traces, straight into a typed `Trace` (TLC prints values in
 * TLA+ syntax, which reads back without loss except for action parameters;
 * use recoverTrace for those and for JSON traces).
 */
import { ioDiagnostic, type Result } from '../errors.js';
import {
  parseTextOutput,
  parseToolOutput,
  parseValueText,
  type RawTextTrace,
  type RawTrace,
  rawActionToLabel,
  readTlcTraceJson,
  type SummarizeOptions,
  type TlcSummary,
} from '../tlc/index.js';
import type { Trace, TraceState } from './types.js';

export type TlcOutputKind = 'tool' | 'text' | 'json' | 'auto';

/** Tells the three outputs apart: JSON starts with `{`, `-tool` output has its markers. */
export function detectTlcOutputKind(input: string): Exclude<TlcOutputKind, 'auto'> {
  const start = input.trimStart();
  if (start.startsWith('{')) return 'json';
  return input.includes('@!@!@STARTMSG') ? 'tool' : 'text';
}

/** The raw trace in a TLC output, with the run's summary for printed outputs. */
export function importTlcOutput(
  input: string,
  kind: TlcOutputKind = 'auto',
  options: SummarizeOptions & { file?: string } = {},
): Result<{ trace: RawTrace; summary?: TlcSummary }> {
  const file = options.file ?? '<tlc output>';
  const k = kind === 'auto' ? detectTlcOutputKind(input) : kind;
  if (k === 'json') {
    const r = readTlcTraceJson(input, file);
    return r.value ? { value: { trace: r.value }, diagnostics: [] } : { diagnostics: r.diagnostics };
  }
  const summary = k === 'tool' ? parseToolOutput(input, options) : parseTextOutput(input, options);
  if (!summary.trace) {
    const why = summary.result === 'ok' ? 'TLC found no error' : (summary.errorMessage ?? summary.result);
    return { diagnostics: [ioDiagnostic(`${file}: holds no counterexample trace (${why})`)] };
  }
  return { value: { trace: summary.trace, summary }, diagnostics: [] };
}

export interface TraceMeta {
  spec: string;
  model?: string;
  property?: string;
  result?: string;
  /** Folder of the spec, to give action locations their file. */
  specDir?: string;
}

/** A printed TLC trace as a typed trace (action parameters stay empty: TLC does not print them). */
export function textTraceToTrace(raw: RawTextTrace, meta: TraceMeta): Result<Trace> {
  const states: TraceState[] = [];
  for (const s of raw.states) {
    const values: TraceState['values'] = {};
    for (const [name, text] of Object.entries(s.values)) {
      const { value, error } = parseValueText(text);
      if (value === undefined) {
        return {
          diagnostics: [
            { code: 'unsupported', severity: 'error', message: `state ${s.index}, ${name}: ${error}` },
          ],
        };
      }
      values[name] = value;
    }
    states.push({ action: rawActionToLabel(s.action, meta.specDir), values });
  }
  const trace: Trace = { spec: meta.spec, vars: [...raw.vars], states };
  if (meta.model !== undefined) trace.model = meta.model;
  if (meta.property !== undefined) trace.property = meta.property;
  if (meta.result !== undefined) trace.result = meta.result;
  if (raw.stuttering) trace.loop = states.length - 1;
  else if (raw.loop !== undefined) trace.loop = raw.loop;
  if (raw.loopAction && !raw.stuttering) trace.loopAction = rawActionToLabel(raw.loopAction, meta.specDir);
  return { value: trace, diagnostics: [] };
}

/** A printed TLC output (either kind) straight to a typed trace, named after the run's verdict. */
export function tlcOutputToTrace(
  output: string,
  meta: TraceMeta,
  options: SummarizeOptions & { file?: string } = {},
): Result<Trace> {
  const imported = importTlcOutput(output, 'auto', options);
  if (!imported.value) return { diagnostics: imported.diagnostics };
  const { trace, summary } = imported.value;
  if (trace.format !== 'tla') {
    return { diagnostics: [ioDiagnostic('a -dumpTrace json file needs recoverTrace')] };
  }
  return textTraceToTrace(trace, {
    ...meta,
    property: meta.property ?? summary?.violated ?? undefined,
    result: meta.result ?? summary?.result,
  });
}
