import { resolve } from 'node:path';
import { type Diagnostic, type Result, readTextFile } from '../../errors.js';
import type { Module } from '../ast.js';
import type { ConvertContext } from './context.js';
import { convertModule } from './convertUnits.js';
import { syntaxDiagnostics } from './errors.js';
import { mapLocations, reflowLongLines } from './reflow.js';
import { moduleHeaderRow, parseModuleUpToEnd, parseSiblingModules, startsAfter } from './siblings.js';
import { parseTree, type SyntaxNode } from './treeSitter.js';

/**
 * Parse the text of one `.tla` file. `file` is used in locations and as
 * `Module.file`. Diagnostics hold every syntax error (and constructs that
 * parse but are not supported); `value` is present only when there is no error.
 */
export function parseModuleText(
  text: string,
  file: string,
  options: { reflow?: boolean } = {},
): Result<Module> {
  // A byte-order mark is not part of the text (editors do not count it as a column).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Long lines are cut for speed (reflow.ts); `reflow: false` parses them whole.
  const reflowed = options.reflow === false ? undefined : reflowLongLines(text);
  if (!reflowed) return parseLines(text, file);
  const result = parseLines(reflowed.text, file);
  mapLocations(result, reflowed.map);
  return result;
}

function parseLines(text: string, file: string): Result<Module> {
  const ctx: ConvertContext = { file, diagnostics: [] };
  const lines = text.split(/\r?\n/);
  // Usually the module alone parses cleanly: then the text after it (other
  // modules, a long trace) is not parsed here. Otherwise parse the whole text.
  const quick = quickModule(lines, file);
  const root = quick ? undefined : parseTree(text).rootNode;
  const moduleNode = quick ?? pickModule(root!, file);
  if (root?.hasError && (!moduleNode || moduleNode.hasError)) {
    // SANY reads a file only up to the end of its module: text after it
    // (other modules, TLC's CONFIG section) is read on its own (siblings.ts).
    const errors = syntaxDiagnostics(ctx, root!, lines).filter(
      (d) => !moduleNode || !startsAfter(d, moduleNode),
    );
    if (errors.length > 0 || !moduleNode) return { diagnostics: errors };
  }
  if (!moduleNode) {
    const message = 'Encountered no module header: a spec starts with "---- MODULE Name ----"';
    return { diagnostics: [{ code: 'syntax', severity: 'error', message, loc: { file, line: 1, col: 1 } }] };
  }
  const module = convertModule(ctx, moduleNode);
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: ctx.diagnostics };
  const siblings = parseSiblingModules(lines, file, moduleNode);
  if (siblings.modules.length > 0) module.siblings = siblings.modules;
  // TLC reads another module of the file only when the spec uses it, so a
  // broken one that may never be used is a warning here, not an error.
  const siblingProblems = siblings.diagnostics.map((d): Diagnostic => ({ ...d, severity: 'warning' }));
  return { value: module, diagnostics: [...ctx.diagnostics, ...siblingProblems] };
}

/** Read and parse a `.tla` file; `Module.file` is its absolute path. */
export function parseModuleFile(path: string): Result<Module> {
  const file = resolve(path);
  const read = readTextFile(file);
  if (read.value === undefined) return { diagnostics: read.diagnostics };
  const parsed = parseModuleText(read.value, file);
  const module = parsed.value;
  if (module && module.name !== baseName(file)) {
    // SANY finds a module by its file name, and refuses a file that holds another module.
    const message = `File name '${baseName(file)}' does not match the name '${module.name}' of the top level module it contains.`;
    const loc = { file, line: module.loc.line, col: module.loc.col };
    return { diagnostics: [...parsed.diagnostics, { code: 'syntax', severity: 'error', message, loc }] };
  }
  return parsed;
}

/** The file's module: the one named after the file when there are several, else the first. */
function pickModule(root: SyntaxNode, file: string): SyntaxNode | undefined {
  const modules = root.namedChildren.filter((c) => c.type === 'module');
  return modules.find((m) => m.childForFieldName('name')?.text === baseName(file)) ?? modules[0];
}

/** The file's module (chosen as pickModule does, by header lines) when it parses on its own without error. */
function quickModule(lines: readonly string[], file: string): SyntaxNode | undefined {
  const row = moduleHeaderRow(lines, baseName(file)) ?? moduleHeaderRow(lines);
  return row === undefined ? undefined : parseModuleUpToEnd(lines, row);
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.tla$/, '');
}
