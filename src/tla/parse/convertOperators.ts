/**
 * CST → AST for operator applications: prefix, infix and postfix symbols,
 * calls `Op(a, b)`, nonfix symbol calls `+(a, b)`, instance references
 * `I!Op(a)` / `P(x)!Op`, operator arguments (`LAMBDA`, a bare `+`).
 */
import type { Expr, InstanceRef, Lambda } from '../ast.js';
import { type ConvertContext, fieldChildren, locOf, namedKids, unsupported } from './context.js';
import { convertExpr } from './convertExpr.js';
import { isSymbolNode, symbolName } from './symbols.js';
import type { SyntaxNode } from './treeSitter.js';

const OPERATOR_NODES = new Set([
  'bound_prefix_op',
  'bound_infix_op',
  'bound_postfix_op',
  'bound_op',
  'bound_nonfix_op',
  'prefixed_op',
  'lambda',
]);

export function isOperatorNode(node: SyntaxNode): boolean {
  return OPERATOR_NODES.has(node.type);
}

export function convertOperatorNode(ctx: ConvertContext, node: SyntaxNode): Expr {
  const loc = locOf(ctx, node);
  switch (node.type) {
    case 'bound_prefix_op': {
      const symbol = node.childForFieldName('symbol')!;
      const arg = convertExpr(ctx, node.childForFieldName('rhs')!);
      if (symbol.type === 'enabled') return { kind: 'Enabled', loc, expr: arg };
      if (symbol.type === 'unchanged') return { kind: 'Unchanged', loc, expr: arg };
      return { kind: 'OpApp', loc, name: symbolName(symbol, true), args: [arg] };
    }
    case 'bound_infix_op': {
      const name = symbolName(node.childForFieldName('symbol')!);
      // `A \X B \X C` is one ternary product, not a nested pair: \X is not associative.
      if (name === '\\X') {
        return { kind: 'OpApp', loc, name, args: productFactors(node).map((f) => convertExpr(ctx, f)) };
      }
      const lhs = convertExpr(ctx, node.childForFieldName('lhs')!);
      const rhs = convertExpr(ctx, node.childForFieldName('rhs')!);
      return { kind: 'OpApp', loc, name, args: [lhs, rhs] };
    }
    case 'bound_postfix_op': {
      const symbol = node.childForFieldName('symbol')!;
      const arg = convertExpr(ctx, node.childForFieldName('lhs')!);
      if (symbol.type === 'prime') return { kind: 'Prime', loc, expr: arg };
      return { kind: 'OpApp', loc, name: symbolName(symbol), args: [arg] };
    }
    case 'bound_op':
      return { kind: 'OpApp', loc, name: node.childForFieldName('name')!.text, args: callArgs(ctx, node) };
    case 'bound_nonfix_op': {
      const symbol = node.childForFieldName('symbol')!;
      const args = namedKids(node)
        .filter((c) => c.id !== symbol.id)
        .map((c) => convertExpr(ctx, c));
      return { kind: 'OpApp', loc, name: symbolName(symbol), args };
    }
    case 'prefixed_op':
      return convertPrefixed(ctx, node);
    default:
      return convertLambda(ctx, node);
  }
}

/** The factors of an unparenthesised `A \X B \X C` chain, left to right. */
function productFactors(node: SyntaxNode): SyntaxNode[] {
  const lhs = node.childForFieldName('lhs')!;
  const rhs = node.childForFieldName('rhs')!;
  const left =
    lhs.type === 'bound_infix_op' && symbolName(lhs.childForFieldName('symbol')!) === '\\X'
      ? productFactors(lhs)
      : [lhs];
  return [...left, rhs];
}

/** Arguments of `Op(a, b)`: expressions, or operators passed to higher-order parameters. */
function callArgs(ctx: ConvertContext, node: SyntaxNode): Expr[] {
  return fieldChildren(node, 'parameter')
    .filter((c) => c.isNamed && c.type !== 'comment' && c.type !== 'block_comment')
    .map((c) => convertArgument(ctx, c));
}

/** An `_op_or_expr`: a `LAMBDA`, a bare operator symbol (as an `Ident`), or an expression. */
export function convertArgument(ctx: ConvertContext, node: SyntaxNode): Expr {
  if (isSymbolNode(node)) return { kind: 'Ident', loc: locOf(ctx, node), name: symbolName(node) };
  if (node.type === 'lambda') return convertLambda(ctx, node);
  return convertExpr(ctx, node);
}

function convertLambda(ctx: ConvertContext, node: SyntaxNode): Lambda {
  const kids = namedKids(node);
  const params = kids.filter((c) => c.type === 'identifier').map((c) => c.text);
  return { kind: 'Lambda', loc: locOf(ctx, node), params, body: convertExpr(ctx, kids[kids.length - 1]!) };
}

/** `I!Op`, `I!Op(a)`, `P(x, y)!Op`, `A!B!Op`: one path step per `!`. */
function convertPrefixed(ctx: ConvertContext, node: SyntaxNode): Expr {
  const loc = locOf(ctx, node);
  const path: InstanceRef['path'] = [];
  for (const step of namedKids(node.childForFieldName('prefix')!)) {
    const inner = step.type === 'subexpr_component' ? namedKids(step)[0] : undefined;
    if (inner?.type === 'identifier_ref') path.push({ name: inner.text, args: [] });
    else if (inner?.type === 'bound_op')
      path.push({ name: inner.childForFieldName('name')!.text, args: callArgs(ctx, inner) });
    else {
      unsupported(ctx, step, `The subexpression selector ${JSON.stringify(step.text)}`);
      return { kind: 'Ident', loc, name: node.text };
    }
  }
  const op = node.childForFieldName('op')!;
  if (op.type === 'bound_op') {
    return {
      kind: 'InstanceRef',
      loc,
      path,
      name: op.childForFieldName('name')!.text,
      args: callArgs(ctx, op),
    };
  }
  if (op.type === 'bound_nonfix_op') {
    const symbol = op.childForFieldName('symbol')!;
    const args = namedKids(op)
      .filter((c) => c.id !== symbol.id)
      .map((c) => convertExpr(ctx, c));
    return { kind: 'InstanceRef', loc, path, name: symbolName(symbol), args };
  }
  const name = convertExpr(ctx, op);
  return { kind: 'InstanceRef', loc, path, name: name.kind === 'Ident' ? name.name : op.text, args: [] };
}
