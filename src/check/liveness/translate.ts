/**
 * TLA+ temporal formulas → LTL in negation normal form (ltl.ts).
 *
 * Handles `[]`, `<>`, `~>`, the boolean connectives, `WF_v(A)` / `SF_v(A)`,
 * IF/THEN/ELSE over temporal branches, bounded `\A` / `\E` over temporal
 * bodies (expanded over the constant set), and user definitions whose body
 * is temporal (parameters bound to the constant values of the arguments).
 * Every non-temporal subformula becomes an atom: a state predicate, or an
 * action predicate when it reads primed variables.
 */
import type { Expr, Loc } from '../../tla/ast.js';
import type { EvalModel, ScopedExpr } from '../eval/index.js';
import { Scope } from '../eval/scope.js';
import { asSet, setElems, TupleValue, type Value } from '../value/index.js';
import type { AtomTable } from './atoms.js';
import { constantInScope } from './constant-in-scope.js';
import { ExprLevels, instanceDefinition, userDefinition } from './expr-level.js';
import type { Ltl, LtlFactory } from './ltl.js';

/** A construct the liveness checker does not handle (reported, then the property is left unchecked). */
export class UnsupportedFormula extends Error {
  constructor(
    message: string,
    readonly loc?: Loc,
  ) {
    super(message);
    this.name = 'UnsupportedFormula';
  }
}

export class Translator {
  readonly levels: ExprLevels;

  constructor(
    private readonly model: EvalModel,
    private readonly atoms: AtomTable,
    private readonly L: LtlFactory,
  ) {
    this.levels = new ExprLevels(model.globals);
  }

  /** `x` (negated when `neg`) as an NNF formula; throws UnsupportedFormula. */
  translate(x: ScopedExpr, neg = false): Ltl {
    const { expr: e, scope } = x;
    if (!this.levels.isTemporal(e, scope)) return this.atom(x, neg);
    const L = this.L;
    const tr = (sub: Expr, n: boolean, s: Scope = scope) => this.translate({ expr: sub, scope: s }, n);
    switch (e.kind) {
      case 'OpApp':
        switch (e.name) {
          case '[]':
            return neg ? L.eventually(tr(e.args[0]!, true)) : L.always(tr(e.args[0]!, false));
          case '<>':
            return neg ? L.always(tr(e.args[0]!, true)) : L.eventually(tr(e.args[0]!, false));
          case '~>': {
            // P ~> Q is [](P => <>Q)
            const [p, q] = e.args as [Expr, Expr];
            return neg
              ? L.eventually(L.and([tr(p, false), L.always(tr(q, true))]))
              : L.always(L.or([tr(p, true), L.eventually(tr(q, false))]));
          }
          case '/\\':
            return neg ? L.or(e.args.map((a) => tr(a, true))) : L.and(e.args.map((a) => tr(a, false)));
          case '\\/':
            return neg ? L.and(e.args.map((a) => tr(a, true))) : L.or(e.args.map((a) => tr(a, false)));
          case '~':
            return tr(e.args[0]!, !neg);
          case '=>': {
            const [a, b] = e.args as [Expr, Expr];
            return neg ? L.and([tr(a, false), tr(b, true)]) : L.or([tr(a, true), tr(b, false)]);
          }
          case '<=>': {
            const [a, b] = e.args as [Expr, Expr];
            return L.or([L.and([tr(a, false), tr(b, neg)]), L.and([tr(a, true), tr(b, !neg)])]);
          }
          case '-+->':
            throw new UnsupportedFormula('the -+-> operator is not supported by the liveness checker', e.loc);
          default:
            return this.definition(e.name, e.args, x, neg);
        }
      case 'Ident':
        return this.definition(e.name, [], x, neg);
      case 'InstanceRef': {
        const def = instanceDefinition(e, scope, this.model.globals);
        if (!def || def.params.length !== e.args.length) {
          throw new UnsupportedFormula(
            `the liveness checker cannot look into ${e.path.map((p) => p.name).join('!')}!${e.name}`,
            e.loc,
          );
        }
        return this.applied(def, e.args, x, neg, e.name);
      }
      case 'If': {
        const c = this.atom({ expr: e.cond, scope }, false);
        const notC = this.atom({ expr: e.cond, scope }, true);
        return L.or([L.and([c, tr(e.then, neg)]), L.and([notC, tr(e.else, neg)])]);
      }
      case 'Quant':
        return this.quantifier(e, scope, neg);
      case 'Fairness':
        return this.fairness(e, scope, neg);
      default:
        throw new UnsupportedFormula(
          `the liveness checker does not handle ${e.kind} around temporal operators`,
          e.loc,
        );
    }
  }

  /**
   * The WF/SF formulas `x` is a conjunction of (through `/\`, bounded `\A` and
   * definitions), each in the scope that binds its names; null when `x` is
   * anything else.
   */
  fairnessConjuncts(x: ScopedExpr): ScopedExpr[] | null {
    const e = x.expr;
    if (e.kind === 'Fairness') return [x];
    if (e.kind === 'OpApp' && e.name === '/\\') {
      const out: ScopedExpr[] = [];
      for (const a of e.args) {
        const sub = this.fairnessConjuncts({ expr: a, scope: x.scope });
        if (!sub) return null;
        out.push(...sub);
      }
      return out;
    }
    if (e.kind === 'Ident' || (e.kind === 'OpApp' && userDefinition(e.name, x.scope))) {
      const def = userDefinition(e.name, x.scope);
      if (!def || def.params.length > 0) return null;
      return this.fairnessConjuncts({ expr: def.body, scope: def.scope });
    }
    if (e.kind === 'Quant' && e.quantifier === 'forall' && e.bounds.length === 1 && !e.bounds[0]!.tuple) {
      const b = e.bounds[0]!;
      const out: ScopedExpr[] = [];
      const set = asSet(this.constant({ expr: b.set, scope: x.scope }));
      const combos = (j: number, s: Scope): boolean => {
        if (j === b.names.length) {
          const sub = this.fairnessConjuncts({ expr: e.body, scope: s });
          if (!sub) return false;
          out.push(...sub);
          return true;
        }
        for (const v of setElems(set)) {
          const inner = new Scope(s, s.module);
          inner.set(b.names[j]!, { kind: 'value', value: v, name: b.names[j]! });
          if (!combos(j + 1, inner)) return false;
        }
        return true;
      };
      return combos(0, x.scope) ? out : null;
    }
    return null;
  }

  /** `WF_v(A)` is `[]<>~ENABLED <<A>>_v \/ []<><<A>>_v`; `SF_v(A)` is `<>[]~ENABLED <<A>>_v \/ []<><<A>>_v`. */
  private fairness(e: Extract<Expr, { kind: 'Fairness' }>, scope: Scope, neg: boolean): Ltl {
    const L = this.L;
    const { enabled, taken } = this.atoms.fairness(e, scope);
    const en = (n: boolean) => L.lit(enabled, n);
    const tk = (n: boolean) => L.lit(taken, n);
    if (e.strength === 'WF') {
      return neg
        ? L.and([L.eventually(L.always(en(false))), L.eventually(L.always(tk(true)))])
        : L.or([L.always(L.eventually(en(true))), L.always(L.eventually(tk(false)))]);
    }
    return neg
      ? L.and([L.always(L.eventually(en(false))), L.eventually(L.always(tk(true)))])
      : L.or([L.eventually(L.always(en(true))), L.always(L.eventually(tk(false)))]);
  }

  private definition(name: string, args: readonly Expr[], x: ScopedExpr, neg: boolean): Ltl {
    const def = userDefinition(name, x.scope);
    if (!def || def.params.length !== args.length) {
      throw new UnsupportedFormula(`cannot read ${name} as a temporal formula`, x.expr.loc);
    }
    return this.applied(def, args, x, neg, name);
  }

  /** The body of `def` with its parameters bound to the constant values of `args`. */
  private applied(
    def: NonNullable<ReturnType<typeof userDefinition>>,
    args: readonly Expr[],
    x: ScopedExpr,
    neg: boolean,
    name: string,
  ): Ltl {
    if (args.length === 0) return this.translate({ expr: def.body, scope: def.scope }, neg);
    const scope = new Scope(def.scope, def.scope.module);
    def.params.forEach((p, i) => {
      if (p.arity > 0) {
        throw new UnsupportedFormula(
          `temporal operator ${name} has an operator parameter, which the liveness checker does not handle`,
          x.expr.loc,
        );
      }
      scope.set(p.name, {
        kind: 'value',
        value: this.constant({ expr: args[i]!, scope: x.scope }),
        name: p.name,
      });
    });
    return this.translate({ expr: def.body, scope }, neg);
  }

  /** `\A x \in S : F` is the conjunction of F over the elements of S; `\E` the disjunction. */
  private quantifier(e: Extract<Expr, { kind: 'Quant' }>, scope: Scope, neg: boolean): Ltl {
    if (e.bounds.length === 0) {
      throw new UnsupportedFormula(
        'an unbounded quantifier over a temporal formula cannot be checked',
        e.loc,
      );
    }
    // `x, y \in S` binds each name to every element independently: one binder per name.
    const binders = e.bounds.flatMap((b) =>
      b.tuple ? [{ names: b.names, tuple: true, b }] : b.names.map((n) => ({ names: [n], tuple: false, b })),
    );
    const parts: Ltl[] = [];
    const bind = (i: number, s: Scope): void => {
      if (i === binders.length) {
        parts.push(this.translate({ expr: e.body, scope: s }, neg));
        return;
      }
      const { names, tuple, b } = binders[i]!;
      const set = asSet(this.constant({ expr: b.set, scope: s }));
      for (const v of setElems(set)) {
        const inner = new Scope(s, s.module);
        const values = tuple ? tupleElems(v, names.length, b.loc) : [v];
        names.forEach((n, j) => {
          inner.set(n, { kind: 'value', value: values[j]!, name: n });
        });
        bind(i + 1, inner);
      }
    };
    bind(0, scope);
    const forall = (e.quantifier === 'forall') !== neg;
    return forall ? this.L.and(parts) : this.L.or(parts);
  }

  private atom(x: ScopedExpr, neg: boolean): Ltl {
    const e = x.expr;
    if (e.kind === 'Bool') return e.value !== neg ? this.L.T : this.L.F;
    const kind = this.levels.isAction(e, x.scope) ? 'action' : 'state';
    return this.L.lit(this.atoms.add(kind, x), neg);
  }

  private constant(x: ScopedExpr): Value {
    try {
      return constantInScope(this.model, x);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new UnsupportedFormula(
        `a quantifier bound or operator argument in a temporal formula must be a constant: ${why}`,
        x.expr.loc,
      );
    }
  }
}

function tupleElems(v: Value, n: number, loc: Loc): Value[] {
  if (v instanceof TupleValue && v.elems.length === n) return [...v.elems];
  throw new UnsupportedFormula(`a tuple pattern of ${n} names does not match the set's elements`, loc);
}
