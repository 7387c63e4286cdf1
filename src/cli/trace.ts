/**
 * `tlaw trace convert <tlc-output> [--spec <spec.tla>] [--config <cfg>] [--out <file>]`:
 * TLC's plain output, `-tool` output or `-dumpTrace json` file as an ITF
 * trace. With --spec the trace is re-executed on the spec, which recovers
 * exact typed values and action parameters and reports the first state that
 * does not match the spec (exit 1).
 *
 * `tlaw trace show <file.itf.json>`: prints a trace as TLC prints a
 * counterexample.
 *
 * Both take --json. Unreadable inputs exit 152; a spec or cfg that does not
 * load exits with its own code (150, 151).
 */
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, ExitCode, formatDiagnostic, ioDiagnostic, readTextFile } from '../errors.js';
import { readTraceFile, saveTrace } from '../mbt/index.js';
import type { RawTrace } from '../tlc/index.js';
import {
  formatItf,
  importTlcOutput,
  recoverTrace,
  type Trace,
  textTraceToTrace,
  writeItf,
} from '../trace/index.js';
import { configFor } from './check-jobs.js';
import { loadModel } from './check-load.js';
import { type CommandIO, processIO } from './io.js';
import { formatBackToState, formatTrace, traceToResultSteps } from './report/index.js';

export interface TraceConvertOptions {
  spec?: string;
  config?: string;
  out?: string;
  lib?: string[];
  json?: boolean;
}

export interface TraceShowOptions {
  json?: boolean;
}

/** Exit code when the trace is not a behaviour of the given spec. */
export const TRACE_DIVERGES = 1;

export function registerTraceCommand(program: Command): void {
  const trace = program.command('trace').description('convert and print traces (ITF)');
  trace
    .command('convert')
    .description("convert TLC's output (plain, -tool, or -dumpTrace json) into an ITF trace")
    .argument('<tlc-output>', "a file with TLC's output or its -dumpTrace json trace")
    .option('--spec <spec.tla>', 're-execute the trace on this spec: typed values and action parameters')
    .option('--config <cfg>', 'the model configuration (default: the spec with .cfg)')
    .option('--lib <dir...>', 'extra folders to search for modules')
    .option('--out <file.itf.json>', 'write the trace there (default: print it)')
    .option('--json', 'print the outcome as one JSON object on stdout')
    .action(async (file: string, opts: TraceConvertOptions) => {
      process.exitCode = runTraceConvert(file, opts);
    });
  trace
    .command('show')
    .description('print an ITF trace as TLC prints a counterexample')
    .argument('<trace>', 'the trace (.itf.json)')
    .option('--json', 'print the trace as JSON (ITF) on stdout')
    .action(async (file: string, opts: TraceShowOptions) => {
      process.exitCode = runTraceShow(file, opts);
    });
}

function reportProblems(
  command: string,
  diagnostics: readonly Diagnostic[],
  code: number,
  json: boolean | undefined,
  io: CommandIO,
): number {
  if (json) io.stdout(`${JSON.stringify({ ok: false, exitCode: code, diagnostics })}\n`);
  else for (const d of diagnostics) io.stderr(`tlaw trace ${command}: ${formatDiagnostic(d)}\n`);
  return code;
}

/** The module a printed trace names in its action locations, if any. */
function moduleOf(raw: RawTrace): string | undefined {
  for (const s of raw.states) if (s.action.location?.module) return s.action.location.module;
  return undefined;
}

export function runTraceConvert(
  file: string,
  options: TraceConvertOptions,
  io: CommandIO = processIO,
): number {
  const fail = (diagnostics: readonly Diagnostic[], code: number = ExitCode.usageError) =>
    reportProblems('convert', diagnostics, code, options.json, io);
  const input = readTextFile(file);
  if (input.value === undefined) return fail(input.diagnostics);
  const imported = importTlcOutput(input.value, 'auto', { file });
  if (!imported.value) return fail(imported.diagnostics);
  const { trace: raw, summary } = imported.value;
  const property = summary?.violated ?? undefined;
  const result = summary?.result;

  let trace: Trace;
  if (options.spec) {
    const spec = options.spec;
    const cfg = options.config ?? configFor(spec);
    const loaded = loadModel(spec, cfg, { libPaths: options.lib ?? [], print: () => {} });
    if (!loaded.model) return fail(loaded.diagnostics, loaded.exitCode);
    const recovered = recoverTrace(raw, loaded.model, {
      model: basename(cfg).replace(/\.cfg$/, ''),
      ...(property ? { property } : {}),
      ...(result ? { result } : {}),
    });
    if (!recovered.value) {
      const located = recovered.diagnostics.map((d) =>
        d.loc ? d : { ...d, loc: { file, line: 1, col: 1 } },
      );
      return fail(located, TRACE_DIVERGES);
    }
    trace = recovered.value.trace;
  } else {
    if (raw.format !== 'tla') {
      return fail([
        ioDiagnostic(
          `${file} is a -dumpTrace json trace, which does not tell sets from sequences: pass --spec <spec.tla> to recover its values`,
          file,
        ),
      ]);
    }
    const converted = textTraceToTrace(raw, {
      spec: moduleOf(raw) ?? basename(file).replace(/\.[^.]*$/, ''),
      specDir: dirname(resolve(file)),
      ...(property ? { property } : {}),
      ...(result ? { result } : {}),
    });
    if (!converted.value) return fail(converted.diagnostics);
    trace = converted.value;
  }

  if (options.out) {
    const saved = saveTrace(trace, options.out);
    if (!saved.value) return fail(saved.diagnostics);
    if (options.json)
      io.stdout(`${JSON.stringify({ ok: true, states: trace.states.length, out: saved.value })}\n`);
    else io.stdout(`Wrote ${trace.states.length} states to ${options.out}\n`);
  } else if (options.json) {
    io.stdout(`${JSON.stringify({ ok: true, states: trace.states.length, trace: writeItf(trace) })}\n`);
  } else {
    io.stdout(formatItf(trace));
  }
  return ExitCode.ok;
}

/** A trace as TLC prints a behaviour, with its lasso (`Back to state n` / `Stuttering`). */
export function formatTraceText(trace: Trace): string[] {
  const lines = formatTrace(traceToResultSteps(trace));
  const n = trace.states.length;
  if (trace.loop !== undefined) {
    if (trace.loop === n - 1 && !trace.loopAction) lines.push(`State ${n + 1}: Stuttering`);
    else lines.push(formatBackToState(trace.loop, trace.loopAction ?? { name: 'Action', params: [] }));
  }
  return lines;
}

export function runTraceShow(file: string, options: TraceShowOptions, io: CommandIO = processIO): number {
  const read = readTraceFile(file);
  if (!read.value) return reportProblems('show', read.diagnostics, ExitCode.usageError, options.json, io);
  const trace = read.value.trace;
  if (options.json) {
    io.stdout(`${JSON.stringify(writeItf(trace))}\n`);
    return ExitCode.ok;
  }
  const title = [
    `Trace of ${trace.spec}${trace.model ? ` (${trace.model}.cfg)` : ''}`,
    trace.property ? `: ${trace.property} violated` : trace.result ? `: ${trace.result}` : '',
  ].join('');
  io.stdout(`${[title, ...formatTraceText(trace)].join('\n')}\n`);
  return ExitCode.ok;
}
