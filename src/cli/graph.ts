/**
 * `tlaw graph <spec.tla> [--config <cfg>] [--out <file>] [--vars a,b]
 * [--max-states n]`: draws the state graph of a small model as SVG, HTML or
 * DOT (by the extension of --out, or --format), laid out by Graphviz in
 * WebAssembly. The initial states, the states that violate an invariant or
 * deadlock, and the shortest path to the first of them are marked. A model
 * with more states than the limit is refused with a message (exit 1): a
 * VIEW in the cfg or a projection on some variables (--vars) keeps the
 * picture readable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { State } from '../check/model.js';
import { EvalError as SpecEvalError } from '../check/model.js';
import type { Value } from '../check/value/index.js';
import { type Diagnostic, ExitCode, formatDiagnostic, ioDiagnostic } from '../errors.js';
import { buildStateGraph, dotToSvg, graphPage, graphToDot, type StateGraph } from '../explore/index.js';
import type { Expr } from '../tla/ast.js';
import { configFor } from './check-jobs.js';
import { loadModel } from './check-load.js';
import { type CommandIO, processIO } from './io.js';

export type GraphFormat = 'svg' | 'html' | 'dot';

export interface GraphOptions {
  config?: string;
  lib?: string[];
  out?: string;
  format?: GraphFormat;
  /** Comma-separated variables to project on. */
  vars?: string;
  maxStates?: number;
  json?: boolean;
}

/** Exit code when the graph has more states than the limit. */
export const GRAPH_TOO_LARGE = 1;
export const DEFAULT_MAX_STATES = 150;

function positiveInt(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('--max-states must be a positive integer.');
  return n;
}

export function registerGraphCommand(program: Command): void {
  program
    .command('graph')
    .description(
      'draw the state graph of a small model (SVG, HTML or DOT), with its initial states and counterexample marked',
    )
    .argument('<spec>', 'the spec (.tla)')
    .option('--config <cfg>', 'model configuration (default: the spec with .cfg)')
    .option('--lib <dir...>', 'extra folders to search for modules')
    .option(
      '--out <file>',
      'where to write (default: tlaw-explore/<spec>-graph.html); the extension sets the format',
    )
    .addOption(
      new Option('--format <format>', 'svg, html or dot (default: from --out, else html)').choices([
        'svg',
        'html',
        'dot',
      ]),
    )
    .option(
      '--vars <names>',
      'draw only these variables (comma-separated): states equal on them become one node',
    )
    .option(
      '--max-states <n>',
      `refuse graphs with more nodes than this (default ${DEFAULT_MAX_STATES})`,
      positiveInt,
    )
    .option('--json', 'print the outcome as one JSON object on stdout')
    .action(async (spec: string, opts: GraphOptions) => {
      process.exitCode = await runGraph(spec, opts);
    });
}

function fail(diagnostics: readonly Diagnostic[], code: number, opts: GraphOptions, io: CommandIO): number {
  if (opts.json) io.stdout(`${JSON.stringify({ ok: false, exitCode: code, diagnostics })}\n`);
  else for (const d of diagnostics) io.stderr(`tlaw graph: ${formatDiagnostic(d)}\n`);
  return code;
}

function formatOf(opts: GraphOptions): GraphFormat {
  if (opts.format) return opts.format;
  const ext = opts.out?.match(/\.(svg|dot|gv|html?)$/i)?.[1]?.toLowerCase();
  return ext === 'svg' ? 'svg' : ext === 'dot' || ext === 'gv' ? 'dot' : 'html';
}

export async function runGraph(spec: string, opts: GraphOptions, io: CommandIO = processIO): Promise<number> {
  const config = opts.config ?? configFor(spec);
  const loaded = loadModel(spec, config, { libPaths: opts.lib ?? [], print: () => {} });
  if (!loaded.model || !loaded.config) return fail(loaded.diagnostics, loaded.exitCode, opts, io);
  const model = loaded.model;
  const vars = opts.vars
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = vars?.filter((v) => !model.variables.includes(v)) ?? [];
  if (unknown.length > 0) {
    const known = model.variables.join(', ');
    return fail(
      [ioDiagnostic(`--vars: no variable ${unknown.join(', ')} (the variables are ${known}).`)],
      ExitCode.usageError,
      opts,
      io,
    );
  }
  const maxNodes = opts.maxStates ?? DEFAULT_MAX_STATES;
  // With a VIEW (and no projection), a node shows the view of its states: that is what identifies it.
  const view = loaded.config.view;
  const describe =
    view && !vars
      ? (s: State): [string, Value][] => [[view.name, model.evaluate(viewExpr(view.name), s)]]
      : undefined;
  let graph: StateGraph;
  try {
    graph = buildStateGraph(model, {
      maxNodes,
      ...(vars ? { vars } : {}),
      ...(describe ? { describe } : {}),
    });
  } catch (err) {
    if (err instanceof SpecEvalError)
      return fail([ioDiagnostic(`Evaluation error: ${err.message}`)], err.exitCode, opts, io);
    throw err;
  }
  if (graph.tooLarge) {
    const message =
      `The state graph has more than ${maxNodes} ${vars ? 'nodes' : 'states'}: too many to draw readably. ` +
      'Narrow it with a VIEW in the cfg, a projection (--vars), smaller constants, or raise --max-states.';
    if (opts.json)
      io.stdout(`${JSON.stringify({ ok: false, exitCode: GRAPH_TOO_LARGE, tooLarge: true, message })}\n`);
    else io.stderr(`tlaw graph: ${message}\n`);
    return GRAPH_TOO_LARGE;
  }
  const format = formatOf(opts);
  const name = basename(spec, '.tla');
  const cfgName = basename(config).replace(/\.(cfg|tla)$/, '');
  const title = `${name}${cfgName !== name ? ` / ${cfgName}` : ''}${vars ? ` (${vars.join(', ')})` : ''}`;
  const out =
    opts.out ?? join('tlaw-explore', `${cfgName !== name ? `${name}-${cfgName}` : name}-graph.${format}`);
  const dot = graphToDot(graph, title);
  const bad = graph.nodes.filter((n) => n.violates.length > 0 || n.deadlock).length;
  const facts = [
    `${graph.states} distinct states`,
    `${graph.nodes.length} nodes, ${graph.edges.length} edges`,
    `${graph.nodes.filter((n) => n.initial).length} initial`,
    bad > 0 ? `${bad} violating or deadlocked` : 'no violation',
  ];
  const text =
    format === 'dot'
      ? dot
      : format === 'svg'
        ? await dotToSvg(dot)
        : graphPage(await dotToSvg(dot), title, facts);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
  } catch (err) {
    return fail(
      [ioDiagnostic(`Cannot write ${out}: ${(err as Error).message}`)],
      ExitCode.usageError,
      opts,
      io,
    );
  }
  const summary = {
    ok: true,
    exitCode: 0,
    out,
    format,
    states: graph.states,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    initial: graph.nodes.filter((n) => n.initial).length,
    violating: bad,
    pathLength: graph.nodes.filter((n) => n.onPath).length,
  };
  if (opts.json) io.stdout(`${JSON.stringify(summary)}\n`);
  else io.stdout(`Wrote ${out}: ${facts.join(', ')}.\n`);
  return ExitCode.ok;
}

function viewExpr(name: string): Expr {
  return { kind: 'Ident', name, loc: { file: '', line: 0, col: 0, endLine: 0, endCol: 0 } };
}
