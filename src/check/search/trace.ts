/**
 * Rebuilding a counterexample from the seen-state store.
 *
 * The store keeps only fingerprints and parent ids, so the states on the path
 * are recomputed: start from the initial state with the root's fingerprint,
 * then at each step take the first successor (in the model's order) whose
 * fingerprint is the next one on the path. This is how TLC rebuilds its
 * traces too, and it keeps memory per state small.
 */

import type { ActionLabel, Model, State, Transition } from '../model.js';
import type { TraceStep } from '../result.js';
import type { SeenStateStore } from './store.js';

/** A state of a rebuilt path with the label of the transition into it. */
export interface PathState {
  state: State;
  action: ActionLabel;
}

/** The ids from the initial state to `id`, root first. */
export function pathIds(store: SeenStateStore, id: number): number[] {
  const ids: number[] = [];
  for (let cur = id; cur >= 0; cur = store.parentOf(cur)) ids.push(cur);
  return ids.reverse();
}

/** Recomputes the states from an initial state to the state `id`. */
export function rebuildPath(model: Model, store: SeenStateStore, id: number): PathState[] {
  return rebuildStates(model, store, pathIds(store, id));
}

/** Recomputes the states with the store ids `ids`: an initial state, then each a successor of the one before. */
export function rebuildStates(model: Model, store: SeenStateStore, ids: readonly number[]): PathState[] {
  const path: PathState[] = [];
  let candidates: Iterable<Transition> = model.initialStates({ level: 1 });
  for (let i = 0; i < ids.length; i++) {
    const found = findStored(model, store, candidates, ids[i]!);
    if (!found) {
      // Only a model whose successors change between calls gets here: a bug, not bad input.
      throw new Error(`cannot rebuild the trace: state ${i + 1} of the path is no longer generated`);
    }
    path.push({ state: found.state, action: found.action });
    if (i + 1 < ids.length) candidates = model.successors(found.state, { level: i + 1 });
  }
  return path;
}

const want = new Uint32Array(2);
const fp = new Uint32Array(2);

/** The first of `candidates` whose state has the fingerprint the store holds for `id`. */
export function findStored(
  model: Model,
  store: SeenStateStore,
  candidates: Iterable<Transition>,
  id: number,
): Transition | undefined {
  store.fingerprintOf(id, want);
  for (const t of candidates) {
    model.fingerprint(t.state, fp);
    if (fp[0] === want[0] && fp[1] === want[1]) return t;
  }
  return undefined;
}

/** Turns states into numbered trace steps with the model's display of each state. */
export function toTraceSteps(model: Model, path: readonly PathState[]): TraceStep[] {
  return path.map((p, i) => ({
    index: i + 1,
    action: p.action,
    state: model.display(p.state, i > 0 ? path[i - 1]!.state : undefined),
  }));
}
