/**
 * Between a check result's counterexample and the project's one trace type
 * (src/trace): `tlaw check --dump-trace` writes the trace as ITF, and a trace
 * (recovered or read from a file) is printed as a check result's steps.
 */
import { basename } from 'node:path';
import type { CheckResult, TraceStep } from '../../check/result.js';
import { type Trace, traceFromCheckResult } from '../../trace/index.js';

/** The trace of `result`, named after the spec and cfg files, or null when it has none. */
export function resultToTrace(result: CheckResult, specFile: string, cfgFile?: string): Trace | null {
  return (
    traceFromCheckResult(result, {
      spec: basename(specFile).replace(/\.tla$/, ''),
      ...(cfgFile ? { model: basename(cfgFile).replace(/\.cfg$/, '') } : {}),
    }) ?? null
  );
}

/** A trace's states as a check result's steps (variables in the trace's order; unknown actions named as TLC does). */
export function traceToResultSteps(trace: Trace): TraceStep[] {
  return trace.states.map((s, i) => ({
    index: i + 1,
    action: s.action ?? { name: i === 0 ? 'Initial predicate' : 'Action', params: [] },
    state: trace.vars.filter((v) => Object.hasOwn(s.values, v)).map((v) => [v, s.values[v]!]),
  }));
}
