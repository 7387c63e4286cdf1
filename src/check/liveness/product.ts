/**
 * The product of the behaviour graph (with a stuttering step at every
 * state) and the tableau of the negated property: node (s, q) means "the
 * behaviour is in state s and the automaton in node q". An edge
 * (s, q) → (t, q') exists when s → t is a step of the graph or a stutter,
 * q' may follow q, q's literals hold at s (state literals on s, action
 * literals on the step s → t) and q''s state literals hold at t.
 *
 * Built breadth first from the initial nodes, so node ids grow with the
 * distance from an initial node and each node's BFS parent gives a
 * shortest path to it.
 */
import { type AtomTable, testBit } from './atoms.js';
import type { BehaviourGraph } from './graph.js';
import type { Tableau } from './tableau.js';

/** `via` of a product edge: the graph edge index, or STUTTER for the stuttering step. */
export const STUTTER = -1;

export interface ProductGraph {
  readonly size: number;
  /** Graph state of each product node. */
  readonly state: Int32Array;
  /** Tableau node of each product node. */
  readonly node: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeVia: Int32Array;
  /** BFS parent (-1 for an initial node) and the `via` of the edge from it. */
  readonly parent: Int32Array;
  readonly parentVia: Int32Array;
}

interface BitLiteral {
  bit: number;
  neg: boolean;
}

class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export function buildProduct(graph: BehaviourGraph, tableau: Tableau, atoms: AtomTable): ProductGraph {
  const nQ = tableau.nodes.length;
  const stateLits: BitLiteral[][] = [];
  const actionLits: BitLiteral[][] = [];
  for (const q of tableau.nodes) {
    const s: BitLiteral[] = [];
    const a: BitLiteral[] = [];
    for (const l of q.literals) {
      const atom = atoms.atoms[l.atom]!;
      (atom.kind === 'state' ? s : a).push({ bit: atom.bit, neg: l.neg });
    }
    stateLits.push(s);
    actionLits.push(a);
  }
  const sw = graph.stateWords;
  const aw = graph.actionWords;
  const holds = (lits: BitLiteral[], bits: Uint32Array, offset: number): boolean => {
    for (const l of lits) if (testBit(bits, offset, l.bit) === l.neg) return false;
    return true;
  };
  const stateOk = (q: number, s: number) => holds(stateLits[q]!, graph.stateBits, s * sw);

  // Product ids by `s * nQ + q`: a dense array while it stays small, else a map.
  const dense = graph.size * nQ <= 1 << 24 ? new Int32Array(graph.size * nQ).fill(-1) : undefined;
  const ids = new Map<number, number>();
  const stateOf = new IntList();
  const nodeOf = new IntList();
  const parent = new IntList();
  const parentVia = new IntList();
  const edgeStart = new IntList();
  const edgeTarget = new IntList();
  const edgeVia = new IntList();
  const idOf = (s: number, q: number, from: number, via: number): number => {
    const key = s * nQ + q;
    let id = dense ? dense[key]! : (ids.get(key) ?? -1);
    if (id < 0) {
      id = stateOf.length;
      if (dense) dense[key] = id;
      else ids.set(key, id);
      stateOf.push(s);
      nodeOf.push(q);
      parent.push(from);
      parentVia.push(via);
    }
    return id;
  };

  for (const s of graph.initial) {
    for (const q of tableau.initial) if (stateOk(q, s)) idOf(s, q, -1, STUTTER);
  }
  for (let p = 0; p < stateOf.length; p++) {
    edgeStart.push(edgeTarget.length);
    const s = stateOf.data[p]!;
    const q = nodeOf.data[p]!;
    const succ = tableau.nodes[q]!.successors;
    const step = (t: number, via: number, bits: Uint32Array, offset: number): void => {
      if (!holds(actionLits[q]!, bits, offset)) return;
      for (const q2 of succ) {
        if (!stateOk(q2, t)) continue;
        edgeTarget.push(idOf(t, q2, p, via));
        edgeVia.push(via);
      }
    };
    step(s, STUTTER, graph.stutterBits, s * aw);
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      step(graph.edgeTarget[e]!, e, graph.edgeBits, e * aw);
    }
  }
  edgeStart.push(edgeTarget.length);
  return {
    size: stateOf.length,
    state: stateOf.done(),
    node: nodeOf.done(),
    edgeStart: edgeStart.done(),
    edgeTarget: edgeTarget.done(),
    edgeVia: edgeVia.done(),
    parent: parent.done(),
    parentVia: parentVia.done(),
  };
}
