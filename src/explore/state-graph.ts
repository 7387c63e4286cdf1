/**
 * The state graph of a small model, for drawing: its states (as the search
 * identifies them, so a VIEW or SYMMETRY merges states), the labelled
 * transitions between them, the initial states, the states that violate an
 * invariant or deadlock, and the shortest path to the first such state (the
 * counterexample the BFS checker reports).
 *
 * With a projection on some variables, states with equal values of those
 * variables become one node, and transitions between nodes are merged by
 * action: the picture of the model seen through those variables.
 */
import type { Model, SearchContext, State } from '../check/model.js';
import { printValue, type Value } from '../check/value/index.js';

export interface GraphNode {
  id: number;
  /** `name = value` lines (the projected variables, or all of them). */
  label: string[];
  initial: boolean;
  /** Names of the invariants (and `[]P` properties) the state violates. */
  violates: string[];
  /** No action is enabled (reported when the model checks deadlock). */
  deadlock: boolean;
  /** On the path to the first violating or deadlocked state. */
  onPath: boolean;
}

export interface GraphEdge {
  from: number;
  to: number;
  action: string;
  onPath: boolean;
}

export interface StateGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Distinct states of the model that were explored (before projection). */
  states: number;
  /** The graph has more nodes than the limit: it was not explored to the end. */
  tooLarge: boolean;
}

export interface StateGraphOptions {
  /** Refuse (tooLarge) beyond this many nodes. */
  maxNodes: number;
  /** Draw only these variables (a projection); default all. */
  vars?: readonly string[];
  /** Lines shown for a state (default: `var = value` for each drawn variable). */
  describe?: (state: State) => [string, Value][];
}

/** Distinct states explored at most, whatever the projection (the search must end). */
const MAX_EXPLORED = 100_000;

export function buildStateGraph(model: Model, options: StateGraphOptions): StateGraph {
  const fp = new Uint32Array(2);
  const ids = new Map<string, number>();
  const states: State[] = [];
  const parent: number[] = [];
  const via: string[] = [];
  const transitions: { from: number; to: number; action: string }[] = [];
  const key = (s: State): string => {
    model.fingerprint(s, fp);
    return `${fp[0]}:${fp[1]}`;
  };
  const add = (s: State, from: number, action: string): { id: number; fresh: boolean } => {
    const k = key(s);
    const seen = ids.get(k);
    if (seen !== undefined) return { id: seen, fresh: false };
    const id = states.length;
    ids.set(k, id);
    states.push(s);
    parent.push(from);
    via.push(action);
    return { id, fresh: true };
  };
  const inModel = (s: State, ctx: SearchContext) => model.stateConstraints.every((c) => c(s, ctx));

  const queue: { id: number; level: number }[] = [];
  const initial = new Set<number>();
  for (const t of model.initialStates({ level: 1 })) {
    const { id, fresh } = add(t.state, -1, t.action.name);
    initial.add(id);
    if (fresh && inModel(t.state, { level: 1 })) queue.push({ id, level: 1 });
  }
  const deadlocked = new Set<number>();
  let tooLarge = false;
  for (let head = 0; head < queue.length; head++) {
    // Unprojected, every state is a node: stop as soon as there are too many.
    if (states.length > (options.vars ? MAX_EXPLORED : options.maxNodes)) {
      tooLarge = true;
      break;
    }
    const { id, level } = queue[head]!;
    const ctx = { level };
    let any = false;
    for (const t of model.successors(states[id]!, ctx)) {
      any = true;
      const next = { level: level + 1 };
      if (!model.actionConstraints.every((c) => c(states[id]!, t.state, next))) continue;
      const to = add(t.state, id, t.action.name);
      transitions.push({ from: id, to: to.id, action: t.action.name });
      if (to.fresh && inModel(t.state, next)) queue.push({ id: to.id, level: level + 1 });
    }
    if (!any) deadlocked.add(id);
  }

  if (tooLarge) return { nodes: [], edges: [], states: states.length, tooLarge };
  const violations = states.map((s) =>
    [...model.invariants, ...model.stateProperties].filter((p) => !p.holds(s)).map((p) => p.name),
  );
  // BFS order: the first bad state by id has the shortest path, as the checker reports it.
  const firstBad = states.findIndex(
    (_, i) => violations[i]!.length > 0 || (model.checkDeadlock && deadlocked.has(i)),
  );
  const pathStates = new Set<number>();
  for (let i = firstBad; i >= 0; i = parent[i]!) pathStates.add(i);
  const pathEdges = new Set<string>();
  for (const i of pathStates) if (parent[i]! >= 0) pathEdges.add(`${parent[i]}>${i}>${via[i]}`);

  return project(model, options, {
    states,
    initial,
    violations,
    deadlocked,
    pathStates,
    pathEdges,
    transitions,
    tooLarge,
  });
}

interface Explored {
  states: State[];
  initial: Set<number>;
  violations: string[][];
  deadlocked: Set<number>;
  pathStates: Set<number>;
  pathEdges: Set<string>;
  transitions: { from: number; to: number; action: string }[];
  tooLarge: boolean;
}

function project(model: Model, options: StateGraphOptions, x: Explored): StateGraph {
  const shown = options.vars ?? model.variables;
  const describe =
    options.describe ??
    ((s: State): [string, Value][] =>
      shown.map((v) => [v, s[model.variables.indexOf(v)]!] as [string, Value]));
  const nodeOf: number[] = [];
  const byLabel = new Map<string, GraphNode>();
  const nodes: GraphNode[] = [];
  x.states.forEach((s, i) => {
    const label = describe(s).map(([n, v]) => `${n} = ${printValue(v)}`);
    const k = options.vars ? label.join('\n') : String(i);
    let node = byLabel.get(k);
    if (!node) {
      node = { id: nodes.length, label, initial: false, violates: [], deadlock: false, onPath: false };
      byLabel.set(k, node);
      nodes.push(node);
    }
    nodeOf[i] = node.id;
    node.initial ||= x.initial.has(i);
    for (const v of x.violations[i]!) if (!node.violates.includes(v)) node.violates.push(v);
    node.deadlock ||= model.checkDeadlock && x.deadlocked.has(i);
    node.onPath ||= x.pathStates.has(i);
  });
  const edges = new Map<string, GraphEdge>();
  for (const t of x.transitions) {
    const from = nodeOf[t.from]!;
    const to = nodeOf[t.to]!;
    const k = `${from}>${to}>${t.action}`;
    const onPath = x.pathEdges.has(`${t.from}>${t.to}>${t.action}`);
    const e = edges.get(k);
    if (e) e.onPath ||= onPath;
    else edges.set(k, { from, to, action: t.action, onPath });
  }
  const tooLarge = x.tooLarge || nodes.length > options.maxNodes;
  return { nodes, edges: [...edges.values()], states: x.states.length, tooLarge };
}
