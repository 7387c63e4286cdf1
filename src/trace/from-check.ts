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

/** Lasso information some results carry (the TLC runner's does). */
interface LassoInfo {
  loop?: number;
  stuttering?: boolean;
}

/** The result's trace, or undefined when it has none. */
export function traceFromCheckResult(
  result: CheckResult & LassoInfo,
  meta: CheckTraceMeta,
): Trace | undefined {
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
  if (result.stuttering) trace.loop = trace.states.length - 1;
  else if (result.loop !== undefined) trace.loop = result.loop;
  return trace;
}
