/**
 * Linear temporal formulas in negation normal form, over atoms.
 *
 * An atom is a state predicate or an action predicate of the spec (see
 * atoms.ts); negation appears only on atoms. `<>f` is `true U f` and `[]f`
 * is `false R f`, the two forms the tableau (tableau.ts) expands. Formulas
 * are hash-consed: structurally equal formulas are the same object with the
 * same `id`, so the tableau can keep sets of formula ids.
 */

export type Ltl =
  | { readonly k: 'true'; readonly id: number }
  | { readonly k: 'false'; readonly id: number }
  /** Atom `atom` (an index into the atom table), negated when `neg`. */
  | { readonly k: 'lit'; readonly id: number; readonly atom: number; readonly neg: boolean }
  | { readonly k: 'and'; readonly id: number; readonly args: readonly Ltl[] }
  | { readonly k: 'or'; readonly id: number; readonly args: readonly Ltl[] }
  /** `f U g`: g eventually holds, and f holds until then. */
  | { readonly k: 'until'; readonly id: number; readonly f: Ltl; readonly g: Ltl }
  /** `f R g`: g holds up to and including the first position where f holds (forever if never). */
  | { readonly k: 'release'; readonly id: number; readonly f: Ltl; readonly g: Ltl };

/** Builds hash-consed formulas; one factory per property check. */
export class LtlFactory {
  private readonly byKey = new Map<string, Ltl>();
  readonly T: Ltl;
  readonly F: Ltl;

  constructor() {
    this.T = this.intern('T', (id) => ({ k: 'true', id }));
    this.F = this.intern('F', (id) => ({ k: 'false', id }));
  }

  /** Number of distinct formulas built so far (ids are below it). */
  get size(): number {
    return this.byKey.size;
  }

  lit(atom: number, neg: boolean): Ltl {
    return this.intern(`${neg ? '!' : ''}a${atom}`, (id) => ({ k: 'lit', id, atom, neg }));
  }

  and(args: readonly Ltl[]): Ltl {
    const flat = this.flatten('and', args);
    if (flat.some((a) => a.k === 'false')) return this.F;
    const kept = flat.filter((a) => a.k !== 'true');
    if (kept.length === 0) return this.T;
    if (kept.length === 1) return kept[0]!;
    return this.intern(`&(${kept.map((a) => a.id).join(',')})`, (id) => ({ k: 'and', id, args: kept }));
  }

  or(args: readonly Ltl[]): Ltl {
    const flat = this.flatten('or', args);
    if (flat.some((a) => a.k === 'true')) return this.T;
    const kept = flat.filter((a) => a.k !== 'false');
    if (kept.length === 0) return this.F;
    if (kept.length === 1) return kept[0]!;
    return this.intern(`|(${kept.map((a) => a.id).join(',')})`, (id) => ({ k: 'or', id, args: kept }));
  }

  until(f: Ltl, g: Ltl): Ltl {
    if (g.k === 'true' || g.k === 'false') return g;
    return this.intern(`U(${f.id},${g.id})`, (id) => ({ k: 'until', id, f, g }));
  }

  release(f: Ltl, g: Ltl): Ltl {
    if (g.k === 'true' || g.k === 'false') return g;
    return this.intern(`R(${f.id},${g.id})`, (id) => ({ k: 'release', id, f, g }));
  }

  eventually(g: Ltl): Ltl {
    // <><>g = <>g
    if (g.k === 'until' && g.f.k === 'true') return g;
    return this.until(this.T, g);
  }

  always(g: Ltl): Ltl {
    // [][]g = []g
    if (g.k === 'release' && g.f.k === 'false') return g;
    return this.release(this.F, g);
  }

  private flatten(k: 'and' | 'or', args: readonly Ltl[]): Ltl[] {
    const out: Ltl[] = [];
    const seen = new Set<number>();
    for (const a of args) {
      for (const b of a.k === k ? a.args : [a]) {
        if (!seen.has(b.id)) {
          seen.add(b.id);
          out.push(b);
        }
      }
    }
    return out;
  }

  private intern(key: string, make: (id: number) => Ltl): Ltl {
    let f = this.byKey.get(key);
    if (!f) {
      f = make(this.byKey.size);
      this.byKey.set(key, f);
    }
    return f;
  }
}

/** A readable form of a formula, for tests and messages. */
export function showLtl(f: Ltl, atomName: (atom: number) => string = (a) => `a${a}`): string {
  switch (f.k) {
    case 'true':
      return 'TRUE';
    case 'false':
      return 'FALSE';
    case 'lit':
      return `${f.neg ? '~' : ''}${atomName(f.atom)}`;
    case 'and':
      return `(${f.args.map((a) => showLtl(a, atomName)).join(' /\\ ')})`;
    case 'or':
      return `(${f.args.map((a) => showLtl(a, atomName)).join(' \\/ ')})`;
    case 'until':
      return f.f.k === 'true'
        ? `<>${showLtl(f.g, atomName)}`
        : `(${showLtl(f.f, atomName)} U ${showLtl(f.g, atomName)})`;
    case 'release':
      return f.f.k === 'false'
        ? `[]${showLtl(f.g, atomName)}`
        : `(${showLtl(f.f, atomName)} R ${showLtl(f.g, atomName)})`;
  }
}
