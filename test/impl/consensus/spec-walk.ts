/**
 * Random behaviours of a spec, the way the checker's simulation walks them:
 * from an initial state, a uniformly chosen successor at each step, until no
 * action is enabled or the depth is reached. The steps replay on an
 * implementation through its binding.
 */
import type { Model } from '../../../src/check/model.js';
import { seededRandom } from '../../../src/impl/consensus/byzantine/index.js';
import { type ReplayStep, stateRecord } from '../../../src/mbt/index.js';

export function randomWalk(model: Model, seed: number, depth: number): ReplayStep[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let current = pick([...model.initialStates({ level: 1 })]);
  const steps: ReplayStep[] = [{ values: stateRecord(model, current.state) }];
  while (steps.length < depth) {
    const next = [...model.successors(current.state, { level: steps.length + 1 })];
    if (next.length === 0) break;
    current = pick(next);
    const params = Object.fromEntries(current.action.params);
    steps.push({ action: { name: current.action.name, params }, values: stateRecord(model, current.state) });
  }
  return steps;
}
