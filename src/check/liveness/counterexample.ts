/**
 * A lasso of state ids → the printed counterexample. As for safety traces,
 * states are recomputed by re-running the model and matching fingerprints:
 * the first initial state with the first id's fingerprint, then at each step
 * the first successor with the next one (its action labels the step).
 */
import type { ActionLabel, Model } from '../model.js';
import type { TraceStep } from '../result.js';
import { findStored, rebuildStates, type SeenStateStore, toTraceSteps } from '../search/index.js';
import type { Lasso } from './lasso.js';

export interface LassoTrace {
  trace: TraceStep[];
  loop: number;
  stuttering: boolean;
  loopAction?: ActionLabel;
}

export function lassoTrace(model: Model, store: SeenStateStore, lasso: Lasso): LassoTrace {
  const path = rebuildStates(model, store, lasso.states);
  const result: LassoTrace = {
    trace: toTraceSteps(model, path),
    loop: lasso.loop,
    stuttering: lasso.stuttering,
  };
  if (!lasso.stuttering) {
    const last = path[path.length - 1]!.state;
    const back = findStored(
      model,
      store,
      model.successors(last, { level: lasso.states.length }),
      lasso.states[lasso.loop]!,
    );
    // Only a model whose successors change between calls gets here: a bug, not bad input.
    if (!back)
      throw new Error(
        'cannot rebuild the counterexample: the step back into the cycle is no longer generated',
      );
    result.loopAction = back.action;
  }
  return result;
}
