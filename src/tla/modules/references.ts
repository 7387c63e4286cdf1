/**
 * The module names a module refers to: its EXTENDS list and every INSTANCE,
 * whether a unit of its own, a named or parameterised instance definition,
 * or an instance definition inside a LET anywhere in an expression.
 */
import type { Expr, Instance, Loc, Module, Unit } from '../ast.js';

export interface ModuleReference {
  name: string;
  loc: Loc;
  via: 'extends' | 'instance';
}

/** Calls `visit` on `e` and every sub-expression of it (bodies of LET definitions included). */
export function forEachSubExpr(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  const rec = (x: Expr | undefined): void => {
    if (x !== undefined) forEachSubExpr(x, visit);
  };
  switch (e.kind) {
    case 'Num':
    case 'Str':
    case 'Bool':
    case 'Ident':
    case 'At':
      return;
    case 'OpApp':
      e.args.forEach(rec);
      return;
    case 'InstanceRef':
      for (const step of e.path) step.args.forEach(rec);
      e.args.forEach(rec);
      return;
    case 'Lambda':
      rec(e.body);
      return;
    case 'Let':
      for (const d of e.defs) {
        if (d.kind === 'OperatorDef') rec(d.body);
        else if (d.kind === 'FunctionDef') {
          for (const b of d.bounds) rec(b.set);
          rec(d.body);
        } else if (d.kind === 'InstanceDef') {
          for (const s of d.instance.substitutions) rec(s.value);
        }
      }
      rec(e.body);
      return;
    case 'If':
      rec(e.cond);
      rec(e.then);
      rec(e.else);
      return;
    case 'Case':
      for (const arm of e.arms) {
        rec(arm.guard);
        rec(arm.body);
      }
      rec(e.other);
      return;
    case 'Quant':
      for (const b of e.bounds) rec(b.set);
      rec(e.body);
      return;
    case 'Choose':
      rec(e.set);
      rec(e.body);
      return;
    case 'SetEnum':
    case 'Tuple':
      e.elems.forEach(rec);
      return;
    case 'SetFilter':
      rec(e.bound.set);
      rec(e.pred);
      return;
    case 'SetMap':
    case 'FcnCtor':
      for (const b of e.bounds) rec(b.set);
      rec(e.body);
      return;
    case 'FcnApp':
      rec(e.fcn);
      e.args.forEach(rec);
      return;
    case 'FcnSet':
      rec(e.domain);
      rec(e.range);
      return;
    case 'RecordCtor':
      for (const f of e.fields) rec(f.value);
      return;
    case 'RecordSet':
      for (const f of e.fields) rec(f.set);
      return;
    case 'FieldAccess':
      rec(e.record);
      return;
    case 'Except':
      rec(e.fcn);
      for (const u of e.updates) {
        for (const step of u.path) if (step.kind === 'index') step.args.forEach(rec);
        rec(u.value);
      }
      return;
    case 'Prime':
    case 'Unchanged':
    case 'Enabled':
      rec(e.expr);
      return;
    case 'ActionBox':
    case 'ActionAngle':
      rec(e.action);
      rec(e.sub);
      return;
    case 'Fairness':
      rec(e.sub);
      rec(e.action);
      return;
    case 'TemporalQuant':
      rec(e.body);
      return;
  }
}

/** The expressions directly held by a unit (not those of nested modules). */
function unitExprs(u: Unit): Expr[] {
  switch (u.kind) {
    case 'OperatorDef':
      return [u.body];
    case 'FunctionDef':
      return [...u.bounds.map((b) => b.set), u.body];
    case 'InstanceDef':
      return u.instance.substitutions.map((s) => s.value);
    case 'Instance':
      return u.substitutions.map((s) => s.value);
    case 'Assume':
      return [u.expr];
    default:
      return [];
  }
}

/** Every INSTANCE written in module `m` (not in its nested modules), in source order. */
export function instancesOf(m: Module): Instance[] {
  const out: Instance[] = [];
  for (const u of m.units) {
    if (u.kind === 'Instance') out.push(u);
    else if (u.kind === 'InstanceDef') out.push(u.instance);
    for (const e of unitExprs(u)) {
      forEachSubExpr(e, (x) => {
        if (x.kind === 'Let') {
          for (const d of x.defs) if (d.kind === 'InstanceDef') out.push(d.instance);
        }
      });
    }
  }
  return out;
}

/** The modules `m` refers to by EXTENDS and INSTANCE (not counting its nested modules' references). */
export function moduleReferences(m: Module): ModuleReference[] {
  return [
    ...m.extends.map((e) => ({ name: e.name, loc: e.loc, via: 'extends' as const })),
    ...instancesOf(m).map((i) => ({ name: i.module, loc: i.loc, via: 'instance' as const })),
  ];
}

/** `m` and every module nested in it, depth first. */
export function withNestedModules(m: Module): Module[] {
  const out: Module[] = [m];
  for (const u of m.units) if (u.kind === 'Module') out.push(...withNestedModules(u));
  return out;
}
