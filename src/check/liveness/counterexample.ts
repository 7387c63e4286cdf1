/**
 * A lasso of state ids → the printed counterexample. As for safety traces,
 * states are recomputed by re-running the model and matching fingerprints:
 * the first initial state with the first id's fingerprint, then at each step
 * the first successor with the next one (its action labels the step).
 */
import type { ActionLabel, Model, State, Transition } from '../model.js';
import type { TraceStep } from '../result.js';
import type { SeenStateStore } from '../search/index.js';
import { toTraceSteps } from '../search/index.js';
import type { Lasso } from './lasso.js';

export interface LassoTrace {
  trace: TraceStep[];
  loop: number;
  stuttering: boolean;
  loopAction?: ActionLabel;
}

export function lassoTrace(model: Model, store: SeenStateStore, lasso: Lasso): LassoTrace {
  const want = new Uint32Array(2);
  const fp = new Uint32Array(2);
  const match = (candidates: Iterable<Transition>, id: number, what: string): Transition => {
    store.fingerprintOf(id, want);
    for (const t of candidates) {
      model.fingerprint(t.state, fp);
      if (fp[0] === want[0] && fp[1] === want[1]) return t;
    }
    // Only a model whose successors change between calls gets here: a bug, not bad input.
    throw new Error(`cannot rebuild the counterexample: ${what} is no longer generated`);
  };
  const path: { state: State; action: ActionLabel }[] = [];
  let cur = match(model.initialStates({ level: 1 }), lasso.states[0]!, 'its initial state');
  path.push(cur);
  for (let i = 1; i < lasso.states.length; i++) {
    cur = match(model.successors(cur.state, { level: i }), lasso.states[i]!, `state ${i + 1}`);
    path.push(cur);
  }
  const result: LassoTrace = {
    trace: toTraceSteps(model, path),
    loop: lasso.loop,
    stuttering: lasso.stuttering,
  };
  if (!lasso.stuttering) {
    const back = match(
      model.successors(cur.state, { level: lasso.states.length }),
      lasso.states[lasso.loop]!,
      'the step back into the cycle',
    );
    result.loopAction = back.action;
  }
  return result;
}
