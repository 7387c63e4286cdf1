/**
 * The sub-actions a spec's next-state relation declares, read from its text
 * the way compile-action.ts splits Next: disjunctions, `\E`, LET bodies and
 * calls of user operators at the top of Next each start or keep a label;
 * any other form (a conjunction, IF, CASE) ends the splitting.
 *
 * Coverage needs them to name the actions that never fire: a search only
 * sees the labels of successors it generated. Only the innermost labels
 * (those with no label below them) can name a successor, so only those are
 * returned. Where the walk cannot follow the evaluator (instances, LET-defined
 * actions) it returns fewer actions, never ones the evaluator does not make.
 */
import type { Expr, Loc } from '../../tla/ast.js';
import type { ModelConfig } from '../../tla/cfg/types.js';
import type { DeclaredAction } from '../coverage.js';
import type { DefEntry, Scope } from './scope.js';
import { splitSpec } from './spec-parts.js';

interface Label extends DeclaredAction {
  children: number;
}

/** The declared sub-actions of the model's next-state relation, in text order. */
export function declaredActions(rootScope: Scope, cfg: ModelConfig): DeclaredAction[] {
  const start = nextOf(rootScope, cfg);
  if (!start) return [];
  const labels: Label[] = [];
  const entered = new Set<DefEntry>();

  const add = (name: string, module: string, loc: Loc | undefined): Label => {
    const label: Label = { name, module, children: 0, ...(loc ? { loc } : {}) };
    labels.push(label);
    return label;
  };

  const walk = (e: Expr, scope: Scope, name: string, parent: Label): void => {
    switch (e.kind) {
      case 'Ident': {
        const b = scope.lookup(e.name);
        if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef' && b.entry.def.params.length === 0)
          enter(b.entry, parent);
        return;
      }
      case 'OpApp': {
        const b = scope.lookup(e.name);
        if (!b || b.kind === 'native') {
          if (e.name !== '\\/') return;
          for (const arg of e.args) {
            parent.children++;
            walk(arg, scope, name, add(name, scope.module, arg.loc));
          }
          return;
        }
        if (
          b.kind === 'def' &&
          b.entry.def.kind === 'OperatorDef' &&
          b.entry.def.params.length === e.args.length
        )
          enter(b.entry, parent);
        return;
      }
      case 'Quant':
        if (e.quantifier === 'exists' && e.bounds.length > 0) walk(e.body, scope, name, parent);
        return;
      case 'Let':
        walk(e.body, scope, name, parent);
        return;
      default:
        return;
    }
  };

  const enter = (entry: DefEntry, parent: Label): void => {
    if (entry.def.kind !== 'OperatorDef') return;
    parent.children++;
    // A recursive or repeated call labels the same definition again: count it once.
    const label = add(entry.name, entry.module, entry.def.body.loc);
    if (entered.has(entry)) {
      label.children = -1;
      return;
    }
    entered.add(entry);
    walk(entry.def.body, entry.scope, entry.name, label);
  };

  const root = add(start.name, rootScope.module, start.loc);
  walk(start.expr, start.scope, start.name, root);
  const seen = new Set<string>();
  const out: DeclaredAction[] = [];
  for (const l of labels) {
    if (l.children !== 0) continue;
    const key = `${l.name}@${l.loc ? `${l.loc.file}:${l.loc.line}:${l.loc.col}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: l.name, module: l.module, ...(l.loc ? { loc: l.loc } : {}) });
  }
  return out;
}

/** Next as the search compiles it: the cfg's NEXT, or the `[][Next]_v` of its SPECIFICATION. */
function nextOf(
  rootScope: Scope,
  cfg: ModelConfig,
): { expr: Expr; scope: Scope; name: string; loc: Loc | undefined } | undefined {
  if (cfg.specification) {
    const b = rootScope.lookup(cfg.specification.name);
    if (b?.kind !== 'def' || b.entry.def.kind !== 'OperatorDef') return undefined;
    const next = splitSpec(b.entry.def.body, b.entry.scope).next;
    if (!next) return undefined;
    const name = next.expr.kind === 'Ident' ? next.expr.name : 'Next';
    return { ...next, name, loc: next.expr.loc };
  }
  if (!cfg.next) return undefined;
  const name = cfg.next.name;
  const { file, line, col } = cfg.next.loc;
  const loc: Loc = { file, line, col, endLine: line, endCol: col + name.length };
  return { expr: { kind: 'Ident', name, loc }, scope: rootScope, name, loc };
}
