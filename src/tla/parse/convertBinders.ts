/**
 * CST → AST for constructs that bind names: `\A`/`\E` (bounded and
 * unbounded), `\AA`/`\EE`, `CHOOSE`, `{x \in S : P}`, `{e : x \in S}` and
 * `[x \in S |-> e]`, plus the bounds `x, y \in S` / `<<a, b>> \in S`.
 */
import type { Bound, Expr } from '../ast.js';
import { type ConvertContext, fieldChildren, locOf, namedKids } from './context.js';
import { convertExpr } from './convertExpr.js';
import type { SyntaxNode } from './treeSitter.js';

const BINDER_NODES = new Set([
  'bounded_quantification',
  'unbounded_quantification',
  'choose',
  'set_filter',
  'set_map',
  'function_literal',
]);

export function isBinderNode(node: SyntaxNode): boolean {
  return BINDER_NODES.has(node.type);
}

export function convertBinder(ctx: ConvertContext, node: SyntaxNode): Expr {
  const loc = locOf(ctx, node);
  switch (node.type) {
    case 'bounded_quantification': {
      const quantifier = node.childForFieldName('quantifier')!.type === 'forall' ? 'forall' : 'exists';
      const bounds = boundsOf(ctx, fieldChildren(node, 'bound'));
      const body = convertExpr(ctx, node.childForFieldName('expression')!);
      return { kind: 'Quant', loc, quantifier, bounds, unbounded: [], body };
    }
    case 'unbounded_quantification': {
      const q = node.childForFieldName('quantifier')!.type;
      const names = introNames(node);
      const body = convertExpr(ctx, node.childForFieldName('expression')!);
      if (q === 'temporal_forall' || q === 'temporal_exists') {
        return { kind: 'TemporalQuant', loc, quantifier: q === 'temporal_forall' ? 'AA' : 'EE', names, body };
      }
      return {
        kind: 'Quant',
        loc,
        quantifier: q === 'forall' ? 'forall' : 'exists',
        bounds: [],
        unbounded: names,
        body,
      };
    }
    case 'choose': {
      const intro = node.childForFieldName('intro')!;
      const tuple = intro.type === 'tuple_of_identifiers';
      const names = tuple ? identifiersIn(intro) : [intro.text];
      const setNode = node.childForFieldName('set');
      const body = convertExpr(ctx, node.childForFieldName('expression')!);
      if (setNode) return { kind: 'Choose', loc, names, tuple, set: convertExpr(ctx, setNode), body };
      return { kind: 'Choose', loc, names, tuple, body };
    }
    case 'set_filter': {
      const bound = convertBound(ctx, node.childForFieldName('generator')!);
      return { kind: 'SetFilter', loc, bound, pred: convertExpr(ctx, node.childForFieldName('filter')!) };
    }
    case 'set_map': {
      const body = convertExpr(ctx, node.childForFieldName('map')!);
      return { kind: 'SetMap', loc, body, bounds: boundsOf(ctx, fieldChildren(node, 'generator')) };
    }
    default: {
      // function_literal: `[` bounds `|->` body `]`
      const kids = namedKids(node);
      const bounds = boundsOf(ctx, kids);
      return { kind: 'FcnCtor', loc, bounds, body: convertExpr(ctx, kids[kids.length - 1]!) };
    }
  }
}

/** The `quantifier_bound` nodes among `nodes`, converted. */
export function boundsOf(ctx: ConvertContext, nodes: SyntaxNode[]): Bound[] {
  return nodes.filter((n) => n.type === 'quantifier_bound').map((n) => convertBound(ctx, n));
}

/** `x, y \in S` (names share the set) or `<<a, b>> \in S` (one tuple pattern). */
export function convertBound(ctx: ConvertContext, node: SyntaxNode): Bound {
  const intro = fieldChildren(node, 'intro').filter((c) => c.isNamed);
  const tuple = intro.length === 1 && intro[0]!.type === 'tuple_of_identifiers';
  const names = tuple
    ? identifiersIn(intro[0]!)
    : intro.filter((c) => c.type === 'identifier').map((c) => c.text);
  return { names, tuple, set: convertExpr(ctx, node.childForFieldName('set')!), loc: locOf(ctx, node) };
}

function identifiersIn(node: SyntaxNode): string[] {
  return namedKids(node)
    .filter((c) => c.type === 'identifier')
    .map((c) => c.text);
}

function introNames(node: SyntaxNode): string[] {
  return fieldChildren(node, 'intro')
    .filter((c) => c.type === 'identifier')
    .map((c) => c.text);
}
