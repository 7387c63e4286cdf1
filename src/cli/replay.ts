/**
 * `tlaw replay <trace.itf.json> --binding <module> [--json]`: replays a
 * trace against the implementation a binding module exports, comparing the
 * observed state with the trace after every step. Prints `ok: N steps`, or
 * the first divergence (state, action, parameters, expected/actual diff).
 * Exit 0 when the implementation follows the trace, 1 when it diverges, 152
 * when the trace or the binding cannot be loaded.
 */
import type { Command } from 'commander';
import { printValue } from '../check/value/index.js';
import { type Diagnostic, ExitCode, formatDiagnostic, ioDiagnostic } from '../errors.js';
import { loadBinding, type ReplayResult, readTraceFile, replay, thrownMessage } from '../mbt/index.js';
import { type CommandIO, processIO } from './io.js';

export interface ReplayOptions {
  binding?: string;
  json?: boolean;
}

/** Exit code when the implementation diverges from the trace. */
export const DIVERGENCE = 1;

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('replay an ITF trace against an implementation through a binding module')
    .argument('<trace>', 'the trace (.itf.json)')
    .requiredOption('--binding <module>', 'a .ts or .js module exporting the binding (default or `binding`)')
    .option('--json', 'print the outcome as one JSON object on stdout')
    .action(async (trace: string, opts: ReplayOptions) => {
      process.exitCode = await runReplay(trace, opts);
    });
}

/** The replay outcome as JSON: parameters and values in TLA+ syntax. */
export function replayResultToJson(result: ReplayResult): Record<string, unknown> {
  if (!result.failure) return { ok: true, steps: result.stepsChecked };
  const f = result.failure;
  return {
    ok: false,
    steps: result.stepsChecked,
    failure: {
      step: f.step,
      action: f.action,
      params: Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, printValue(v)])),
      reason: f.reason,
      diff: f.diff,
      message: f.message,
    },
  };
}

export async function runReplay(
  traceFile: string,
  options: ReplayOptions,
  io: CommandIO = processIO,
): Promise<number> {
  const problems = (diagnostics: Diagnostic[]): number => {
    if (options.json) io.stdout(`${JSON.stringify({ ok: false, diagnostics })}\n`);
    else for (const d of diagnostics) io.stderr(`tlaw replay: ${formatDiagnostic(d)}\n`);
    return ExitCode.usageError;
  };
  if (!options.binding) {
    return problems([ioDiagnostic('give the binding module with --binding <module>')]);
  }
  const read = readTraceFile(traceFile);
  if (!read.value) return problems(read.diagnostics);
  const binding = await loadBinding(options.binding);
  if (!binding.value) return problems(binding.diagnostics);

  let result: ReplayResult;
  try {
    result = await replay(read.value.trace, binding.value);
  } catch (e) {
    // create() or dispose() threw: the implementation cannot be driven at all.
    const message = `the binding ${binding.value.name} failed outside any step: ${thrownMessage(e)}`;
    if (options.json) io.stdout(`${JSON.stringify({ ok: false, error: message })}\n`);
    else io.stderr(`tlaw replay: ${message}\n`);
    return DIVERGENCE;
  }
  if (options.json) io.stdout(`${JSON.stringify(replayResultToJson(result))}\n`);
  else if (result.failure) io.stdout(`diverged: ${result.failure.message}\n`);
  else io.stdout(`ok: ${result.stepsChecked} steps\n`);
  return result.ok ? ExitCode.ok : DIVERGENCE;
}
