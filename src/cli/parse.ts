/**
 * `tlaw parse <spec.tla> [--json]`: parse a spec and every module it uses,
 * check names and arities, then print a summary of the root module (or its
 * AST as JSON). Syntax, module and semantic errors are printed as
 * `file:line:col: message` on stderr, exit 150.
 */
import type { Command } from 'commander';
import { type Diagnostic, exitCodeFor, formatDiagnostic } from '../errors.js';
import type { Module, Param } from '../tla/ast.js';
import { loadSpec } from '../tla/modules/index.js';
import { checkSpec } from '../tla/semantic/index.js';

interface ParseOptions {
  json?: boolean;
  lib?: string[];
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('parse a TLA+ spec and the modules it uses; print a summary, or the AST with --json')
    .argument('<spec>', 'the .tla file of the root module')
    .option('--json', 'print the root module AST (or the diagnostics) as JSON on stdout')
    .option('--lib <dir...>', 'extra folders to search for modules')
    .action((spec: string, opts: ParseOptions) => runParse(spec, opts));
}

function runParse(spec: string, opts: ParseOptions): void {
  const loaded = loadSpec(spec, { libPaths: opts.lib ?? [] });
  const diagnostics = loaded.value ? [...loaded.diagnostics, ...checkSpec(loaded.value)] : loaded.diagnostics;
  if (!loaded.value || diagnostics.some((d) => d.severity === 'error')) {
    if (opts.json) process.stdout.write(`${JSON.stringify({ diagnostics })}\n`);
    else printDiagnostics(diagnostics);
    process.exitCode = exitCodeFor(diagnostics);
    return;
  }
  const { root, modules } = loaded.value;
  if (opts.json) {
    // One JSON object on one line, as every --json output.
    process.stdout.write(`${JSON.stringify(root)}\n`);
  } else {
    printDiagnostics(diagnostics);
    const others = [...modules.keys()].filter((name) => name !== root.name);
    process.stdout.write(moduleSummary(root, others));
  }
  process.exitCode = 0;
}

function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** `Op(_, _)` for an operator of arity 2, `x` for arity 0. */
function withArity(p: Param): string {
  return p.arity === 0 ? p.name : `${p.name}(${Array.from({ length: p.arity }, () => '_').join(', ')})`;
}

/** A human-readable outline of a module: declarations, definitions with arity, EXTENDS, instances. */
export function moduleSummary(m: Module, loadedModules: readonly string[] = [], indent = ''): string {
  const lines: string[] = [`${indent}MODULE ${m.name} (${m.file})`];
  const add = (label: string, items: string[]): void => {
    if (items.length > 0) lines.push(`${indent}  ${label}: ${items.join(', ')}`);
  };
  add(
    'extends',
    m.extends.map((e) => e.name),
  );
  const constants: string[] = [];
  const variables: string[] = [];
  const definitions: string[] = [];
  const instances: string[] = [];
  const nested: Module[] = [];
  let assumptions = 0;
  let theorems = 0;
  for (const u of m.units) {
    const local = 'local' in u && u.local ? 'LOCAL ' : '';
    switch (u.kind) {
      case 'ConstantDecl':
        constants.push(...u.names.map(withArity));
        break;
      case 'VariableDecl':
        variables.push(...u.names.map((v) => v.name));
        break;
      case 'OperatorDef':
        definitions.push(
          `${local}${u.name}${u.params.length > 0 ? `/${u.params.length}` : ''}${u.recursive ? ' (recursive)' : ''}`,
        );
        break;
      case 'FunctionDef':
        definitions.push(`${local}${u.name}[${u.bounds.flatMap((b) => b.names).join(', ')}]`);
        break;
      case 'InstanceDef':
        instances.push(
          `${local}${u.name}${u.params.length > 0 ? `/${u.params.length}` : ''} == INSTANCE ${u.instance.module}`,
        );
        break;
      case 'Instance':
        instances.push(`${local}INSTANCE ${u.module}`);
        break;
      case 'Assume':
        assumptions++;
        break;
      case 'Theorem':
        theorems++;
        break;
      case 'Module':
        nested.push(u);
        break;
      case 'RecursiveDecl':
        break;
    }
  }
  add('constants', constants);
  add('variables', variables);
  add('definitions', definitions);
  add('instances', instances);
  if (assumptions > 0) lines.push(`${indent}  assumptions: ${assumptions}`);
  if (theorems > 0) lines.push(`${indent}  theorems: ${theorems}`);
  add('modules loaded', [...loadedModules]);
  const out = `${lines.join('\n')}\n`;
  return out + nested.map((n) => moduleSummary(n, [], `${indent}  `)).join('');
}
