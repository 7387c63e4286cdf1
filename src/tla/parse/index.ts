/**
 * The TLA+ parser: source text → `Module` (src/tla/ast.ts) with locations,
 * or `syntax` diagnostics. tree-sitter builds the concrete syntax tree
 * (treeSitter.ts); the convert*.ts files turn it into the AST; errors.ts
 * words the syntax errors.
 */
export { canonicalOperator } from '../operators.js';
export { decodeString } from './convertExpr.js';
export { parseExpressionText } from './expression.js';
export { parseModuleFile, parseModuleText } from './parseModule.js';
