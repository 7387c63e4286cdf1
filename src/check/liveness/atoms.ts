/**
 * The atoms of the temporal formulas being checked: the state predicates
 * and action predicates at their leaves, plus the `ENABLED <<A>>_v` and
 * `<<A>>_v` predicates of fairness conditions. Each atom gets a bit: state
 * atoms are evaluated once per state, action atoms once per transition
 * (stuttering steps included), while the safety search runs.
 */
import type { Expr } from '../../tla/ast.js';
import type { EvalModel, ScopedExpr } from '../eval/index.js';
import type { Scope } from '../eval/scope.js';
import type { State } from '../model.js';

export interface Atom {
  kind: 'state' | 'action';
  expr: ScopedExpr;
  /** Bit index among the atoms of its kind. */
  bit: number;
}

export class AtomTable {
  readonly atoms: Atom[] = [];
  private stateBits = 0;
  private actionBits = 0;
  private readonly byExpr = new Map<Expr, Map<Scope, number>>();
  private readonly fairnessAtoms = new Map<Expr, Map<Scope, { enabled: number; taken: number }>>();

  get stateCount(): number {
    return this.stateBits;
  }

  get actionCount(): number {
    return this.actionBits;
  }

  /** The atom for `x` (one per expression and scope). */
  add(kind: 'state' | 'action', x: ScopedExpr): number {
    let byScope = this.byExpr.get(x.expr);
    if (!byScope) {
      byScope = new Map();
      this.byExpr.set(x.expr, byScope);
    }
    const known = byScope.get(x.scope);
    if (known !== undefined) return known;
    const bit = kind === 'state' ? this.stateBits++ : this.actionBits++;
    const id = this.atoms.push({ kind, expr: x, bit }) - 1;
    byScope.set(x.scope, id);
    return id;
  }

  /** The `ENABLED <<A>>_v` and `<<A>>_v` atoms of a fairness formula `WF_v(A)` / `SF_v(A)`. */
  fairness(e: Extract<Expr, { kind: 'Fairness' }>, scope: Scope): { enabled: number; taken: number } {
    let byScope = this.fairnessAtoms.get(e);
    if (!byScope) {
      byScope = new Map();
      this.fairnessAtoms.set(e, byScope);
    }
    const known = byScope.get(scope);
    if (known) return known;
    const loc = e.loc;
    // ENABLED <<A>>_v is ENABLED (A /\ ~UNCHANGED v): run A as an action, then test the subscript.
    const changes: Expr = { kind: 'OpApp', loc, name: '~', args: [{ kind: 'Unchanged', loc, expr: e.sub }] };
    const enabledExpr: Expr = {
      kind: 'Enabled',
      loc,
      expr: { kind: 'OpApp', loc, name: '/\\', args: [e.action, changes] },
    };
    const takenExpr: Expr = { kind: 'ActionAngle', loc, action: e.action, sub: e.sub };
    const atoms = {
      enabled: this.add('state', { expr: enabledExpr, scope }),
      taken: this.add('action', { expr: takenExpr, scope }),
    };
    byScope.set(scope, atoms);
    return atoms;
  }
}

/** Words of a bit set of `n` bits. */
export function wordsFor(n: number): number {
  return Math.max(1, Math.ceil(n / 32));
}

/** Compiled atom evaluators: write a state's or a step's bits into `out` at `offset`. */
export interface AtomEvaluator {
  readonly stateWords: number;
  readonly actionWords: number;
  stateBits(state: State, out: Uint32Array, offset: number): void;
  actionBits(from: State, to: State, out: Uint32Array, offset: number): void;
}

export function compileAtoms(model: EvalModel, table: AtomTable): AtomEvaluator {
  const statePreds: { bit: number; holds: (s: State) => boolean }[] = [];
  const actionPreds: { bit: number; holds: (s: State, t: State) => boolean }[] = [];
  for (const a of table.atoms) {
    if (a.kind === 'state') {
      const e = a.expr.expr;
      // ENABLED atoms go through the model's ENABLED hook; the rest are plain predicates.
      const holds =
        e.kind === 'Enabled'
          ? model.enabled({ expr: e.expr, scope: a.expr.scope })
          : model.statePredicate(a.expr);
      statePreds.push({ bit: a.bit, holds });
    } else {
      actionPreds.push({ bit: a.bit, holds: model.actionPredicate(a.expr) });
    }
  }
  return {
    stateWords: wordsFor(table.stateCount),
    actionWords: wordsFor(table.actionCount),
    stateBits(state, out, offset) {
      for (const p of statePreds) {
        if (p.holds(state)) out[offset + (p.bit >>> 5)] |= 1 << (p.bit & 31);
      }
    },
    actionBits(from, to, out, offset) {
      for (const p of actionPreds) {
        if (p.holds(from, to)) out[offset + (p.bit >>> 5)] |= 1 << (p.bit & 31);
      }
    },
  };
}

/** Whether bit `bit` is set in the bit set at `offset`. */
export function testBit(bits: Uint32Array, offset: number, bit: number): boolean {
  return (bits[offset + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
}
