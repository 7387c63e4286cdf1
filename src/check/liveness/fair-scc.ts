/**
 * Finding a fair accepting cycle in the product graph.
 *
 * A counterexample is an infinite path that, from some point on, stays in a
 * strongly connected set C of product nodes and
 *   - visits every acceptance set of the tableau (a node of each in C);
 *   - satisfies each `WF_v(A)`: a state of C where `<<A>>_v` is not enabled,
 *     or an `<<A>>_v` step inside C;
 *   - satisfies each `SF_v(A)`: an `<<A>>_v` step inside C, or no state of C
 *     where `<<A>>_v` is enabled.
 * The first two conditions fail for every subset of C when they fail for C.
 * The third does not: when C has enabled states but no step of A, those
 * states are removed and the rest is split into its own SCCs again (the
 * usual algorithm for Streett conditions). SCCs come from an iterative
 * Tarjan (no recursion: graphs can be deep).
 */
import { testBit } from './atoms.js';
import type { BehaviourGraph } from './graph.js';
import { type ProductGraph, STUTTER } from './product.js';

/** A fairness condition by its atom bits. */
export interface FairnessBits {
  strength: 'WF' | 'SF';
  /** State-atom bit of `ENABLED <<A>>_v`. */
  enabledBit: number;
  /** Action-atom bit of `<<A>>_v`. */
  takenBit: number;
}

export interface FairCycleInput {
  product: ProductGraph;
  graph: BehaviourGraph;
  /** Acceptance sets as membership arrays over tableau nodes. */
  acceptance: readonly (readonly boolean[])[];
  fairness: readonly FairnessBits[];
}

/** A fair accepting SCC: its nodes, and a membership test. */
export interface FairScc {
  nodes: Int32Array;
  contains(p: number): boolean;
}

/** Helpers on product edges and nodes shared by the search and the cycle builder. */
export class ProductFacts {
  constructor(private readonly input: FairCycleInput) {}

  enabled(p: number, bit: number): boolean {
    const { graph, product } = this.input;
    return testBit(graph.stateBits, product.state[p]! * graph.stateWords, bit);
  }

  /** Whether product edge `e` (leaving node `p`) is a `<<A>>_v` step for the action-atom `bit`. */
  taken(p: number, e: number, bit: number): boolean {
    const { graph, product } = this.input;
    const via = product.edgeVia[e]!;
    return via === STUTTER
      ? testBit(graph.stutterBits, product.state[p]! * graph.actionWords, bit)
      : testBit(graph.edgeBits, via * graph.actionWords, bit);
  }

  accepting(p: number, set: number): boolean {
    return this.input.acceptance[set]![this.input.product.node[p]!]!;
  }
}

export function findFairScc(input: FairCycleInput): FairScc | null {
  const { product } = input;
  const n = product.size;
  const facts = new ProductFacts(input);
  const region = new Int32Array(n); // every node starts in region 0
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const cursor = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const member = new Int32Array(n).fill(-1); // member[p] = number of the SCC being judged
  let stamp = 0;
  let nextLabel = 1;
  const work: { label: number; nodes: Int32Array }[] = [
    { label: 0, nodes: Int32Array.from({ length: n }, (_, i) => i) },
  ];
  while (work.length > 0) {
    const { label, nodes } = work.pop()!;
    const sccs = tarjan(product, region, label, nodes, index, low, cursor, onStack);
    for (const scc of sccs) {
      if (!nontrivial(product, scc)) continue;
      const id = stamp++;
      for (const p of scc) member[p] = id;
      const inside = (p: number) => member[p] === id;
      const verdict = judge(input, facts, inside, scc);
      if (verdict === 'fair') return { nodes: scc, contains: inside };
      if (verdict === 'unfair') continue;
      // Remove the states where an unfulfilled SF action is enabled; split the rest.
      const keep: number[] = [];
      const next = nextLabel++;
      for (const p of scc) {
        if (verdict.some((bit) => facts.enabled(p, bit))) region[p] = -1;
        else {
          region[p] = next;
          keep.push(p);
        }
      }
      if (keep.length > 0) work.push({ label: next, nodes: Int32Array.from(keep) });
    }
  }
  return null;
}

/** 'fair', 'unfair' (no subset can be), or the enabled bits of the SF conditions to split on. */
function judge(
  input: FairCycleInput,
  facts: ProductFacts,
  inside: (p: number) => boolean,
  scc: Int32Array,
): 'fair' | 'unfair' | number[] {
  const { product } = input;
  for (let a = 0; a < input.acceptance.length; a++) {
    if (!scc.some((p) => facts.accepting(p, a))) return 'unfair';
  }
  const takenInside = (bit: number): boolean => {
    for (const p of scc) {
      for (let e = product.edgeStart[p]!; e < product.edgeStart[p + 1]!; e++) {
        if (inside(product.edgeTarget[e]!) && facts.taken(p, e, bit)) return true;
      }
    }
    return false;
  };
  const split: number[] = [];
  for (const f of input.fairness) {
    if (f.strength === 'WF') {
      if (!scc.some((p) => !facts.enabled(p, f.enabledBit)) && !takenInside(f.takenBit)) return 'unfair';
    } else if (scc.some((p) => facts.enabled(p, f.enabledBit)) && !takenInside(f.takenBit)) {
      split.push(f.enabledBit);
    }
  }
  return split.length > 0 ? split : 'fair';
}

/** An SCC with a cycle: more than one node, or a node with an edge to itself. */
function nontrivial(product: ProductGraph, scc: Int32Array): boolean {
  if (scc.length > 1) return true;
  const p = scc[0]!;
  for (let e = product.edgeStart[p]!; e < product.edgeStart[p + 1]!; e++) {
    if (product.edgeTarget[e] === p) return true;
  }
  return false;
}

/** The SCCs of the nodes of region `label` (edges leaving the region ignored); iterative Tarjan. */
function tarjan(
  product: ProductGraph,
  region: Int32Array,
  label: number,
  nodes: Int32Array,
  index: Int32Array,
  low: Int32Array,
  cursor: Int32Array,
  onStack: Uint8Array,
): Int32Array[] {
  const out: Int32Array[] = [];
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  for (const v of nodes) index[v] = -1;
  for (const root of nodes) {
    if (index[root] !== -1 || region[root] !== label) continue;
    const enter = (v: number): void => {
      index[v] = low[v] = counter++;
      cursor[v] = product.edgeStart[v]!;
      stack.push(v);
      onStack[v] = 1;
      calls.push(v);
    };
    enter(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1]!;
      if (cursor[v]! < product.edgeStart[v + 1]!) {
        const w = product.edgeTarget[cursor[v]!++]!;
        if (region[w] !== label) continue;
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const u = calls[calls.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const scc: number[] = [];
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          scc.push(w);
          if (w === v) break;
        }
        out.push(Int32Array.from(scc));
      }
    }
  }
  return out;
}
