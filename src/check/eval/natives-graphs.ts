/**
 * Relation and Graphs operators evaluated natively: transitive closure by
 * Warshall's algorithm and connectivity by reachability over the edges,
 * instead of the definitions' iterated function sets and path sets.
 */
import {
  applyFcn,
  asFcn,
  asSet,
  fieldAccess,
  makeFcn,
  printValue,
  setElems,
  TupleValue,
  type Value,
  valueEquals,
} from '../value/index.js';
import { nativeOp } from './natives-args.js';
import { evalFail } from './runtime.js';

/** Index of `x` in the sorted `elems`, or -1. */
function indexIn(elems: readonly Value[], x: Value): number {
  for (let i = 0; i < elems.length; i++) if (valueEquals(elems[i], x)) return i;
  return -1;
}

/** reach[i][j]: j is reachable from i in one or more steps of `step` (Warshall). */
function closure(step: boolean[][]): boolean[][] {
  const n = step.length;
  const reach = step.map((row) => row.slice());
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (!reach[i][k]) continue;
      for (let j = 0; j < n; j++) if (reach[k][j]) reach[i][j] = true;
    }
  }
  return reach;
}

/** The function [x, y \in elems |-> m[x][y]], keys in canonical order. */
function pairFunction(elems: readonly Value[], m: boolean[][]): Value {
  const keys: Value[] = [];
  const vals: Value[] = [];
  for (let i = 0; i < elems.length; i++) {
    for (let j = 0; j < elems.length; j++) {
      keys.push(new TupleValue([elems[i], elems[j]]));
      vals.push(m[i][j]);
    }
  }
  return makeFcn(keys, vals);
}

// TransitiveClosure(R, S): R[x, y] chained through elements of S, one or more steps.
nativeOp('TransitiveClosure', ['value', 'value'], (call) => {
  const R = asFcn(call.args[0]);
  const elems = setElems(asSet(call.args[1]));
  const step = elems.map((x) =>
    elems.map((y) => {
      const v = applyFcn(R, new TupleValue([x, y]));
      if (typeof v !== 'boolean')
        return evalFail('type', `A relation must map pairs to Booleans, not to ${printValue(v)}.`);
      return v;
    }),
  );
  return pairFunction(elems, closure(step));
});

/** The nodes of graph G and its reachability matrix (zero or more steps, through nodes of G only). */
function connections(G: Value): { nodes: readonly Value[]; reach: boolean[][] } {
  const nodes = setElems(asSet(fieldAccess(G, 'node')));
  const step = nodes.map((_, i) => nodes.map((__, j) => i === j));
  for (const e of setElems(asSet(fieldAccess(G, 'edge')))) {
    const from = indexIn(nodes, applyFcn(asFcn(e), 1));
    const to = indexIn(nodes, applyFcn(asFcn(e), 2));
    if (from >= 0 && to >= 0) step[from][to] = true;
  }
  return { nodes, reach: closure(step) };
}

nativeOp('ConnectionsIn', ['value'], (call) => {
  const { nodes, reach } = connections(call.args[0]);
  return pairFunction(nodes, reach);
});

// AreConnectedIn(m, n, G): a path of G's edges through G's nodes leads from m to n.
nativeOp('AreConnectedIn', ['value', 'value', 'value'], (call) => {
  const { nodes, reach } = connections(call.args[2]);
  const m = indexIn(nodes, call.args[0]);
  const n = indexIn(nodes, call.args[1]);
  return m >= 0 && n >= 0 && reach[m][n];
});

nativeOp('IsStronglyConnected', ['value'], (call) =>
  connections(call.args[0]).reach.every((row) => row.every((r) => r)),
);
