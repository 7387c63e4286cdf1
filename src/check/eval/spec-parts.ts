/**
 * Reading a SPECIFICATION formula (`Init /\ [][Next]_vars /\ WF_vars(Next)`)
 * and PROPERTY formulas apart: which conjunct is the initial predicate,
 * which the next-state action, which fairness or temporal formulas.
 */
import type { Expr } from '../../tla/ast.js';
import type { Scope } from './scope.js';

/** An expression together with the scope its names resolve in. */
export interface ScopedExpr {
  expr: Expr;
  scope: Scope;
}

export interface SpecParts {
  init: ScopedExpr[];
  next?: ScopedExpr;
  /** `[][Next]_v`'s subscript. */
  vars?: ScopedExpr;
  fairness: ScopedExpr[];
  temporal: ScopedExpr[];
}

/** Expands references to zero-arity definitions (`Spec == Init /\ …`) and flattens conjunctions. */
export function conjuncts(e: Expr, scope: Scope, out: ScopedExpr[] = []): ScopedExpr[] {
  if (e.kind === 'OpApp' && e.name === '/\\') {
    for (const a of e.args) conjuncts(a, scope, out);
    return out;
  }
  if (e.kind === 'Ident') {
    const b = scope.lookup(e.name);
    // Any arity: `Fair(p) == WF_vars(Step(p))` is temporal whatever its argument.
    if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef') {
      if (isTemporal(b.entry.def.body, b.entry.scope)) return conjuncts(b.entry.def.body, b.entry.scope, out);
    }
  }
  out.push({ expr: e, scope });
  return out;
}

/** True when `e` contains a temporal operator (possibly through zero-arity definitions). */
export function isTemporal(e: Expr, scope: Scope, seen = new Set<string>()): boolean {
  switch (e.kind) {
    case 'Fairness':
    case 'TemporalQuant':
      return true;
    case 'OpApp':
      if (e.name === '[]' || e.name === '<>' || e.name === '~>' || e.name === '-+->') return true;
      if (e.args.some((a) => isTemporal(a, scope, seen))) return true;
      return identTemporal(e.name, scope, seen);
    case 'Ident':
      return identTemporal(e.name, scope, seen);
    // Fairness is often written per process: `\A p \in Procs : WF_vars(Step(p))`.
    case 'Quant':
      return isTemporal(e.body, scope, seen);
    case 'If':
      return [e.cond, e.then, e.else].some((x) => isTemporal(x, scope, seen));
    case 'Case':
      return (
        e.arms.some((a) => isTemporal(a.guard, scope, seen) || isTemporal(a.body, scope, seen)) ||
        (e.other !== undefined && isTemporal(e.other, scope, seen))
      );
    case 'Let':
      return isTemporal(e.body, scope, seen);
    default:
      return false;
  }
}

function identTemporal(name: string, scope: Scope, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  const b = scope.lookup(name);
  // Any arity: `Fair(p) == WF_vars(Step(p))` is temporal whatever its argument.
  if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef') {
    return isTemporal(b.entry.def.body, b.entry.scope, seen);
  }
  return false;
}

export function splitSpec(e: Expr, scope: Scope): SpecParts {
  const parts: SpecParts = { init: [], fairness: [], temporal: [] };
  for (const c of conjuncts(e, scope)) {
    const x = c.expr;
    if (
      x.kind === 'OpApp' &&
      x.name === '[]' &&
      x.args.length === 1 &&
      x.args[0].kind === 'ActionBox' &&
      !parts.next
    ) {
      parts.next = { expr: x.args[0].action, scope: c.scope };
      parts.vars = { expr: x.args[0].sub, scope: c.scope };
    } else if (x.kind === 'Fairness') parts.fairness.push(c);
    else if (isTemporal(x, c.scope)) parts.temporal.push(c);
    else parts.init.push(c);
  }
  return parts;
}

/** The kind of a PROPERTY: `[]P` (P a state predicate), `[][A]_v`, or anything else. */
export type PropertyKind =
  | { kind: 'state'; pred: ScopedExpr }
  | { kind: 'action'; action: ScopedExpr }
  | { kind: 'temporal' };

export function classifyProperty(e: Expr, scope: Scope): PropertyKind[] {
  return conjuncts(e, scope).map((c) => {
    const x = c.expr;
    if (x.kind === 'OpApp' && x.name === '[]' && x.args.length === 1) {
      const a = x.args[0];
      if (a.kind === 'ActionBox') return { kind: 'action', action: { expr: a, scope: c.scope } };
      if (!isTemporal(a, c.scope)) return { kind: 'state', pred: { expr: a, scope: c.scope } };
    }
    return { kind: 'temporal' };
  });
}
