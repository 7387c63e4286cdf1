/**
 * `tlaw check --engine tlc`: real TLC as an engine like the embedded one.
 * tlaw's options become TLC's (src/tlc/command-line.ts), TLC's `-tool`
 * progress drives the same progress line on a terminal, and TLC's
 * counterexample is re-executed on the spec (src/trace's `recoverTrace`), so
 * its steps carry action parameters and typed values like the embedded
 * engine's. The result is the shared `CheckResult`, TLC's exit code included.
 */
import type { CheckResult } from '../check/result.js';
import type { SearchProgress } from '../check/search/index.js';
import { splitArguments } from '../tlc/command-line.js';
import type { RawTextTrace, RunTlcOptions, TraceRecovery } from '../tlc/index.js';
import { recoverTrace } from '../trace/index.js';
import type { CheckJob } from './check-jobs.js';
import { loadModel } from './check-load.js';
import { traceToResultSteps } from './report/index.js';

/** The options of `tlaw check` that reach TLC. */
export interface TlcEngineOptions {
  lib?: string[];
  /** false with --no-deadlock (TLC's `-deadlock`). */
  deadlock?: boolean;
  simulate?: number;
  depth?: number;
  seed?: number;
  workers?: number;
  /** `--fpmem`: TLC's `-fpmem` (a fraction of memory, or MB). */
  fpmem?: number;
  tlcJar?: string;
  /** `--tlc-args`: more TLC options, as one string split like a shell does. */
  tlcArgs?: string;
  /** `--java-opts`: JVM options, as one string. */
  javaOpts?: string;
}

/** A problem with the TLC-only options, or null. */
export function tlcOptionsProblem(options: TlcEngineOptions & { engine?: string }): string | null {
  for (const [flag, text] of [
    ['--tlc-args', options.tlcArgs],
    ['--java-opts', options.javaOpts],
  ] as const) {
    if (text === undefined) continue;
    if (options.engine !== 'tlc') return `${flag} applies to --engine tlc.`;
    const split = splitArguments(text);
    if (split.error) return `${flag}: ${split.error}.`;
  }
  return null;
}

/** `runTlc`'s options for one model (`tlcOptionsProblem` has accepted `options`). */
export function runTlcOptions(job: CheckJob, options: TlcEngineOptions): RunTlcOptions {
  const tlcArgs = [
    ...(options.deadlock === false ? ['-deadlock'] : []),
    ...(options.fpmem !== undefined ? ['-fpmem', String(options.fpmem)] : []),
    ...(options.tlcArgs ? (splitArguments(options.tlcArgs).value ?? []) : []),
  ];
  return {
    spec: job.spec,
    config: job.config,
    workers: options.workers ?? 1,
    ...(options.tlcJar ? { tlcJar: options.tlcJar } : {}),
    ...(options.lib && options.lib.length > 0 ? { libraryPaths: options.lib } : {}),
    ...(options.javaOpts !== undefined ? { javaOptions: splitArguments(options.javaOpts).value ?? [] } : {}),
    ...(tlcArgs.length > 0 ? { tlcArgs } : {}),
    ...(options.simulate !== undefined
      ? {
          simulate: {
            runs: options.simulate,
            ...(options.depth !== undefined ? { depth: options.depth } : {}),
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
          },
        }
      : {}),
    recoverTrace: traceRecovery(job, options.lib ?? []),
  };
}

/**
 * Re-executes TLC's trace on the embedded evaluator: TLC prints values as
 * text and labels steps by name (with argument values only in recent
 * releases); re-execution finds each step's action, its parameters by name,
 * and the values' types. The spec is loaded only when there is a trace.
 */
export function traceRecovery(job: CheckJob, libPaths: string[]): TraceRecovery {
  return (raw: RawTextTrace) => {
    const loaded = loadModel(job.spec, job.config, { libPaths, print: () => {} });
    if (!loaded.model) return { diagnostics: loaded.diagnostics };
    const recovered = recoverTrace(raw, loaded.model);
    if (!recovered.value) return { diagnostics: recovered.diagnostics };
    const { trace } = recovered.value;
    return {
      value: {
        steps: traceToResultSteps(trace),
        ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
        ...(trace.loopAction ? { loopAction: trace.loopAction } : {}),
      },
      diagnostics: [],
    };
  };
}

/** TLC's progress report as the embedded search's, for the same progress line. */
export function tlcProgressToSearch(
  p: { depth?: number; generated?: number; distinct: number; leftOnQueue?: number },
  startedAt: number,
): SearchProgress {
  return {
    totalStates: p.generated ?? p.distinct,
    distinctStates: p.distinct,
    statesLeftOnQueue: p.leftOnQueue ?? 0,
    level: p.depth ?? 1,
    elapsedMs: Date.now() - startedAt,
  };
}

/** Runs TLC for one model; `onProgress` receives TLC's progress reports. */
export async function checkWithTlc(
  job: CheckJob,
  options: TlcEngineOptions,
  onProgress?: (p: SearchProgress) => void,
): Promise<CheckResult> {
  // Loaded on use: the embedded engine needs none of it (execa, the -tool reader).
  const { runTlc } = await import('../tlc/runner.js');
  const started = Date.now();
  return runTlc({
    ...runTlcOptions(job, options),
    ...(onProgress ? { onProgress: (p) => onProgress(tlcProgressToSearch(p, started)) } : {}),
  });
}
