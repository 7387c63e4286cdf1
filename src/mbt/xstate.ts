/**
 * Test paths that cover every transition of an abstracted state graph.
 *
 * The spec is explored breadth-first (bounded by `maxStates`, honouring
 * CONSTRAINT and ACTION_CONSTRAINT like the fast-check layer). An
 * abstraction maps each spec state to an abstract state; the abstract graph
 * has one edge per distinct (abstract source, action call, abstract target).
 * Its edges are the coverage goals.
 *
 * Path search is xstate's: the explored spec becomes a pure transition
 * function (`fromTransition`: snapshot = an explored spec state, event = one
 * of its labelled transitions) and `getShortestPaths` from 'xstate/graph'
 * gives the shortest behaviour to every spec state. Each abstract edge is
 * then reached by the shortest behaviour that takes one of its concrete
 * transitions, and a greedy selection keeps (and extends along uncovered
 * edges) only the behaviours needed to cover every edge. Paths are searched among concrete
 * states rather than abstract ones because a path through the abstract graph
 * need not be a behaviour of the spec; this way every generated path is one
 * and replays as it stands.
 */
import { fromTransition } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { ActionLabel, Model, State } from '../check/model.js';
import { fingerprintValues, printValue, type Value } from '../check/value/index.js';
import type { Trace } from '../trace/index.js';
import { stateRecord } from './fastcheck.js';
import { describeCall, type ReplayStep } from './replay.js';
import { stepsToTrace } from './trace-files.js';

export interface TransitionCoverOptions {
  /**
   * The abstract state of a spec state (given as its variables): a string,
   * or a TLA+ value (printed to make the key). Default: the whole state.
   */
  abstract?: (state: Record<string, Value>) => string | Value;
  /** The label of an edge (default: the action call, e.g. `Put(k = "a", v = 1)`). */
  edgeLabel?: (action: ActionLabel) => string;
  /** Most spec states to explore (default 10 000); the rest of the state space is left out. */
  maxStates?: number;
  /**
   * Actions a path may grow to by taking further uncovered edges after the
   * one it was generated for (default 50): longer paths mean fewer tests.
   * A shortest path to an edge is never cut.
   */
  maxPathLength?: number;
}

/** An edge of the abstract graph: what some spec transition looks like under the abstraction. */
export interface AbstractEdge {
  /** `from --label--> to`: unique in the graph. */
  id: string;
  from: string;
  to: string;
  /** The spec action's name. */
  action: string;
  label: string;
}

export interface AbstractGraph {
  /** Abstract states in the order the exploration first met them. */
  nodes: string[];
  /** Abstract states of the spec's initial states. */
  initial: string[];
  edges: AbstractEdge[];
}

/** A behaviour of the spec chosen to cover abstract edges, ready to replay or save. */
export interface CoveringPath {
  /** The calls of the behaviour, e.g. `Put(k = "a", v = 1) → Delete(k = "a")`. */
  name: string;
  /** Initial state first, then one step per action (for `replay`). */
  steps: ReplayStep[];
  /** The same behaviour as a trace (for `saveTrace`, `replay`). */
  trace: Trace;
  /** Abstract state of the initial state. */
  initial: string;
  /** The abstract edge each action step takes, in order. */
  edges: AbstractEdge[];
}

export interface TransitionCoverage {
  graph: AbstractGraph;
  /** Together they start in every abstract initial state and take every abstract edge. */
  paths: CoveringPath[];
  /** Spec states explored. */
  states: number;
  /** True when `maxStates` cut the exploration short: the graph covers the explored part only. */
  truncated: boolean;
}

/** Index of the virtual state before the initial states: its transitions are the initial states. */
const ROOT = -1;

interface SpecNode {
  state: State;
  depth: number;
  abstract: string;
  /** Indices of outgoing transitions. */
  out: number[];
}

interface SpecEdge {
  from: number;
  to: number;
  action: ActionLabel;
  /** What the transition covers: an abstract initial state (from ROOT) or an abstract edge. */
  goal: number;
}

/** A coverage goal: an abstract initial state or an abstract edge. */
type Goal = { kind: 'initial'; node: string } | { kind: 'edge'; edge: AbstractEdge };

interface SpecGraph {
  nodes: SpecNode[];
  edges: SpecEdge[];
  /** Transitions from ROOT (the initial states). */
  initialEdges: number[];
  goals: Goal[];
  graph: AbstractGraph;
  truncated: boolean;
}

/** The whole state as a key: `store = [...] /\ writes = 0`. */
function fullStateKey(model: Model, record: Record<string, Value>): string {
  return model.variables.map((v) => `${v} = ${printValue(record[v]!)}`).join(' /\\ ');
}

/** Explores the spec breadth-first and builds the abstract graph over it. */
function exploreSpec(model: Model, options: TransitionCoverOptions): SpecGraph {
  const maxStates = options.maxStates ?? 10_000;
  const abstractOf = (state: State): string => {
    const record = stateRecord(model, state);
    if (!options.abstract) return fullStateKey(model, record);
    const key = options.abstract(record);
    return typeof key === 'string' ? key : printValue(key);
  };
  const labelOf =
    options.edgeLabel ?? ((a: ActionLabel) => describeCall(a.name, Object.fromEntries(a.params)));

  const nodes: SpecNode[] = [];
  const edges: SpecEdge[] = [];
  const initialEdges: number[] = [];
  const byFingerprint = new Map<string, number>();
  const seenEdges = new Set<string>();
  const goals: Goal[] = [];
  const goalIndex = new Map<string, number>();
  const abstractNodes = new Set<string>();
  const graph: AbstractGraph = { nodes: [], initial: [], edges: [] };
  const fp = new Uint32Array(2);
  let truncated = false;

  const addNode = (state: State, depth: number): number | undefined => {
    // Exact identity of the values (not the model's VIEW), so that a path's states are the spec's own.
    fingerprintValues(state, fp);
    const key = `${fp[0]}:${fp[1]}`;
    const known = byFingerprint.get(key);
    if (known !== undefined) return known;
    if (nodes.length >= maxStates) {
      truncated = true;
      return undefined;
    }
    const abstract = abstractOf(state);
    if (!abstractNodes.has(abstract)) {
      abstractNodes.add(abstract);
      graph.nodes.push(abstract);
    }
    byFingerprint.set(key, nodes.length);
    nodes.push({ state, depth, abstract, out: [] });
    return nodes.length - 1;
  };

  const goalFor = (from: number, action: ActionLabel, to: number): number => {
    const target = nodes[to]!.abstract;
    let goal: Goal;
    let key: string;
    if (from === ROOT) {
      key = `initial ${target}`;
      goal = { kind: 'initial', node: target };
    } else {
      const source = nodes[from]!.abstract;
      const label = labelOf(action);
      const id = `${source} --${label}--> ${target}`;
      key = `edge ${id}`;
      goal = { kind: 'edge', edge: { id, from: source, to: target, action: action.name, label } };
    }
    let index = goalIndex.get(key);
    if (index === undefined) {
      index = goals.length;
      goals.push(goal);
      goalIndex.set(key, index);
      if (goal.kind === 'initial') graph.initial.push(goal.node);
      else graph.edges.push(goal.edge);
    }
    return index;
  };

  const addEdge = (from: number, action: ActionLabel, to: number): void => {
    const key = `${from} ${describeCall(action.name, Object.fromEntries(action.params))} ${to}`;
    if (seenEdges.has(key)) return;
    seenEdges.add(key);
    const index = edges.length;
    edges.push({ from, to, action, goal: goalFor(from, action, to) });
    if (from === ROOT) initialEdges.push(index);
    else nodes[from]!.out.push(index);
  };

  for (const t of model.initialStates({ level: 1 })) {
    const id = addNode(t.state, 0);
    if (id !== undefined) addEdge(ROOT, t.action, id);
  }
  // `nodes` grows while it is walked: it is the BFS queue.
  for (let i = 0; i < nodes.length; i++) {
    const { state, depth } = nodes[i]!;
    const ctx = { level: depth + 1 };
    // Like TLC: a state outside a CONSTRAINT is reached but not explored.
    if (!model.stateConstraints.every((holds) => holds(state, ctx))) continue;
    const next = { level: depth + 2 };
    for (const t of model.successors(state, ctx)) {
      if (!model.actionConstraints.every((holds) => holds(state, t.state, next))) continue;
      const id = addNode(t.state, depth + 1);
      if (id !== undefined) addEdge(i, t.action, id);
    }
  }
  return { nodes, edges, initialEdges, goals, graph, truncated };
}

/** xstate event for one spec transition: the action's name, and the transition's index. */
interface SpecEvent {
  type: string;
  edge: number;
}

/**
 * The explored spec as xstate logic: a pure transition function whose
 * snapshot context is a spec state's index (ROOT before the initial state)
 * and whose events are the labelled transitions out of it. Returns, for each
 * spec state, the transitions of xstate's shortest path to it.
 */
function shortestBehaviours(spec: SpecGraph): Map<number, number[]> {
  const logic = fromTransition((_node: number, event: SpecEvent) => spec.edges[event.edge]!.to, ROOT);
  const out = (node: number): number[] => (node === ROOT ? spec.initialEdges : spec.nodes[node]!.out);
  const paths = getShortestPaths(logic, {
    events: (snapshot) =>
      out(snapshot.context).map((edge) => ({ type: spec.edges[edge]!.action.name, edge })),
    serializeState: (snapshot) => String(snapshot.context),
  });
  const byNode = new Map<number, number[]>();
  for (const path of paths) {
    // xstate's first step is its 'xstate.init' event into the start state (ROOT here).
    byNode.set(
      path.state.context,
      path.steps.slice(1).map((step) => step.event.edge),
    );
  }
  return byNode;
}

/** For each goal, the shortest behaviour (as transition indices) that ends with a transition covering it. */
function behaviourPerGoal(spec: SpecGraph): number[][] {
  const toNode = shortestBehaviours(spec);
  const best: (number[] | undefined)[] = spec.goals.map(() => undefined);
  spec.edges.forEach((edge, index) => {
    const prefix = edge.from === ROOT ? [] : toNode.get(edge.from);
    if (prefix === undefined) return; // cannot happen: every explored state is reachable
    const current = best[edge.goal];
    if (current === undefined || prefix.length + 1 < current.length) best[edge.goal] = [...prefix, index];
  });
  return best.map((b, goal) => {
    if (b === undefined) throw new Error(`internal error: no behaviour covers goal ${goal}`);
    return b;
  });
}

/**
 * Greedy cover: the goals' shortest behaviours, shortest first, each kept
 * only when it covers a goal no kept behaviour covers. A kept behaviour is
 * extended while its last state has a transition to a goal still uncovered
 * (up to `maxLength` actions), so that fewer, longer paths cover the graph.
 * Last, a behaviour that is a prefix of another is dropped.
 */
function selectCover(spec: SpecGraph, behaviours: number[][], maxLength: number): number[][] {
  const order = behaviours.map((_, goal) => goal);
  order.sort((a, b) => behaviours[a]!.length - behaviours[b]!.length || a - b);
  const covered = new Set<number>();
  const chosen: number[][] = [];
  for (const goal of order) {
    if (covered.has(goal)) continue;
    const behaviour = [...behaviours[goal]!];
    for (const edge of behaviour) covered.add(spec.edges[edge]!.goal);
    // The first transition is the initial state, not an action: hence `<=`.
    while (behaviour.length <= maxLength) {
      const last = spec.edges[behaviour[behaviour.length - 1]!]!.to;
      const next = spec.nodes[last]!.out.find((edge) => !covered.has(spec.edges[edge]!.goal));
      if (next === undefined) break;
      behaviour.push(next);
      covered.add(spec.edges[next]!.goal);
    }
    chosen.push(behaviour);
  }
  const keyOf = (behaviour: number[], length: number): string => behaviour.slice(0, length).join(',');
  const properPrefixes = new Set<string>();
  for (const b of chosen) for (let n = 1; n < b.length; n++) properPrefixes.add(keyOf(b, n));
  return chosen.filter((b) => !properPrefixes.has(keyOf(b, b.length)));
}

function toCoveringPath(model: Model, spec: SpecGraph, behaviour: number[]): CoveringPath {
  const steps: ReplayStep[] = [];
  const calls: string[] = [];
  const edges: AbstractEdge[] = [];
  for (const index of behaviour) {
    const edge = spec.edges[index]!;
    const values = stateRecord(model, spec.nodes[edge.to]!.state);
    if (edge.from === ROOT) {
      steps.push({ values });
      continue;
    }
    const params = Object.fromEntries(edge.action.params);
    steps.push({ action: { name: edge.action.name, params }, values });
    calls.push(describeCall(edge.action.name, params));
    const goal = spec.goals[edge.goal]!;
    if (goal.kind === 'edge') edges.push(goal.edge);
  }
  const first = spec.edges[behaviour[0]!]!;
  return {
    name: calls.length > 0 ? calls.join(' → ') : '(initial state only)',
    steps,
    trace: stepsToTrace(steps, { spec: model.moduleName, vars: [...model.variables] }),
    initial: spec.nodes[first.to]!.abstract,
    edges,
  };
}

/**
 * Behaviours of `model` that together start in every abstract initial state
 * and take every edge of the abstract graph. Evaluation errors of the spec
 * are thrown (an `EvalError` with the spec location).
 */
export function coverTransitions(model: Model, options: TransitionCoverOptions = {}): TransitionCoverage {
  const spec = exploreSpec(model, options);
  const chosen =
    spec.goals.length === 0 ? [] : selectCover(spec, behaviourPerGoal(spec), options.maxPathLength ?? 50);
  return {
    graph: spec.graph,
    paths: chosen.map((behaviour) => toCoveringPath(model, spec, behaviour)),
    states: spec.nodes.length,
    truncated: spec.truncated,
  };
}
