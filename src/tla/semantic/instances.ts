/**
 * Semantic checks of instances: `I!Op` references (each step must name an
 * instance, with the right number of arguments, and the final name must be
 * exported by the instantiated module) and `INSTANCE M WITH …` substitutions.
 */
import type { Instance, InstanceRef } from '../ast.js';
import { moduleScopeEntries } from '../modules/index.js';
import type { ExprChecker } from './exprs.js';
import { type Binding, bindingOfSymbol, instanceTargetScope, type Scope } from './scopes.js';

/** `1 argument`, `2 arguments`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function instanceRefName(r: InstanceRef): string {
  return [...r.path.map((p) => p.name), r.name].join('!');
}

/**
 * `I!Op(args)`, `P(x)!Op`, `A!B!Op`. With `asOperator`, the final operator
 * is passed as an argument (its arguments are absent): returns its arity.
 */
export function checkInstanceRef(
  c: ExprChecker,
  r: InstanceRef,
  scope: Scope,
  asOperator = false,
): number | undefined {
  const full = instanceRefName(r);
  let module: string | undefined;
  for (const [i, step] of r.path.entries()) {
    for (const x of step.args) c.expr(x, scope);
    let b: Binding | undefined;
    if (i === 0) b = c.resolve(step.name, scope);
    else {
      const s = instanceTargetScope(c.spec, module!).get(step.name);
      b = s && bindingOfSymbol(s);
    }
    if (b === undefined) {
      c.unknown(full, r.loc);
      return undefined;
    }
    if (b.kind !== 'instance') {
      c.report('undefined', `\`${step.name}' in \`${full}' is not a module instance.`, r.loc);
      return undefined;
    }
    if (b.arity !== step.args.length) {
      c.report(
        'arity',
        `The instance ${step.name} requires ${plural(b.arity, 'argument')} but is applied to ${step.args.length}.`,
        r.loc,
      );
    }
    module = b.module;
  }
  if (module === undefined || !c.spec.modules.has(module)) {
    c.report('module-not-found', `Unknown module ${module ?? ''} in \`${full}'.`, r.loc);
    return undefined;
  }
  const target = instanceTargetScope(c.spec, module).get(r.name);
  if (target === undefined) {
    c.unknown(full, r.loc);
    for (const x of r.args) c.expr(x, scope);
    return undefined;
  }
  const b = bindingOfSymbol(target);
  if (b.kind === 'instance') {
    c.report('arity', `\`${full}' is a module instance: use it as ${full}!Op.`, r.loc);
    return undefined;
  }
  if (asOperator) return b.arity;
  if (b.arity !== r.args.length) {
    c.report(
      'arity',
      `The operator ${full} requires ${plural(b.arity, 'argument')} but is applied to ${r.args.length}.`,
      r.loc,
    );
  }
  for (const [i, a] of r.args.entries()) c.argument(a, b.paramArities[i] ?? 0, scope);
  return b.arity;
}

/**
 * `INSTANCE M WITH p <- e, …`: each substituted name must be a constant or
 * variable of M, and each one not substituted must be visible here under
 * the same name (TLA+'s implicit substitution).
 */
export function checkInstance(c: ExprChecker, inst: Instance, scope: Scope): void {
  if (!c.spec.modules.has(inst.module)) {
    c.report('module-not-found', `Cannot find module ${inst.module}.`, inst.loc);
    return;
  }
  const params = new Map<string, number>();
  for (const [name, entry] of moduleScopeEntries(c.spec, inst.module)) {
    const s = entry.symbol;
    if (s.kind === 'constant') params.set(name, s.arity);
    else if (s.kind === 'variable') params.set(name, 0);
  }
  const substituted = new Set<string>();
  for (const sub of inst.substitutions) {
    const arity = params.get(sub.name);
    if (arity === undefined) {
      c.report(
        'undefined',
        `\`${sub.name}' is not a constant or variable of module ${inst.module}.`,
        sub.loc,
      );
      c.expr(sub.value, scope);
      continue;
    }
    if (substituted.has(sub.name)) c.report('duplicate', `\`${sub.name}' is substituted twice.`, sub.loc);
    substituted.add(sub.name);
    c.argument(sub.value, arity, scope);
  }
  for (const [name, arity] of params) {
    if (substituted.has(name)) continue;
    const b = c.resolve(name, scope);
    if (b === undefined || b.kind !== 'op' || (b.arity !== arity && b.arity !== -1)) {
      c.report(
        'undefined',
        `The INSTANCE of ${inst.module} has no substitution for \`${name}' and no ${
          arity > 0 ? `operator of ${plural(arity, 'argument')}` : 'definition'
        } of that name is visible here.`,
        inst.loc,
      );
    }
  }
}
