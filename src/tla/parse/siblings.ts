/**
 * The other top-level modules of a file ("monolith" files, such as TLC's
 * generated `<Spec>_TTrace_<n>.tla`, hold several modules one after the
 * other, then a `---- CONFIG <name> ----` section).
 *
 * They are found the way TLC finds them: line by line, a module starts at a
 * line that is only a module header (`---- MODULE Name ----`, dashes first,
 * so a commented-out `\* ---- MODULE Name ----` is not one). Each is parsed
 * from its header line on, with the lines before it left blank so that
 * locations point into the original file.
 */
import type { Diagnostic } from '../../errors.js';
import type { Module } from '../ast.js';
import type { ConvertContext } from './context.js';
import { convertModule } from './convertUnits.js';
import { syntaxDiagnostics } from './errors.js';
import { parseTree, type SyntaxNode } from './treeSitter.js';

/** A line that is exactly a module header: 4+ dashes, MODULE, a name, 3+ dashes. */
const MODULE_HEADER = /^-{4,}\s*MODULE\s+(\w+)\s*-{3,}\s*$/;

export interface SiblingModules {
  modules: Module[];
  diagnostics: Diagnostic[];
}

/**
 * Parses every top-level module of `lines` other than `main` (the module
 * node the file's own parse picked). The first module of a name wins, as in
 * TLC. Syntax errors of a sibling are reported at their place in the file.
 */
export function parseSiblingModules(
  lines: readonly string[],
  file: string,
  main: SyntaxNode,
): SiblingModules {
  const mainName = main.childForFieldName('name')?.text;
  const seen = new Set<string>(mainName === undefined ? [] : [mainName]);
  const modules: Module[] = [];
  const diagnostics: Diagnostic[] = [];
  let row = 0;
  while (row < lines.length) {
    if (row >= main.startPosition.row && row <= main.endPosition.row) {
      row = main.endPosition.row + 1;
      continue;
    }
    const name = MODULE_HEADER.exec(lines[row]!)?.[1];
    if (name === undefined || seen.has(name)) {
      row++;
      continue;
    }
    seen.add(name);
    const parsed = parseModuleAt(lines, row, file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.module) modules.push(parsed.module);
    row = parsed.endRow + 1;
  }
  return { modules, diagnostics };
}

/**
 * The module whose header is at `row`, parsed from there up to the first
 * `====` line (blank lines in front keep locations), when that text is a
 * module without syntax errors. The rest of the file (which may be a long
 * trace) is not parsed; a module with a nested module ends later, so it
 * comes out broken here and needs a parse of the whole rest.
 */
export function parseModuleUpToEnd(lines: readonly string[], row: number): SyntaxNode | undefined {
  const end = firstEndLine(lines, row);
  const text = '\n'.repeat(row) + lines.slice(row, end + 1).join('\n');
  const node = moduleAt(parseTree(text).rootNode, row);
  return node && !node.hasError ? node : undefined;
}

/** Row of the first line that is a module header, of module `name` when given. */
export function moduleHeaderRow(lines: readonly string[], name?: string): number | undefined {
  for (let row = 0; row < lines.length; row++) {
    const found = MODULE_HEADER.exec(lines[row]!)?.[1];
    if (found !== undefined && (name === undefined || found === name)) return row;
  }
  return undefined;
}

/** Parses the module whose header is at `row` (0-based); `endRow` is the row of its last line. */
function parseModuleAt(
  lines: readonly string[],
  row: number,
  file: string,
): { module?: Module; diagnostics: Diagnostic[]; endRow: number } {
  const firstEnd = firstEndLine(lines, row);
  let node = parseModuleUpToEnd(lines, row);
  let text = '';
  let root: SyntaxNode | undefined;
  if (node === undefined) {
    text = '\n'.repeat(row) + lines.slice(row).join('\n');
    root = parseTree(text).rootNode;
    node = moduleAt(root, row);
  }
  const ctx: ConvertContext = { file, diagnostics: [] };
  if (node === undefined) {
    // No module came out of the parse: report the errors up to the first `====` line.
    const endRow = firstEnd;
    const errors = syntaxDiagnostics(ctx, root!, text.split('\n')).filter(
      (d) => d.loc !== undefined && d.loc.line <= endRow + 1,
    );
    const message = `Cannot parse module ${lines[row]!.trim()}`;
    const fallback: Diagnostic = {
      code: 'syntax',
      severity: 'error',
      message,
      loc: { file, line: row + 1, col: 1 },
    };
    return { diagnostics: errors.length > 0 ? errors : [fallback], endRow };
  }
  const endRow = node.endPosition.row;
  if (node.hasError) {
    const inside = syntaxDiagnostics(ctx, root!, text.split('\n')).filter((d) => !startsAfter(d, node));
    return { diagnostics: inside, endRow };
  }
  const module = convertModule(ctx, node);
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: ctx.diagnostics, endRow };
  return { module, diagnostics: ctx.diagnostics, endRow };
}

/** Row of the first line from `row + 1` on that starts with `====` (the last row when none does). */
function firstEndLine(lines: readonly string[], row: number): number {
  let end = row + 1;
  while (end < lines.length - 1 && !lines[end]!.startsWith('====')) end++;
  return end;
}

function moduleAt(root: SyntaxNode, row: number): SyntaxNode | undefined {
  return root.namedChildren.find((c) => c.type === 'module' && c.startPosition.row === row);
}

/** True when the diagnostic starts after the end of `node`. */
export function startsAfter(d: Diagnostic, node: SyntaxNode): boolean {
  if (!d.loc) return false;
  const end = node.endPosition;
  return d.loc.line - 1 > end.row || (d.loc.line - 1 === end.row && d.loc.col - 1 >= end.column);
}
