/**
 * Parsing one module: source text → tree-sitter CST → `Module`, or the
 * syntax diagnostics of the text.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic, Result } from '../../errors.js';
import type { Module } from '../ast.js';
import type { ConvertContext } from './context.js';
import { convertModule } from './convertUnits.js';
import { syntaxDiagnostics } from './errors.js';
import { parseTree, type SyntaxNode } from './treeSitter.js';

/**
 * Parse the text of one `.tla` file. `file` is used in locations and as
 * `Module.file`. Diagnostics hold every syntax error (and constructs that
 * parse but are not supported); `value` is present only when there is no error.
 */
export function parseModuleText(text: string, file: string): Result<Module> {
  // A byte-order mark is not part of the text (editors do not count it as a column).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ctx: ConvertContext = { file, diagnostics: [] };
  const root = parseTree(text).rootNode;
  const moduleNode = pickModule(root, file);
  if (root.hasError) {
    // SANY reads a file only up to the end of its module: text after it
    // (TLC's generated trace specs append a CONFIG section) is not an error.
    const clean = moduleNode && !moduleNode.hasError ? moduleNode : undefined;
    const errors = syntaxDiagnostics(ctx, root, text.split(/\r?\n/)).filter(
      (d) => !clean || !after(d, clean),
    );
    if (errors.length > 0 || !moduleNode) return { diagnostics: errors };
  }
  if (!moduleNode) {
    const message = 'Encountered no module header: a spec starts with "---- MODULE Name ----"';
    return { diagnostics: [{ code: 'syntax', severity: 'error', message, loc: { file, line: 1, col: 1 } }] };
  }
  const module = convertModule(ctx, moduleNode);
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: ctx.diagnostics };
  return { value: module, diagnostics: ctx.diagnostics };
}

/** Read and parse a `.tla` file; `Module.file` is its absolute path. */
export function parseModuleFile(path: string): Result<Module> {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    const d: Diagnostic = { code: 'io', severity: 'error', message: `Cannot read ${path}: ${reason}` };
    return { diagnostics: [d] };
  }
  return parseModuleText(text, file);
}

/** The file's module: the one named after the file when there are several, else the first. */
function pickModule(root: SyntaxNode, file: string): SyntaxNode | undefined {
  const modules = root.namedChildren.filter((c) => c.type === 'module');
  const base = file.replace(/^.*[\\/]/, '').replace(/\.tla$/, '');
  return modules.find((m) => m.childForFieldName('name')?.text === base) ?? modules[0];
}

/** True when the diagnostic starts after the end of `node`. */
function after(d: Diagnostic, node: SyntaxNode): boolean {
  if (!d.loc) return false;
  const end = node.endPosition;
  return d.loc.line - 1 > end.row || (d.loc.line - 1 === end.row && d.loc.col - 1 >= end.column);
}
