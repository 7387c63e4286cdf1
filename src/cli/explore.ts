/**
 * `tlaw explore <trace.itf.json | folder> [--out <file|dir>] [--open]`: the
 * trace explorer page, one self-contained HTML file per trace (a folder gives
 * one page per `*.itf.json` under it and an index page). With --spec (and
 * --config) the model is checked once more to add its action coverage.
 *
 * `check --explore` calls `writeResultPage` for each counterexample.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import type { ActionCoverage } from '../check/coverage.js';
import { declaredActions } from '../check/eval/declared-actions.js';
import type { CheckResult } from '../check/result.js';
import { bfs } from '../check/search/index.js';
import { type Diagnostic, ExitCode, formatDiagnostic, ioDiagnostic, readTextFile } from '../errors.js';
import { pageData, readSources, renderPage } from '../explore/index.js';
import { readItf, type Trace, traceFilePath } from '../trace/index.js';
import { configFor } from './check-jobs.js';
import { loadModel } from './check-load.js';
import { type CommandIO, processIO } from './io.js';
import { resultToTrace } from './report/index.js';

export interface ExploreOptions {
  out?: string;
  open?: boolean;
  spec?: string;
  config?: string;
  lib?: string[];
  /** Extra folders to look for spec sources in. */
  sources?: string[];
  json?: boolean;
}

/** Where pages go when no --out is given. */
export const DEFAULT_EXPLORE_DIR = 'tlaw-explore';

export interface WrittenPage {
  trace: string;
  page: string;
  states: number;
}

export function registerExploreCommand(program: Command): void {
  program
    .command('explore')
    .description(
      'write a trace explorer page (one self-contained HTML file) for a trace or a folder of traces',
    )
    .argument('<trace>', 'an ITF trace (.itf.json), or a folder: every *.itf.json under it')
    .option('--out <path>', `the page (for one trace) or folder of pages (default: ${DEFAULT_EXPLORE_DIR}/)`)
    .option('--open', 'open the page in the default browser')
    .option('--spec <spec.tla>', "check this spec again to add the run's action coverage to the page")
    .option('--config <cfg>', 'the model configuration for --spec (default: the spec with .cfg)')
    .option('--lib <dir...>', 'extra folders to search for modules')
    .option('--sources <dir...>', 'extra folders to look for the spec sources the trace points into')
    .option('--json', 'print the pages written as one JSON object on stdout')
    .action(async (target: string, opts: ExploreOptions) => {
      process.exitCode = runExplore(target, opts);
    });
}

function fail(diagnostics: readonly Diagnostic[], code: number, opts: ExploreOptions, io: CommandIO): number {
  if (opts.json) io.stdout(`${JSON.stringify({ ok: false, exitCode: code, diagnostics })}\n`);
  else for (const d of diagnostics) io.stderr(`tlaw explore: ${formatDiagnostic(d)}\n`);
  return code;
}

export function runExplore(target: string, opts: ExploreOptions, io: CommandIO = processIO): number {
  if (!existsSync(target))
    return fail([ioDiagnostic(`Cannot read ${target}: file not found.`)], ExitCode.usageError, opts, io);
  const folder = statSync(target).isDirectory();
  if (folder && opts.spec) {
    return fail(
      [ioDiagnostic('--spec applies to a single trace, not a folder.')],
      ExitCode.usageError,
      opts,
      io,
    );
  }
  let coverage: ActionCoverage[] | undefined;
  if (opts.spec) {
    const run = coverageOf(opts.spec, opts.config ?? configFor(opts.spec), opts.lib ?? []);
    if (!run.coverage) return fail(run.diagnostics, run.exitCode, opts, io);
    coverage = run.coverage;
  }
  const traces = folder ? traceFilesUnder(target) : [target];
  if (traces.length === 0)
    return fail([ioDiagnostic(`${target} holds no *.itf.json trace.`)], ExitCode.usageError, opts, io);
  const outDir = folder ? (opts.out ?? DEFAULT_EXPLORE_DIR) : undefined;
  const written: WrittenPage[] = [];
  for (const file of traces) {
    const read = readTextFile(file);
    const trace = read.value !== undefined ? readItf(read.value, file) : { diagnostics: read.diagnostics };
    if (!trace.value) return fail(trace.diagnostics, ExitCode.usageError, opts, io);
    const page = outDir
      ? join(outDir, relative(target, file).replace(/\.itf\.json$|\.json$/, '.html'))
      : (opts.out ?? join(DEFAULT_EXPLORE_DIR, basename(file).replace(/\.itf\.json$|\.json$/, '.html')));
    const problem = writePage(trace.value, page, {
      origin: basename(file),
      sources: readSources(trace.value, file, opts.sources ?? []),
      ...(coverage ? { coverage } : {}),
    });
    if (problem) return fail([problem], ExitCode.usageError, opts, io);
    written.push({ trace: file, page, states: trace.value.states.length });
  }
  const index = outDir ? join(outDir, 'index.html') : undefined;
  if (index) writeFileSync(index, indexPage(written, outDir!));
  const shown = index ?? written[0]!.page;
  if (opts.json)
    io.stdout(`${JSON.stringify({ ok: true, exitCode: 0, pages: written, ...(index ? { index } : {}) })}\n`);
  else {
    for (const w of written) io.stdout(`${w.page} (${w.states} states, from ${w.trace})\n`);
    if (index) io.stdout(`${index} lists the ${written.length} pages\n`);
  }
  if (opts.open) openInBrowser(shown, io);
  return ExitCode.ok;
}

/** Writes one page; returns the problem when it cannot. */
function writePage(
  trace: Trace,
  page: string,
  options: Parameters<typeof pageData>[1],
): Diagnostic | undefined {
  try {
    mkdirSync(dirname(page), { recursive: true });
    writeFileSync(page, renderPage(pageData(trace, options)));
    return undefined;
  } catch (err) {
    return ioDiagnostic(`Cannot write ${page}: ${(err as Error).message}`);
  }
}

function traceFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...traceFilesUnder(path));
    else if (name.endsWith('.itf.json')) out.push(path);
  }
  return out;
}

function indexPage(pages: readonly WrittenPage[], dir: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const items = pages
    .map((p) => {
      const href = relative(dir, p.page).split('\\').join('/');
      return `<li><a href="${esc(href)}">${esc(basename(p.trace))}</a> <span>${p.states} states</span></li>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Traces</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:24px}span{color:#6b7280}</style></head>
<body><h1>Traces</h1><ul>
${items}
</ul></body></html>
`;
}

/** The action coverage of a full search of the model (the search's verdict does not matter here). */
function coverageOf(
  spec: string,
  config: string,
  lib: string[],
): { coverage?: ActionCoverage[]; diagnostics: Diagnostic[]; exitCode: number } {
  const loaded = loadModel(spec, config, { libPaths: lib, print: () => {} });
  if (!loaded.model || !loaded.config) return { diagnostics: loaded.diagnostics, exitCode: loaded.exitCode };
  const result = bfs(loaded.model, {
    coverage: { declared: declaredActions(loaded.model.rootScope, loaded.config) },
  });
  return { coverage: result.coverage ?? [], diagnostics: [], exitCode: 0 };
}

/**
 * `check --explore`: the page of a result's counterexample, at
 * `<dir>/<group>/<model>-<property>.html`; returns its path, or undefined
 * when the result has no trace.
 */
export function writeResultPage(
  result: CheckResult,
  job: { spec: string; config: string; name: string; traceGroup?: string },
  dir: string,
): { page?: string; problem?: Diagnostic } {
  const trace = resultToTrace(result, job.spec, job.config);
  if (!trace) return {};
  const group = job.traceGroup ?? basename(job.spec, '.tla');
  const page = traceFilePath(group, job.name, result.violated, { dir, kind: result.result }).replace(
    /\.itf\.json$/,
    '.html',
  );
  const problem = writePage(trace, page, {
    origin: `tlaw check ${basename(job.spec)} (${basename(job.config)})`,
    sources: readSources(trace, resolve(job.spec)),
    ...(result.coverage ? { coverage: result.coverage } : {}),
  });
  return problem ? { problem } : { page };
}

/** Opens a page with the desktop's opener; says so when there is none. */
function openInBrowser(page: string, io: CommandIO): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const url = pathToFileURL(resolve(page)).href;
  try {
    const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => io.stderr(`tlaw explore: cannot run ${opener}; open ${url} in a browser.\n`));
    child.unref();
  } catch {
    io.stderr(`tlaw explore: cannot run ${opener}; open ${url} in a browser.\n`);
  }
}
