/**
 * A check result's counterexample as the project's one trace type
 * (src/trace), which `tlaw check --dump-trace` writes as ITF.
 */
import { basename } from 'node:path';
import type { CheckResult } from '../../check/result.js';
import type { Value } from '../../check/value/index.js';
import type { Trace } from '../../trace/index.js';

/** The trace of `result`, or null when it has none. */
export function resultToTrace(result: CheckResult, specFile: string, cfgFile?: string): Trace | null {
  if (!result.trace || result.trace.length === 0) return null;
  return {
    spec: basename(specFile).replace(/\.tla$/, ''),
    ...(cfgFile ? { model: basename(cfgFile).replace(/\.cfg$/, '') } : {}),
    ...(result.violated ? { property: result.violated } : {}),
    result: result.result,
    vars: result.trace[0]!.state.map(([name]) => name),
    states: result.trace.map((step) => ({
      action: step.action,
      values: Object.fromEntries(step.state) as Record<string, Value>,
    })),
    // A lasso: the behaviour returns to `loop` (to the last state itself when it stutters).
    ...(result.stuttering
      ? { loop: result.trace.length - 1 }
      : result.loop !== undefined
        ? { loop: result.loop }
        : {}),
    ...(result.loopAction && !result.stuttering ? { loopAction: result.loopAction } : {}),
  };
}
