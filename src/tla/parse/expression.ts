/**
 * Parsing a lone TLA+ expression (a value printed by TLC, a REPL input, an
 * expression given on the command line): it is parsed as the body of a
 * definition in a scratch module, then every location is moved back to
 * where the expression text itself has it.
 */
import type { Diagnostic, Result } from '../../errors.js';
import type { Expr, OperatorDef } from '../ast.js';
import { parseModuleText } from './parseModule.js';

/** Lines before the expression in the scratch module, and spaces before each of its lines. */
const LINE_SHIFT = 2;
const COL_SHIFT = 2;

/**
 * Parse `text` as one expression. Locations (and positions quoted in
 * messages) are relative to `text`, in `file`.
 */
export function parseExpressionText(text: string, file: string): Result<Expr> {
  const body = text
    .split(/\r?\n/)
    .map((l) => ' '.repeat(COL_SHIFT) + l)
    .join('\n');
  const wrapped = `---- MODULE Expression ----\nExpression ==\n${body}\n====\n`;
  const r = parseModuleText(wrapped, file);
  const diagnostics = r.diagnostics.map(shiftDiagnostic);
  const def = r.value?.units[0] as OperatorDef | undefined;
  if (!def || r.value?.units.length !== 1) {
    if (diagnostics.length === 0) {
      diagnostics.push({
        code: 'syntax',
        severity: 'error',
        message: 'Expected one expression',
        loc: { file, line: 1, col: 1 },
      });
    }
    return { diagnostics };
  }
  shiftLocations(def.body);
  return { value: def.body, diagnostics };
}

function shiftDiagnostic(d: Diagnostic): Diagnostic {
  const message = d.message.replace(
    /line (\d+), column (\d+)/g,
    (_, l: string, c: string) =>
      `line ${Number(l) - LINE_SHIFT}, column ${Math.max(1, Number(c) - COL_SHIFT)}`,
  );
  if (!d.loc) return { ...d, message };
  const loc = { ...d.loc, line: d.loc.line - LINE_SHIFT, col: Math.max(1, d.loc.col - COL_SHIFT) };
  if (loc.endLine !== undefined) loc.endLine -= LINE_SHIFT;
  if (loc.endCol !== undefined) loc.endCol = Math.max(1, loc.endCol - COL_SHIFT);
  return { ...d, message, loc };
}

/** Move every `loc` in the tree (nodes, bounds, parameters) back to the expression text's coordinates. */
function shiftLocations(node: unknown, seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) shiftLocations(item, seen);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' && typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      const loc = value as { line: number; col: number; endLine: number; endCol: number };
      loc.line -= LINE_SHIFT;
      loc.endLine -= LINE_SHIFT;
      loc.col -= COL_SHIFT;
      loc.endCol -= COL_SHIFT;
    } else {
      shiftLocations(value, seen);
    }
  }
}
