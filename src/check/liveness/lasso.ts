/**
 * From a fair accepting SCC to a lasso: a path from an initial node to the
 * SCC, then a cycle inside it that passes through every acceptance set and
 * a witness of every fairness condition, back to where it entered.
 *
 * The lasso is returned as graph states. Steps that do not change the
 * state (stutters) are dropped: TLA+ properties cannot tell them apart, and
 * TLC never prints them. A cycle of stutters only is "stuttering forever".
 */
import { type FairCycleInput, type FairScc, ProductFacts } from './fair-scc.js';

export interface Lasso {
  /** Graph state ids, from an initial state; the cycle is `states[loop..]` and then back to `states[loop]`. */
  states: number[];
  /** 0-based index where the cycle starts; with `stuttering` it is the last index. */
  loop: number;
  /** The behaviour ends by stuttering forever in its last state. */
  stuttering: boolean;
}

/** A goal of one leg of the cycle: reach a node with a property, or take an edge with one. */
type Goal = { node: (p: number) => boolean } | { edge: (p: number, e: number) => boolean };

export function buildLasso(input: FairCycleInput, scc: FairScc): Lasso {
  const { product } = input;
  const facts = new ProductFacts(input);
  const inScc = scc.contains;
  let entry = scc.nodes[0]!;
  for (const p of scc.nodes) if (p < entry) entry = p; // ids grow with BFS depth: the closest node

  const prefix: number[] = [];
  for (let p = entry; p >= 0; p = product.parent[p]!) prefix.push(p);
  prefix.reverse();

  const goals: Goal[] = [];
  for (let a = 0; a < input.acceptance.length; a++) goals.push({ node: (p) => facts.accepting(p, a) });
  const hasEdge = (bit: number) =>
    scc.nodes.some((p) => {
      for (let e = product.edgeStart[p]!; e < product.edgeStart[p + 1]!; e++) {
        if (inScc(product.edgeTarget[e]!) && facts.taken(p, e, bit)) return true;
      }
      return false;
    });
  for (const f of input.fairness) {
    const takenGoal: Goal = { edge: (p, e) => facts.taken(p, e, f.takenBit) };
    if (f.strength === 'WF') {
      goals.push(
        scc.nodes.some((p) => !facts.enabled(p, f.enabledBit))
          ? { node: (p) => !facts.enabled(p, f.enabledBit) }
          : takenGoal,
      );
    } else if (hasEdge(f.takenBit)) goals.push(takenGoal);
  }

  const cycle: number[] = []; // nodes after the entry, ending with the entry
  let cur = entry;
  for (const g of goals) {
    if ('node' in g && g.node(cur)) continue;
    const leg = pathWithin(input, inScc, cur, g, false);
    cycle.push(...leg);
    cur = leg[leg.length - 1]!;
  }
  const back = pathWithin(input, inScc, cur, { node: (p) => p === entry }, true);
  cycle.push(...back);

  return toStates(
    prefix.map((p) => product.state[p]!),
    cycle.map((p) => product.state[p]!),
  );
}

/** Drops stutter steps; the cycle `cycle` ends where it started (at the last prefix state). */
function toStates(prefix: number[], cycle: number[]): Lasso {
  const states: number[] = [];
  for (const s of prefix) if (states[states.length - 1] !== s) states.push(s);
  const loop = states.length - 1;
  const entryState = states[loop]!;
  const around: number[] = [];
  let last = entryState;
  for (const s of cycle) {
    if (s !== last) around.push(s);
    last = s;
  }
  // The cycle returns to the entry state: its last state is the entry again.
  if (around.length > 0 && around[around.length - 1] === entryState) around.pop();
  if (around.length === 0) return { states, loop, stuttering: true };
  return { states: [...states, ...around], loop, stuttering: false };
}

/**
 * Shortest path inside the SCC from `from` to a goal, as the nodes after `from`
 * (BFS). With `nonEmpty`, `from` itself does not count as reached.
 */
function pathWithin(
  input: FairCycleInput,
  inScc: (p: number) => boolean,
  from: number,
  goal: Goal,
  nonEmpty: boolean,
): number[] {
  const { product } = input;
  const parent = new Map<number, number>();
  const queue: number[] = [from];
  const path = (end: number): number[] => {
    const out: number[] = [];
    for (let p = end; p !== from; p = parent.get(p)!) out.push(p);
    return out.reverse();
  };
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i]!;
    for (let e = product.edgeStart[p]!; e < product.edgeStart[p + 1]!; e++) {
      const w = product.edgeTarget[e]!;
      if (!inScc(w)) continue;
      const reached = 'edge' in goal ? goal.edge(p, e) : goal.node(w);
      if (reached) {
        return [...path(p), w];
      }
      if (!parent.has(w) && w !== from) {
        parent.set(w, p);
        queue.push(w);
      }
    }
  }
  if (!nonEmpty && 'node' in goal && goal.node(from)) return [];
  throw new Error('liveness: no path inside a strongly connected component');
}
