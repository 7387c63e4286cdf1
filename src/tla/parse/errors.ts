/**
 * Syntax diagnostics from tree-sitter's error recovery.
 *
 * tree-sitter never fails: it wraps what it cannot parse in ERROR nodes and
 * inserts zero-width MISSING nodes for tokens it had to assume. Each becomes
 * one `syntax` diagnostic, worded like SANY ("Encountered "X" at line L,
 * column C"). An ERROR region often starts before the real mistake (where
 * the parser last found a complete expression), so when the region runs into
 * the start of the next definition (`Name ==` at the start of a line) the
 * diagnostic points there, as SANY does, and names any bracket left open.
 */
import type { Diagnostic } from '../../errors.js';
import type { ConvertContext } from './context.js';
import { locOf } from './context.js';
import type { SyntaxNode } from './treeSitter.js';

/** Every ERROR and MISSING node under `root`, as diagnostics in source order. */
export function syntaxDiagnostics(
  ctx: ConvertContext,
  root: SyntaxNode,
  lines: readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.isMissing) {
      out.push(
        diagnosticAt(
          ctx,
          node,
          `Missing ${quote(missingText(node))} at line ${line(node)}, column ${col(node)}`,
        ),
      );
      return;
    }
    if (node.type === 'ERROR') {
      out.push(...errorRegionDiagnostics(ctx, node, lines));
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}

/** One diagnostic per stretch of an error region between units that parsed completely. */
function errorRegionDiagnostics(
  ctx: ConvertContext,
  node: SyntaxNode,
  lines: readonly string[],
): Diagnostic[] {
  if (node.childCount === 0) return [segmentDiagnostic(ctx, [node], firstLeaf(node.nextSibling), lines)];
  const kids = node.children;
  const moduleHeader = kids[0]?.type === 'single_line' && kids[1]?.type === 'MODULE';
  let i = moduleHeader ? Math.min(kids.length, 4) : 0;
  const out: Diagnostic[] = [];
  while (i < kids.length) {
    if (isCompleteUnit(kids[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < kids.length && !isCompleteUnit(kids[i]!)) i++;
    const tokens = kids.slice(start, i).flatMap(leaves);
    const after = i < kids.length ? firstLeaf(kids[i]!) : firstLeaf(node.nextSibling);
    if (tokens.length > 0) out.push(segmentDiagnostic(ctx, tokens, after, lines));
  }
  if (out.length === 0 && !moduleHeader) {
    const first = leaves(node)[0] ?? node;
    out.push(
      diagnosticAt(
        ctx,
        first,
        `Encountered ${quote(first.text)} at line ${line(first)}, column ${col(first)}`,
      ),
    );
  } else if (out.length === 0) {
    // Every unit parsed: the module itself is not closed.
    const last = leaves(node).pop() ?? node;
    const where = `line ${last.endPosition.row + 1}, column ${last.endPosition.column + 1}`;
    out.push(
      diagnosticAt(ctx, last, `Encountered end of file at ${where}: missing "====" to end the module`),
    );
  }
  return out;
}

/** The diagnostic for the tokens of one broken stretch; `after` is the token that follows it. */
function segmentDiagnostic(
  ctx: ConvertContext,
  tokens: SyntaxNode[],
  after: SyntaxNode | undefined,
  lines: readonly string[],
): Diagnostic {
  const open = firstUnclosedBracket(tokens);
  const hint = open ? ` (unclosed ${quote(open.text)} at line ${line(open)}, column ${col(open)})` : '';
  // A broken definition's own head (`Name ==`) is not the error: the parser
  // went wrong somewhere after it, at the latest at the next head.
  const startsWithHead = definitionHeadAt(tokens, 0, lines);
  const next = findDefinitionHead(tokens, startsWithHead ? 1 : 0, lines);
  if (next) {
    return diagnosticAt(
      ctx,
      next,
      `Encountered "Beginning of definition" at line ${line(next)}, column ${col(next)}${hint}`,
    );
  }
  let at = tokens[0]!;
  let what = quote(at.text);
  if (startsWithHead) {
    // tree-sitter may split the closing `====` into `=`/`==` tokens here.
    const end = tokens.find((t) =>
      (lines[t.startPosition.row] ?? '').slice(t.startPosition.column).startsWith('===='),
    );
    at = end ?? after ?? tokens[tokens.length - 1]!;
    what = end ? '"===="' : quote(at.text);
  }
  return diagnosticAt(ctx, at, `Encountered ${what} at line ${line(at)}, column ${col(at)}${hint}`);
}

function isCompleteUnit(node: SyntaxNode): boolean {
  return COMPLETE_UNITS.has(node.type) && !node.hasError;
}

/** Units that parse completely inside an error region (they are not where the error is). */
const COMPLETE_UNITS = new Set([
  'operator_definition',
  'function_definition',
  'module_definition',
  'instance',
  'variable_declaration',
  'constant_declaration',
  'recursive_declaration',
  'local_definition',
  'assumption',
  'theorem',
  'extends',
  'single_line',
  'comment',
  'block_comment',
]);

function firstLeaf(node: SyntaxNode | null): SyntaxNode | undefined {
  if (!node) return undefined;
  return node.childCount === 0 ? node : leaves(node)[0];
}

function diagnosticAt(ctx: ConvertContext, node: SyntaxNode, message: string): Diagnostic {
  return { code: 'syntax', severity: 'error', message, loc: locOf(ctx, node) };
}

const line = (n: SyntaxNode): number => n.startPosition.row + 1;
const col = (n: SyntaxNode): number => n.startPosition.column + 1;
const quote = (s: string): string => JSON.stringify(s);

/** What a MISSING node stands for: its token, or its rule name without underscores. */
function missingText(node: SyntaxNode): string {
  if (node.type === 'identifier_ref') return 'expression';
  return node.isNamed ? node.type.replace(/_/g, ' ') : node.type;
}

/** The tokens of a subtree in source order (comments dropped). */
function leaves(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'comment' || node.type === 'block_comment') return [];
  if (node.childCount === 0) return [node];
  return node.children.flatMap(leaves);
}

const IDENT = /^[0-9_]*[A-Za-z][A-Za-z0-9_]*$/;

/** The first token from index `from` that starts a definition at the beginning of its line. */
function findDefinitionHead(
  tokens: SyntaxNode[],
  from: number,
  lines: readonly string[],
): SyntaxNode | undefined {
  for (let i = from; i < tokens.length; i++) if (definitionHeadAt(tokens, i, lines)) return tokens[i];
  return undefined;
}

/**
 * True when `tokens[i]` starts a definition (`Name ==`, `Name(a, b) ==`) at
 * the beginning of its line. tree-sitter may split `==` into two `=` tokens
 * inside an error region.
 */
function definitionHeadAt(tokens: SyntaxNode[], i: number, lines: readonly string[]): boolean {
  const t = tokens[i];
  if (!t || !IDENT.test(t.text)) return false;
  const before = lines[t.startPosition.row]?.slice(0, t.startPosition.column) ?? '';
  if (before.trim() !== '') return false;
  let j = i + 1;
  if (tokens[j]?.text === '(') {
    while (j < tokens.length && tokens[j]!.text !== ')') j++;
    j++;
  }
  const a = tokens[j];
  const b = tokens[j + 1];
  if (a && (a.text === '==' || a.text === '≜')) return true;
  return a?.text === '=' && b?.text === '=' && b.startIndex === a.endIndex;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<<': '>>' };

/** The outermost bracket opened in `tokens` and never closed there. */
function firstUnclosedBracket(tokens: SyntaxNode[]): SyntaxNode | undefined {
  const stack: SyntaxNode[] = [];
  for (const t of tokens) {
    if (t.text in CLOSING) stack.push(t);
    else if (stack.length > 0 && CLOSING[stack[stack.length - 1]!.text] === t.text) stack.pop();
  }
  return stack[0];
}
