/**
 * The `--json` form of a check result: the CheckResult object itself, with
 * trace values (and action parameters) in ITF JSON (src/trace's encoding).
 */
import type { CheckResult, TraceStep } from '../../check/result.js';
import { type ItfValue, toItfValue } from '../../trace/index.js';

export interface JsonTraceStep {
  index: number;
  action: {
    name: string;
    loc?: TraceStep['action']['loc'];
    module?: string;
    params: [string, ItfValue][];
  };
  state: [string, ItfValue][];
}

export type CheckResultJson = Omit<CheckResult, 'trace'> & { trace: JsonTraceStep[] | null };

export function traceStepToJson(step: TraceStep): JsonTraceStep {
  const { name, loc, module, params } = step.action;
  return {
    index: step.index,
    action: {
      name,
      ...(loc ? { loc } : {}),
      ...(module ? { module } : {}),
      params: params.map(([k, v]) => [k, toItfValue(v)]),
    },
    state: step.state.map(([k, v]) => [k, toItfValue(v)]),
  };
}

export function checkResultToJson(result: CheckResult): CheckResultJson {
  return { ...result, trace: result.trace ? result.trace.map(traceStepToJson) : null };
}

/** One line of JSON (the conformance runner reads the last line of stdout). */
export function checkResultJsonLine(result: CheckResult | CheckResult[]): string {
  const json = Array.isArray(result) ? result.map(checkResultToJson) : checkResultToJson(result);
  return JSON.stringify(json);
}
