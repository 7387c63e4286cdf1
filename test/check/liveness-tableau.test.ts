/**
 * The tableau of a formula accepts exactly the behaviours that satisfy it:
 * checked on random formulas over two atoms and random lasso-shaped
 * behaviours (a prefix, then a loop), against a direct evaluation of the
 * formula on the lasso.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTableau, type Ltl, LtlFactory, showLtl, type Tableau } from '../../src/check/liveness/index.js';

type Shape =
  | { op: 'lit'; atom: number; neg: boolean }
  | { op: 'and' | 'or' | 'until' | 'release'; a: Shape; b: Shape }
  | { op: 'eventually' | 'always'; a: Shape };

const shapes = fc.letrec<{ f: Shape }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ op: fc.constant('lit' as const), atom: fc.integer({ min: 0, max: 1 }), neg: fc.boolean() }),
    fc.record({
      op: fc.constantFrom('and' as const, 'or' as const, 'until' as const, 'release' as const),
      a: tie('f'),
      b: tie('f'),
    }),
    fc.record({ op: fc.constantFrom('eventually' as const, 'always' as const), a: tie('f') }),
  ),
})).f;

function build(L: LtlFactory, s: Shape): Ltl {
  switch (s.op) {
    case 'lit':
      return L.lit(s.atom, s.neg);
    case 'and':
      return L.and([build(L, s.a), build(L, s.b)]);
    case 'or':
      return L.or([build(L, s.a), build(L, s.b)]);
    case 'until':
      return L.until(build(L, s.a), build(L, s.b));
    case 'release':
      return L.release(build(L, s.a), build(L, s.b));
    case 'eventually':
      return L.eventually(build(L, s.a));
    case 'always':
      return L.always(build(L, s.a));
  }
}

/** A lasso word: one bit set of atoms per position; after the last position comes `loop`. */
interface Word {
  letters: number[];
  loop: number;
}

const words = fc
  .array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 })
  .chain((letters) =>
    fc.record({ letters: fc.constant(letters), loop: fc.nat({ max: letters.length - 1 }) }),
  );

/** The positions of the lasso where `f` holds (fixpoints for U and R). */
function holdsAt(f: Ltl, w: Word): boolean[] {
  const n = w.letters.length;
  const next = (i: number) => (i + 1 < n ? i + 1 : w.loop);
  const all = (v: boolean) => new Array<boolean>(n).fill(v);
  switch (f.k) {
    case 'true':
      return all(true);
    case 'false':
      return all(false);
    case 'lit':
      return w.letters.map((l) => (((l >> f.atom) & 1) === 1) !== f.neg);
    case 'and': {
      const parts = f.args.map((a) => holdsAt(a, w));
      return all(true).map((_, i) => parts.every((p) => p[i]));
    }
    case 'or': {
      const parts = f.args.map((a) => holdsAt(a, w));
      return all(false).map((_, i) => parts.some((p) => p[i]));
    }
    case 'until':
    case 'release': {
      const a = holdsAt(f.f, w);
      const b = holdsAt(f.g, w);
      let sat = all(f.k === 'release');
      for (let round = 0; round <= n; round++) {
        sat =
          f.k === 'until'
            ? sat.map((_, i) => b[i]! || (a[i]! && sat[next(i)]!))
            : sat.map((_, i) => b[i]! && (a[i]! || sat[next(i)]!));
      }
      return sat;
    }
  }
}

/** Whether the automaton has an accepting run on the word (brute force over the small product). */
function accepts(t: Tableau, w: Word): boolean {
  const n = w.letters.length;
  const Q = t.nodes.length;
  const ok = (i: number, q: number) =>
    t.nodes[q]!.literals.every((l) => (((w.letters[i]! >> l.atom) & 1) === 1) !== l.neg);
  const id = (i: number, q: number) => i * Q + q;
  const size = n * Q;
  const succ: number[][] = Array.from({ length: size }, () => []);
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < Q; q++) {
      if (!ok(i, q)) continue;
      const j = i + 1 < n ? i + 1 : w.loop;
      for (const q2 of t.nodes[q]!.successors) if (ok(j, q2)) succ[id(i, q)]!.push(id(j, q2));
    }
  }
  const reach = (from: number): Set<number> => {
    const seen = new Set<number>();
    const stack = [...succ[from]!];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (seen.has(v)) continue;
      seen.add(v);
      stack.push(...succ[v]!);
    }
    return seen;
  };
  const reachable = new Set<number>();
  for (const q of t.initial) {
    if (!ok(0, q)) continue;
    reachable.add(id(0, q));
    for (const v of reach(id(0, q))) reachable.add(v);
  }
  for (const u of reachable) {
    const fromU = reach(u);
    if (!fromU.has(u)) continue;
    const scc = [...fromU].filter((v) => reach(v).has(u));
    if (t.acceptance.every((set) => scc.some((v) => set[v % Q]))) return true;
  }
  return false;
}

describe('liveness tableau', () => {
  it('accepts exactly the lassos that satisfy the formula', () => {
    fc.assert(
      fc.property(shapes, words, (shape, word) => {
        const L = new LtlFactory();
        const f = build(L, shape);
        const t = buildTableau(f);
        expect(accepts(t, word), `${showLtl(f)} on ${JSON.stringify(word)}`).toBe(holdsAt(f, word)[0]);
      }),
      { numRuns: 400 },
    );
  });

  it('has one node for []~P (the negation of <>P) that loops on itself', () => {
    const L = new LtlFactory();
    const t = buildTableau(L.always(L.lit(0, true)));
    expect(t.nodes).toEqual([{ literals: [{ atom: 0, neg: true }], successors: [0] }]);
    expect(t.initial).toEqual([0]);
    expect(t.acceptance).toEqual([]);
  });
});
