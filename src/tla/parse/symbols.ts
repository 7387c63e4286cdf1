/**
 * Operator names from tree-sitter symbol nodes (`land`, `infix_op_symbol`,
 * `prefix_op_symbol`, ...), canonicalised through src/tla/operators.ts.
 */
import { canonicalOperator } from '../operators.js';
import type { SyntaxNode } from './treeSitter.js';

/** Node types that wrap one operator symbol node. */
const WRAPPERS = new Set(['infix_op_symbol', 'prefix_op_symbol', 'postfix_op_symbol']);

/**
 * Canonical name of an operator symbol node. `prefix` says the symbol is
 * used as a prefix operator, where a lone `-` is unary minus (`-.`).
 */
export function symbolName(node: SyntaxNode, prefix = false): string {
  let n = node;
  while (WRAPPERS.has(n.type) && n.namedChildCount === 1) {
    if (n.type === 'prefix_op_symbol') prefix = true;
    n = n.namedChild(0)!;
  }
  const text = n.text.trim();
  if (n.type === 'negative' || (prefix && text === '-')) return '-.';
  return canonicalOperator(text);
}

/** True for the node types that name an operator symbol. */
export function isSymbolNode(node: SyntaxNode): boolean {
  return WRAPPERS.has(node.type);
}
