/**
 * Name resolution and arity checks inside expressions.
 *
 * Every binder is accounted for: operator and LAMBDA parameters, LET
 * definitions (RECURSIVE ones visible from their declaration), quantifier,
 * CHOOSE, set and function bounds (tuple patterns included), recursive
 * function names, `\EE`/`\AA` variables. `@` is accepted only inside the
 * value of an EXCEPT. Each problem becomes one diagnostic; checking goes on.
 */
import type { Diagnostic, DiagnosticCode } from '../../errors.js';
import type { Bound, Expr, FunctionDef, Instance, LetIn, Loc, OperatorDef, Param } from '../ast.js';
import type { LoadedSpec } from '../modules/index.js';
import { LANGUAGE_BUILTINS } from './builtins.js';
import { checkInstance, checkInstanceRef, instanceRefName, plural } from './instances.js';
import { type Binding, opOfArity, type Scope, VALUE } from './scopes.js';

export class ExprChecker {
  private exceptDepth = 0;

  constructor(
    readonly spec: LoadedSpec,
    readonly diagnostics: Diagnostic[],
  ) {}

  report(code: DiagnosticCode, message: string, loc: Loc): void {
    this.diagnostics.push({ code, severity: 'error', message, loc });
  }

  unknown(name: string, loc: Loc): void {
    this.report('undefined', `Unknown operator: \`${name}'.`, loc);
  }

  /** A name's binding: local scopes, the module's top level, then the language's built-ins. */
  resolve(name: string, scope: Scope): Binding | undefined {
    const b = scope.lookup(name);
    if (b !== undefined) return b;
    const builtin = LANGUAGE_BUILTINS.get(name);
    if (builtin === undefined) return undefined;
    return builtin.max === undefined ? { kind: 'op', arity: -1, paramArities: [] } : opOfArity(builtin.max);
  }

  /**
   * True when `name` already means something where `scope` is: TLA+ forbids
   * redeclaring it (SANY: "Multiply-defined symbol"). The TLC definitions the
   * root module sees without EXTENDS do not count.
   */
  private isTaken(name: string, scope: Scope): boolean {
    const b = scope.lookup(name);
    return b !== undefined && !(b.kind === 'op' && b.implicit);
  }

  private shadowing(name: string, loc: Loc): void {
    this.report(
      'duplicate',
      `Multiply-defined symbol '${name}': it is already defined where it is declared again.`,
      loc,
    );
  }

  /** Binds `names` in the fresh scope `scope`, reporting a name repeated in the binder or already defined. */
  bindAll(scope: Scope, names: readonly { name: string; arity?: number }[], loc: Loc): void {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n.name)) this.report('duplicate', `Multiply-defined symbol '${n.name}'.`, loc);
      else if (this.isTaken(n.name, scope)) this.shadowing(n.name, loc);
      seen.add(n.name);
      scope.bind(n.name, n.arity ? opOfArity(n.arity) : VALUE);
    }
  }

  /** Checks the bounds' sets in `outer` and returns a scope with all their names bound. */
  bounds(bounds: readonly Bound[], outer: Scope, loc: Loc): Scope {
    for (const b of bounds) this.expr(b.set, outer);
    return this.namesScope(
      bounds.flatMap((b) => b.names),
      outer,
      loc,
    );
  }

  /** A fresh scope with the plain (value) names of a binder bound. */
  private namesScope(names: readonly string[], outer: Scope, loc: Loc): Scope {
    const inner = outer.child();
    this.bindAll(
      inner,
      names.map((name) => ({ name })),
      loc,
    );
    return inner;
  }

  /** The body of an operator definition with its parameters bound. */
  operatorDef(def: OperatorDef, outer: Scope): void {
    this.expr(def.body, this.paramScope(def.params, outer, def.loc));
  }

  /** `f[x \in S] == body`: the bounds, then the body with the bound names and `f` itself. */
  functionDef(def: FunctionDef, outer: Scope): void {
    const inner = this.bounds(def.bounds, outer, def.loc);
    if (!inner.has(def.name)) inner.bind(def.name, VALUE);
    this.expr(def.body, inner);
  }

  expr(e: Expr, scope: Scope): void {
    switch (e.kind) {
      case 'Num':
      case 'Str':
      case 'Bool':
        return;
      case 'Ident':
        this.identifier(e.name, e.loc, scope);
        return;
      case 'OpApp':
        this.application(e.name, e.args, e.loc, scope);
        return;
      case 'InstanceRef':
        checkInstanceRef(this, e, scope);
        return;
      case 'Lambda':
        this.expr(e.body, this.namesScope(e.params, scope, e.loc));
        return;
      case 'Let':
        this.letIn(e, scope);
        return;
      case 'If':
        this.expr(e.cond, scope);
        this.expr(e.then, scope);
        this.expr(e.else, scope);
        return;
      case 'Case':
        for (const arm of e.arms) {
          this.expr(arm.guard, scope);
          this.expr(arm.body, scope);
        }
        if (e.other) this.expr(e.other, scope);
        return;
      case 'Quant':
        if (e.unbounded.length > 0) {
          this.expr(e.body, this.namesScope(e.unbounded, scope, e.loc));
          return;
        }
        this.expr(e.body, this.bounds(e.bounds, scope, e.loc));
        return;
      case 'Choose':
        if (e.set) this.expr(e.set, scope);
        this.expr(e.body, this.namesScope(e.names, scope, e.loc));
        return;
      case 'SetEnum':
      case 'Tuple':
        for (const x of e.elems) this.expr(x, scope);
        return;
      case 'SetFilter':
        this.expr(e.pred, this.bounds([e.bound], scope, e.loc));
        return;
      case 'SetMap':
      case 'FcnCtor':
        this.expr(e.body, this.bounds(e.bounds, scope, e.loc));
        return;
      case 'FcnApp':
        this.expr(e.fcn, scope);
        for (const x of e.args) this.expr(x, scope);
        return;
      case 'FcnSet':
        this.expr(e.domain, scope);
        this.expr(e.range, scope);
        return;
      case 'RecordCtor':
        for (const f of e.fields) this.expr(f.value, scope);
        return;
      case 'RecordSet':
        for (const f of e.fields) this.expr(f.set, scope);
        return;
      case 'FieldAccess':
        this.expr(e.record, scope);
        return;
      case 'Except':
        this.expr(e.fcn, scope);
        for (const u of e.updates) {
          for (const step of u.path)
            if (step.kind === 'index') for (const x of step.args) this.expr(x, scope);
          this.exceptDepth++;
          this.expr(u.value, scope);
          this.exceptDepth--;
        }
        return;
      case 'At':
        if (this.exceptDepth === 0)
          this.report('undefined', "`@' is only allowed in the new value of an EXCEPT.", e.loc);
        return;
      case 'Prime':
      case 'Unchanged':
      case 'Enabled':
        this.expr(e.expr, scope);
        return;
      case 'ActionBox':
      case 'ActionAngle':
        this.expr(e.action, scope);
        this.expr(e.sub, scope);
        return;
      case 'Fairness':
        this.expr(e.sub, scope);
        this.expr(e.action, scope);
        return;
      case 'TemporalQuant':
        this.expr(e.body, this.namesScope(e.names, scope, e.loc));
        return;
    }
  }

  private identifier(name: string, loc: Loc, scope: Scope): void {
    const b = this.resolve(name, scope);
    if (b === undefined) {
      this.unknown(name, loc);
      return;
    }
    if (b.kind === 'instance') {
      this.report('arity', `\`${name}' is a module instance: use it as ${name}!Op.`, loc);
    } else if (b.arity > 0) {
      this.report('arity', `The operator ${name} requires ${plural(b.arity, 'argument')}.`, loc);
    }
  }

  private application(name: string, args: readonly Expr[], loc: Loc, scope: Scope): void {
    const b = this.resolve(name, scope);
    if (b === undefined) {
      this.unknown(name, loc);
    } else if (b.kind === 'instance') {
      this.report('arity', `\`${name}' is a module instance: use it as ${name}(...)!Op.`, loc);
    } else if (b.arity === -1) {
      const min = LANGUAGE_BUILTINS.get(name)?.min ?? 0;
      if (args.length < min)
        this.report('arity', `The operator ${name} requires at least ${plural(min, 'argument')}.`, loc);
    } else if (b.arity !== args.length) {
      this.report(
        'arity',
        `The operator ${name} requires ${plural(b.arity, 'argument')} but is applied to ${args.length}.`,
        loc,
      );
    }
    const paramArities = b?.kind === 'op' ? b.paramArities : [];
    for (const [i, a] of args.entries()) this.argument(a, paramArities[i] ?? 0, scope);
  }

  /** An argument: an expression, or, for a higher-order parameter, an operator of the right arity. */
  argument(a: Expr, arity: number, scope: Scope): void {
    if (arity === 0) {
      this.expr(a, scope);
      return;
    }
    let given: number | undefined;
    let what = 'An operator argument';
    if (a.kind === 'Lambda') {
      given = a.params.length;
      what = 'The LAMBDA';
      this.expr(a, scope);
    } else if (a.kind === 'Ident') {
      what = `The operator ${a.name}`;
      const b = this.resolve(a.name, scope);
      if (b === undefined) {
        this.unknown(a.name, a.loc);
        return;
      }
      given = b.kind === 'op' && b.arity === -1 ? arity : b.arity;
    } else if (a.kind === 'InstanceRef' && a.args.length === 0) {
      what = `The operator ${instanceRefName(a)}`;
      given = checkInstanceRef(this, a, scope, true);
      if (given === undefined) return;
    } else {
      this.expr(a, scope);
    }
    if (given !== arity) {
      this.report(
        'arity',
        `${what} is passed where an operator of ${plural(arity, 'argument')} is expected.`,
        a.loc,
      );
    }
  }

  private letIn(e: LetIn, outer: Scope): void {
    const scope = outer.child();
    const recursive = new Set<string>();
    for (const d of e.defs) {
      if (d.kind === 'RecursiveDecl') {
        for (const op of d.ops) {
          if (scope.has(op.name)) this.report('duplicate', `Multiply-defined symbol '${op.name}'.`, op.loc);
          else if (this.isTaken(op.name, scope)) this.shadowing(op.name, op.loc);
          recursive.add(op.name);
          scope.bind(op.name, opOfArity(op.arity));
        }
        continue;
      }
      const declaredRecursive = recursive.delete(d.name);
      if (scope.has(d.name)) {
        if (!(declaredRecursive && d.kind === 'OperatorDef')) {
          this.report('duplicate', `Multiply-defined symbol '${d.name}'.`, d.loc);
        }
      } else if (this.isTaken(d.name, scope)) {
        this.shadowing(d.name, d.loc);
      }
      if (d.kind === 'OperatorDef') {
        this.operatorDef(d, scope);
        scope.bind(d.name, {
          kind: 'op',
          arity: d.params.length,
          paramArities: d.params.map((p) => p.arity),
        });
      } else if (d.kind === 'FunctionDef') {
        this.functionDef(d, scope);
        scope.bind(d.name, VALUE);
      } else {
        this.instance(d.instance, this.paramScope(d.params, scope, d.loc));
        scope.bind(d.name, { kind: 'instance', arity: d.params.length, module: d.instance.module });
      }
    }
    this.expr(e.body, scope);
  }

  /** Checks an INSTANCE (see checkInstance). */
  instance(inst: Instance, scope: Scope): void {
    checkInstance(this, inst, scope);
  }

  /** Binds a definition's parameters (operator or instance) in a fresh scope. */
  paramScope(params: readonly Param[], outer: Scope, loc: Loc): Scope {
    const inner = outer.child();
    this.bindAll(inner, params, loc);
    return inner;
  }
}
