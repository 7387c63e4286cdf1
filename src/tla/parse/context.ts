/**
 * State shared by the CST → AST conversion: the file name for locations
 * and the diagnostics collected so far.
 */
import type { Diagnostic } from '../../errors.js';
import type { Loc, OperatorDef } from '../ast.js';
import type { SyntaxNode } from './treeSitter.js';

export interface ConvertContext {
  file: string;
  diagnostics: Diagnostic[];
  /** The module's definitions converted so far (for subexpression references). */
  definitions?: Map<string, OperatorDef>;
  /**
   * Where each node's text ends, by node id, once asked: finding it walks
   * down the node's last children, and nested constructs (a chain of LETs)
   * would walk the same spine again for every level.
   */
  ends?: Map<number, SyntaxNode['endPosition']>;
}

/** Source location of a CST node: 1-based line/col, `endCol` just after the last character. */
export function locOf(ctx: ConvertContext, node: SyntaxNode): Loc {
  ctx.ends ??= new Map();
  const end = contentEnd(node, ctx.ends);
  return {
    file: ctx.file,
    line: node.startPosition.row + 1,
    col: node.startPosition.column + 1,
    endLine: end.row + 1,
    endCol: end.column + 1,
  };
}

/**
 * Where the text of a node ends. A junction list ends with a zero-width
 * "dedent" token placed at the start of the next definition; that token and
 * trailing comments are not part of the node's text.
 */
function contentEnd(
  node: SyntaxNode,
  ends: Map<number, SyntaxNode['endPosition']>,
): SyntaxNode['endPosition'] {
  const known = ends.get(node.id);
  if (known) return known;
  let end = node.endPosition;
  for (let i = node.childCount - 1; i >= 0; i--) {
    const child = node.child(i)!;
    if (child.endIndex === child.startIndex || child.type === 'comment' || child.type === 'block_comment')
      continue;
    end = contentEnd(child, ends);
    break;
  }
  ends.set(node.id, end);
  return end;
}

/** Location spanning from the start of `first` to the end of `last`. */
export function spanOf(ctx: ConvertContext, first: SyntaxNode, last: SyntaxNode): Loc {
  const a = locOf(ctx, first);
  const b = locOf(ctx, last);
  return { ...a, endLine: b.endLine, endCol: b.endCol };
}

/** Record a construct that parses but that the workbench does not handle. */
export function unsupported(ctx: ConvertContext, node: SyntaxNode, what: string): void {
  const loc = locOf(ctx, node);
  ctx.diagnostics.push({
    code: 'unsupported',
    severity: 'error',
    message: `${what} is not supported (at line ${loc.line}, column ${loc.col})`,
    loc,
  });
}

/** Children of `node` stored under `field`, in source order. */
export function fieldChildren(node: SyntaxNode, field: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < node.childCount; i++) {
    if (node.fieldNameForChild(i) === field) out.push(node.child(i)!);
  }
  return out;
}

/** Named children that are not comments. */
export function namedKids(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c) => c.type !== 'comment' && c.type !== 'block_comment');
}
