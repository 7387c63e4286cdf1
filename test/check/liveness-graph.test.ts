/**
 * The fair-cycle search on random small behaviour graphs, against brute
 * force: for a random formula ψ (the negated property) and random WF/SF
 * conditions, whenever some short lasso of the graph (stuttering allowed)
 * is fair and satisfies ψ, the search must find a violation; and every
 * lasso it returns must be a real path of the graph that is fair and
 * satisfies ψ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scope } from '../../src/check/eval/scope.js';
import {
  AtomTable,
  type BehaviourGraph,
  buildLasso,
  buildProduct,
  buildTableau,
  type FairnessBits,
  findFairScc,
  type Ltl,
  LtlFactory,
  showLtl,
} from '../../src/check/liveness/index.js';
import { MemoryStateStore } from '../../src/check/search/index.js';
import type { Expr } from '../../src/tla/ast.js';

// State bits: 0, 1 = the formula's atoms p0, p1; 2, 3 = ENABLED of fairness actions 0, 1.
// Action bits: 0, 1 = the step is one of fairness action 0, 1.
interface RandomGraph {
  n: number;
  stateBits: number[];
  edges: { from: number; to: number; bits: number }[];
}

const graphs = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc
    .record({
      labels: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: n, maxLength: n }),
      edges: fc.uniqueArray(
        fc.record({
          from: fc.nat({ max: n - 1 }),
          to: fc.nat({ max: n - 1 }),
          bits: fc.integer({ min: 0, max: 3 }),
        }),
        { selector: (e) => `${e.from}>${e.to}`, maxLength: n * n },
      ),
    })
    .map(({ labels, edges }): RandomGraph => {
      const real = edges.filter((e) => e.from !== e.to);
      // An action taken from a state is enabled there.
      const stateBits = labels.map((l, s) =>
        real.filter((e) => e.from === s).reduce((acc, e) => acc | (e.bits << 2), l),
      );
      return { n, stateBits, edges: real };
    }),
);

type Shape =
  | { op: 'lit'; atom: number; neg: boolean }
  | { op: 'and' | 'or'; a: Shape; b: Shape }
  | { op: 'eventually' | 'always'; a: Shape };

const shapes = fc.letrec<{ f: Shape }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ op: fc.constant('lit' as const), atom: fc.integer({ min: 0, max: 1 }), neg: fc.boolean() }),
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), a: tie('f'), b: tie('f') }),
    fc.record({ op: fc.constantFrom('eventually' as const, 'always' as const), a: tie('f') }),
  ),
})).f;

const fairnessLists = fc.uniqueArray(
  fc.record({
    strength: fc.constantFrom('WF' as const, 'SF' as const),
    action: fc.integer({ min: 0, max: 1 }),
  }),
  { selector: (f) => f.action, maxLength: 2 },
);

function build(L: LtlFactory, s: Shape): Ltl {
  switch (s.op) {
    case 'lit':
      return L.lit(s.atom, s.neg);
    case 'and':
      return L.and([build(L, s.a), build(L, s.b)]);
    case 'or':
      return L.or([build(L, s.a), build(L, s.b)]);
    case 'eventually':
      return L.eventually(build(L, s.a));
    case 'always':
      return L.always(build(L, s.a));
  }
}

function atomTable(): AtomTable {
  const scope = new Scope(null, 'T');
  const loc = { file: 't', line: 1, col: 1, endLine: 1, endCol: 1 };
  const atoms = new AtomTable();
  const fresh = (): { expr: Expr; scope: Scope } => ({ expr: { kind: 'Bool', loc, value: true }, scope });
  for (let i = 0; i < 4; i++) atoms.add('state', fresh()); // ids 0..3 = state bits 0..3
  for (let i = 0; i < 2; i++) atoms.add('action', fresh()); // ids 4, 5 = action bits 0, 1
  return atoms;
}

function behaviourGraph(g: RandomGraph): BehaviourGraph {
  const sorted = [...g.edges].sort((a, b) => a.from - b.from || a.to - b.to);
  const edgeStart = new Int32Array(g.n + 1);
  for (const e of sorted) edgeStart[e.from + 1]!++;
  for (let s = 0; s < g.n; s++) edgeStart[s + 1]! += edgeStart[s]!;
  return {
    size: g.n,
    initial: Int32Array.from([0]),
    edgeStart,
    edgeTarget: Int32Array.from(sorted.map((e) => e.to)),
    edgeBits: Uint32Array.from(sorted.map((e) => e.bits)),
    stateBits: Uint32Array.from(g.stateBits),
    stutterBits: new Uint32Array(g.n),
    stateWords: 1,
    actionWords: 1,
    store: new MemoryStateStore(),
  };
}

/** Action bits of the step s → t (0 for a stutter), or undefined when it is not a step of the graph. */
function stepBits(g: RandomGraph, s: number, t: number): number | undefined {
  if (s === t) return 0;
  return g.edges.find((e) => e.from === s && e.to === t)?.bits;
}

/** Whether ψ holds on the lasso `states` (then back to `loop`) and every fairness condition does. */
function fairModel(
  g: RandomGraph,
  psi: Ltl,
  fairness: FairnessBits[],
  states: number[],
  loop: number,
): boolean {
  const n = states.length;
  const next = (i: number) => (i + 1 < n ? i + 1 : loop);
  const cycle = states.map((_, i) => i).filter((i) => i >= loop);
  for (const f of fairness) {
    const enabled = (i: number) => ((g.stateBits[states[i]!]! >> f.enabledBit) & 1) === 1;
    const taken = (i: number) => ((stepBits(g, states[i]!, states[next(i)]!)! >> f.takenBit) & 1) === 1;
    const took = cycle.some(taken);
    const ok = f.strength === 'WF' ? took || cycle.some((i) => !enabled(i)) : took || !cycle.some(enabled);
    if (!ok) return false;
  }
  return holds(psi, g, states, next)[0]!;
}

function holds(f: Ltl, g: RandomGraph, states: number[], next: (i: number) => number): boolean[] {
  const n = states.length;
  switch (f.k) {
    case 'true':
    case 'false':
      return new Array<boolean>(n).fill(f.k === 'true');
    case 'lit':
      return states.map((s) => (((g.stateBits[s]! >> f.atom) & 1) === 1) !== f.neg);
    case 'and':
    case 'or': {
      const parts = f.args.map((a) => holds(a, g, states, next));
      return states.map((_, i) => (f.k === 'and' ? parts.every((p) => p[i]) : parts.some((p) => p[i])));
    }
    case 'until':
    case 'release': {
      const a = holds(f.f, g, states, next);
      const b = holds(f.g, g, states, next);
      let sat = new Array<boolean>(n).fill(f.k === 'release');
      for (let r = 0; r <= n; r++) {
        sat = sat.map((_, i) =>
          f.k === 'until' ? b[i]! || (a[i]! && sat[next(i)]!) : b[i]! && (a[i]! || sat[next(i)]!),
        );
      }
      return sat;
    }
  }
}

/** Some lasso of at most `max` positions (stutters included) from state 0 that is fair and satisfies ψ. */
function bruteForce(g: RandomGraph, psi: Ltl, fairness: FairnessBits[], max: number): boolean {
  const paths: number[][] = [[0]];
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    const last = p[p.length - 1]!;
    for (let loop = 0; loop < p.length; loop++) {
      if (stepBits(g, last, p[loop]!) !== undefined && fairModel(g, psi, fairness, p, loop)) return true;
    }
    if (p.length < max) {
      for (let t = 0; t < g.n; t++) if (stepBits(g, last, t) !== undefined) paths.push([...p, t]);
    }
  }
  return false;
}

describe('liveness: fair cycles on random graphs', () => {
  it('finds a violation exactly when one exists, and its lasso is a fair path satisfying ψ', () => {
    fc.assert(
      fc.property(graphs, shapes, fairnessLists, (g, shape, fairs) => {
        const L = new LtlFactory();
        const psi = build(L, shape);
        const tableau = buildTableau(psi);
        const atoms = atomTable();
        const graph = behaviourGraph(g);
        const fairness: FairnessBits[] = fairs.map((f) => ({
          strength: f.strength,
          enabledBit: 2 + f.action,
          takenBit: f.action,
        }));
        const product = buildProduct(graph, tableau, atoms);
        const input = { product, graph, acceptance: tableau.acceptance, fairness };
        const scc = findFairScc(input);
        const what = `${showLtl(psi)} with ${JSON.stringify(fairs)} on ${JSON.stringify(g)}`;
        if (bruteForce(g, psi, fairness, 5)) expect(scc, what).not.toBeNull();
        if (!scc) return;
        const lasso = buildLasso(input, scc);
        const { states } = lasso;
        expect(states[0]).toBe(0);
        for (let i = 1; i < states.length; i++) {
          expect(stepBits(g, states[i - 1]!, states[i]!), `${what}: step ${i}`).toBeDefined();
        }
        const loop = lasso.stuttering ? states.length - 1 : lasso.loop;
        expect(stepBits(g, states.at(-1)!, states[loop]!)).toBeDefined();
        expect(fairModel(g, psi, fairness, states, loop), `${what}: lasso ${JSON.stringify(lasso)}`).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });
});
