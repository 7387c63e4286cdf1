/**
 * Model checking with liveness: the safety search (BFS) records the
 * behaviour graph when the model has temporal properties, and once it has
 * explored everything without error each property is checked on the graph,
 * in cfg order, like TLC's "Checking temporal properties for the complete
 * state space". A violation is reported as TLC does: "Temporal property X
 * was violated." with exit code 13 and a lasso counterexample; the counts
 * are those of the complete search.
 */
import { ExitCode } from '../../errors.js';
import type { ModelConfig } from '../../tla/cfg/types.js';
import type { EvalModel } from '../eval/index.js';
import { EvalError as SpecEvalError } from '../model.js';
import type { CheckResult } from '../result.js';
import { type BfsOptions, bfs } from '../search/index.js';
import { lassoTrace } from './counterexample.js';
import { findFairScc } from './fair-scc.js';
import { type BehaviourGraph, GraphRecordingStore } from './graph.js';
import { buildLasso } from './lasso.js';
import { type LivenessPlan, planLiveness, type UncheckedProperty } from './plan.js';
import { buildProduct } from './product.js';

export interface LivenessCheck {
  result: CheckResult;
  /** Temporal properties that were not checked, with the reason. */
  unchecked: UncheckedProperty[];
}

/** BFS, then the temporal properties the checker can read. Without any, exactly `bfs`. */
export function checkWithLiveness(
  model: EvalModel,
  cfg: ModelConfig | undefined,
  options: Omit<BfsOptions, 'store'> = {},
): LivenessCheck {
  const { plan, unchecked } = planLiveness(model, cfg);
  if (!plan) return { result: notVerified(bfs(model, options), unchecked), unchecked };
  const store = new GraphRecordingStore(plan.evaluator);
  const result = bfs(store.wrap(model), { ...options, store });
  if (result.result !== 'ok') return { result, unchecked };
  const started = Date.now();
  const checked = checkProperties(model, plan, store.graph(), result);
  checked.durationMs = result.durationMs + (Date.now() - started);
  return { result: notVerified(checked, unchecked), unchecked };
}

/**
 * A search that found no error while some temporal property went unchecked
 * has not verified the model: it must not read as passed. It becomes an
 * error (exit 255) that names the unchecked properties; a violation found
 * anyway stays what it is.
 */
export function notVerified(result: CheckResult, unchecked: readonly UncheckedProperty[]): CheckResult {
  if (result.result !== 'ok' || unchecked.length === 0) return result;
  const names = unchecked.map((p) => p.name).join(', ');
  const what = unchecked.length === 1 ? `PROPERTY ${names} was` : `PROPERTYs ${names} were`;
  return {
    ...result,
    result: 'error',
    exitCode: ExitCode.systemError,
    message: `No error was found, but ${what} not checked, so the model is not verified (use --engine tlc).`,
  };
}

/** Checks each planned property on the complete graph; the first violated one is reported. */
export function checkProperties(
  model: EvalModel,
  plan: LivenessPlan,
  graph: BehaviourGraph,
  safe: CheckResult,
): CheckResult {
  for (const p of plan.properties) {
    const product = buildProduct(graph, p.tableau, plan.atoms);
    const input = { product, graph, acceptance: p.tableau.acceptance, fairness: plan.fairness };
    const scc = findFairScc(input);
    if (!scc) continue;
    const lasso = buildLasso(input, scc);
    let cex: ReturnType<typeof lassoTrace>;
    try {
      cex = lassoTrace(model, graph.store, lasso);
    } catch (err) {
      if (err instanceof SpecEvalError) {
        return {
          ...safe,
          result: 'error',
          exitCode: err.exitCode,
          message: err.message,
          ...(err.loc ? { errorLoc: err.loc } : {}),
        };
      }
      throw err;
    }
    return {
      ...safe,
      result: 'liveness-violation',
      violated: p.name,
      exitCode: ExitCode.livenessViolation,
      message: `Temporal property ${p.name} was violated.`,
      trace: cex.trace,
      traceKind: 'behavior',
      loop: cex.loop,
      stuttering: cex.stuttering,
      ...(cex.loopAction ? { loopAction: cex.loopAction } : {}),
    };
  }
  return safe;
}
