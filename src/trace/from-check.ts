/**
 * A model-checking result's counterexample (embedded checker or real TLC,
 * src/check/result.ts) as a tlaw Trace, ready for `writeItf`.
 */
import type { CheckResult } from '../check/result.js';
import type { Trace } from './types.js';

export interface CheckTraceMeta {
  spec: string;
  model?: string;
}

/** The result's trace, or undefined when it has none. */
export function traceFromCheckResult(result: CheckResult, meta: CheckTraceMeta): Trace | undefined {
  if (!result.trace || result.trace.length === 0) return undefined;
  const vars = result.trace[0]!.state.map(([name]) => name);
  const trace: Trace = {
    spec: meta.spec,
    vars,
    states: result.trace.map((step) => ({ action: step.action, values: Object.fromEntries(step.state) })),
    result: result.result,
  };
  if (meta.model !== undefined) trace.model = meta.model;
  if (result.violated !== null) trace.property = result.violated;
  // A lasso: the behaviour returns to `loop` (to the last state itself when it stutters).
  if (result.stuttering) trace.loop = trace.states.length - 1;
  else if (result.loop !== undefined) trace.loop = result.loop;
  if (result.loopAction && !result.stuttering) trace.loopAction = result.loopAction;
  return trace;
}
