/**
 * Semantic checks of a loaded spec, as SANY does them before TLC runs:
 * undefined names, wrong arities, names defined twice, instances of unknown
 * modules. Top-level definitions are visible only after the unit that
 * defines them (or after their RECURSIVE declaration), as in TLA+.
 */
import type { Diagnostic } from '../../errors.js';
import type { Module } from '../ast.js';
import type { LoadedSpec } from '../modules/index.js';
import { moduleScopeConflicts, moduleScopeEntries, symbolLoc } from '../modules/index.js';
import { isStandardModuleFile } from '../stdlib/index.js';
import { ExprChecker } from './exprs.js';
import { type Binding, bindingOfSymbol, opOfArity, Scope } from './scopes.js';

/** Reports names declared twice at the top level of `module` (directly or through EXTENDS / INSTANCE). */
function conflicts(spec: LoadedSpec, module: Module, out: Diagnostic[]): void {
  for (const c of moduleScopeConflicts(spec, module.name)) {
    const first = symbolLoc(c.first);
    const where = `line ${first.line}, col ${first.col} of module ${c.first.module}`;
    out.push({
      code: 'duplicate',
      severity: 'error',
      message: `Multiply-defined symbol '${c.name}': this definition or declaration conflicts with the one at ${where}.`,
      loc: c.loc,
    });
  }
}

/** Checks the units of one module in source order. */
export function checkModule(spec: LoadedSpec, module: Module, diagnostics: Diagnostic[] = []): Diagnostic[] {
  conflicts(spec, module, diagnostics);
  const entries = moduleScopeEntries(spec, module.name);
  const checker = new ExprChecker(spec, diagnostics);

  // Where each top-level name becomes visible: its unit, or an earlier RECURSIVE declaration.
  const recursiveFrom = new Map<string, { index: number; binding: Binding }>();
  module.units.forEach((u, i) => {
    if (u.kind !== 'RecursiveDecl') return;
    for (const op of u.ops)
      if (!recursiveFrom.has(op.name)) recursiveFrom.set(op.name, { index: i, binding: opOfArity(op.arity) });
  });

  let current = 0;
  const topLevel = (name: string): Binding | undefined => {
    const e = entries.get(name);
    if (e?.implicit) return { ...bindingOfSymbol(e.symbol), implicit: true } as Binding;
    if (e !== undefined && e.unitIndex < current) return bindingOfSymbol(e.symbol);
    const r = recursiveFrom.get(name);
    if (r !== undefined && r.index < current) return e !== undefined ? bindingOfSymbol(e.symbol) : r.binding;
    return undefined;
  };
  const root = new Scope(undefined, topLevel);

  module.units.forEach((u, i) => {
    current = i;
    switch (u.kind) {
      case 'OperatorDef':
        checker.operatorDef(u, root);
        return;
      case 'FunctionDef':
        checker.functionDef(u, root);
        return;
      case 'InstanceDef':
        checker.instance(u.instance, checker.paramScope(u.params, root, u.loc));
        return;
      case 'Instance':
        checker.instance(u, root);
        return;
      case 'Assume':
        checker.expr(u.expr, root);
        return;
      case 'RecursiveDecl':
        for (const op of u.ops) {
          const e = entries.get(op.name);
          if (e === undefined || e.symbol.module !== module.name || e.symbol.kind !== 'operator') {
            checker.report(
              'undefined',
              `The operator ${op.name} is declared RECURSIVE but not defined.`,
              op.loc,
            );
          }
        }
        return;
      default:
        return;
    }
  });
  return diagnostics;
}

/**
 * Every semantic problem of the spec's own modules (the bundled standard
 * modules are not re-checked). Empty when the spec is fine.
 */
export function checkSpec(spec: LoadedSpec): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const m of spec.modules.values()) {
    if (!isStandardModuleFile(m.file)) checkModule(spec, m, diagnostics);
  }
  return diagnostics;
}
