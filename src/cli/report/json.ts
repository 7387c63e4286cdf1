/**
 * The `--json` form of a check result: the CheckResult object itself, with
 * trace values (and action parameters) in ITF JSON (src/trace's encoding).
 */
import type { CheckResult, TraceStep } from '../../check/result.js';
import { type ItfValue, type TraceAction, toItfValue, traceActionsOf } from '../../trace/index.js';

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

export type CheckResultJson = Omit<CheckResult, 'trace' | 'loopAction'> & {
  trace: JsonTraceStep[] | null;
  /** Each trace step's action and parameters, in the conformance suite's form (absent without a trace). */
  traceActions?: TraceAction[];
  /** A lasso's closing action (liveness counterexamples). */
  loopAction?: JsonTraceStep['action'];
};

function actionToJson(action: TraceStep['action']): JsonTraceStep['action'] {
  const { name, loc, module, params } = action;
  return {
    name,
    ...(loc ? { loc } : {}),
    ...(module ? { module } : {}),
    params: params.map(([k, v]) => [k, toItfValue(v)]),
  };
}

export function traceStepToJson(step: TraceStep): JsonTraceStep {
  return {
    index: step.index,
    action: actionToJson(step.action),
    state: step.state.map(([k, v]) => [k, toItfValue(v)]),
  };
}

export function checkResultToJson(result: CheckResult): CheckResultJson {
  const { loopAction, ...rest } = result;
  return {
    ...rest,
    trace: result.trace ? result.trace.map(traceStepToJson) : null,
    ...(result.trace ? { traceActions: traceActionsOf(result.trace) } : {}),
    ...(loopAction ? { loopAction: actionToJson(loopAction) } : {}),
  };
}

/** One line of JSON (the conformance runner reads the last line of stdout). */
export function checkResultJsonLine(result: CheckResult | CheckResult[]): string {
  const json = Array.isArray(result) ? result.map(checkResultToJson) : checkResultToJson(result);
  return JSON.stringify(json);
}
