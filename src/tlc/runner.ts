/**
 * Runs real TLC on a spec and reports in the result type every engine returns.
 *
 * `java [-DTLA-Library=…] -cp <jar> tlc2.TLC -tool -workers N … -config <cfg> <spec>`
 * runs in the spec's folder (see command-line.ts); stdout goes through the
 * `-tool` splitter as it arrives, so progress can be shown while TLC works.
 * TLC's exit code is passed through as TLC returned it.
 *
 * TLC is started as the leader of its own process group: on timeout, abort,
 * SIGINT, SIGTERM or SIGHUP the whole group is stopped (SIGTERM, then SIGKILL
 * after a grace period), and the result says what was explored until then,
 * from TLC's last progress report. A watcher (orphan-guard.ts) stops the
 * group if tlaw itself ends without cleaning up, so no JVM is left behind.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { execa } from 'execa';
import type { CheckResult } from '../check/result.js';
import { diagnosticsResult } from '../check/result.js';
import { type Diagnostic, ExitCode, ioDiagnostic } from '../errors.js';
import { embeddedConfigName, extractEmbeddedConfig } from '../tla/cfg/index.js';
import { cfgPropertyNames } from './cfg-properties.js';
import { summaryToCheckResult, type TraceRecovery, toExitCode } from './check-result.js';
import { type TlcSimulation, tlcCommandLine } from './command-line.js';
import { type LocateOptions, locateTlc } from './locate.js';
import { TlcCode } from './message-codes.js';
import { guardProcessGroup } from './orphan-guard.js';
import { summarizeTlcItems } from './summarize.js';
import { type ToolItem, type ToolMessage, ToolMessageSplitter } from './tool-messages.js';

export interface TlcProgress {
  /** 'initial' once the initial states are computed, then 'progress' for each progress report. */
  phase: 'initial' | 'progress';
  /** BFS level reached (progress reports only). */
  depth?: number;
  generated?: number;
  distinct: number;
  leftOnQueue?: number;
}

/** Signals that stop TLC (and end tlaw's wait) while it runs. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface RunTlcOptions extends LocateOptions {
  /** Path to the .tla file. */
  spec: string;
  /**
   * Path to the .cfg file (default: the spec's path with .cfg). A .tla file
   * means its embedded `---- CONFIG <name> ----` section.
   */
  config?: string;
  /** TLC's `-workers` (default 1, which makes counts reproducible). */
  workers?: number | 'auto';
  /** Folders SANY searches for modules (`-DTLA-Library`). */
  libraryPaths?: readonly string[];
  /** Random simulation instead of the full search (TLC's `-simulate`). */
  simulate?: TlcSimulation;
  /** Stop TLC after this many milliseconds. */
  timeoutMs?: number;
  /** Aborting stops TLC; a string reason (e.g. `SIGINT`) is named in the result. */
  signal?: AbortSignal;
  /** Stop TLC on SIGINT, SIGTERM and SIGHUP while it runs (default true). */
  handleSignals?: boolean;
  /** Milliseconds between SIGTERM and SIGKILL (default 2000). */
  killGraceMs?: number;
  /** JVM options (default `-XX:+UseParallelGC`). */
  javaOptions?: readonly string[];
  /** More TLC options, e.g. `['-deadlock']`. */
  tlcArgs?: readonly string[];
  /** Write TLC's `-dumpTrace json` file here. */
  traceJson?: string;
  /**
   * Names given as PROPERTY in the cfg (to report a violated `[]P` as a
   * property violation); read from the cfg file when not given.
   */
  properties?: readonly string[];
  /** Re-executes TLC's trace on the spec, for action parameters and typed values. */
  recoverTrace?: TraceRecovery;
  onProgress?: (progress: TlcProgress) => void;
  /** Every top-level `-tool` message or outside text, as it arrives. */
  onItem?: (item: ToolItem) => void;
}

function counted(text: string, label: RegExp): number | undefined {
  const m = new RegExp(`([\\d,]+) ${label.source}`).exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

/** Progress from a 2190 (initial states) or 2200 (progress) message. */
export function progressOf(message: ToolMessage): TlcProgress | undefined {
  if (message.code === TlcCode.initialStatesComputed) {
    const distinct = counted(message.text, /distinct states? generated/);
    return distinct === undefined ? undefined : { phase: 'initial', distinct };
  }
  if (message.code === TlcCode.progress) {
    const distinct = counted(message.text, /distinct states? found/);
    if (distinct === undefined) return undefined;
    const depth = /Progress\((\d+)\)/.exec(message.text)?.[1];
    return {
      phase: 'progress',
      distinct,
      ...(depth !== undefined ? { depth: Number(depth) } : {}),
      generated: counted(message.text, /states? generated/),
      leftOnQueue: counted(message.text, /states? left on queue/),
    };
  }
  return undefined;
}

/** Sends `signal` to the process group led by `pid` (falls back to the process alone). */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function failure(problem: string | Diagnostic[], exitCode: ExitCode, durationMs: number): CheckResult {
  const diagnostics: Diagnostic[] = typeof problem === 'string' ? [ioDiagnostic(problem)] : problem;
  return diagnosticsResult(diagnostics, exitCode, durationMs);
}

/** The cfg TLC reads: the file itself, or a .tla's CONFIG section copied into `metaDir`. */
function configFile(config: string, metaDir: string): { path?: string; text?: string; problem?: string } {
  let text: string;
  try {
    text = readFileSync(config, 'utf8');
  } catch {
    return { problem: `Cannot read ${config}.` };
  }
  if (!config.endsWith('.tla')) return { path: config, text };
  const name = embeddedConfigName(config);
  const section = extractEmbeddedConfig(text, name);
  if (!section)
    return { problem: `${config} holds no model configuration: no line "---- CONFIG ${name} ----".` };
  const path = join(metaDir, `${name}.cfg`);
  writeFileSync(path, `${section.text}\n`);
  return { path, text: section.text };
}

/** Runs TLC; bad input and missing tools come back as an 'error' result with diagnostics, never as a throw. */
export async function runTlc(options: RunTlcOptions): Promise<CheckResult> {
  const started = Date.now();
  const located = locateTlc(options);
  if (!located.value) return failure(located.diagnostics, ExitCode.usageError, 0);
  const { java, jar } = located.value;
  const spec = resolve(options.spec);
  const config = resolve(options.config ?? spec.replace(/\.tla$/, '') + '.cfg');
  const specDir = dirname(spec);
  if (!existsSync(spec)) return failure(`Cannot read ${spec}: file not found.`, ExitCode.usageError, 0);
  if (!existsSync(config)) return failure(`Cannot read ${config}: file not found.`, ExitCode.usageError, 0);

  const metaDir = mkdtempSync(join(tmpdir(), 'tlaw-tlc-'));
  try {
    const cfg = configFile(config, metaDir);
    if (!cfg.path) return failure(cfg.problem ?? `Cannot read ${config}.`, ExitCode.usageError, 0);
    const properties = options.properties ?? cfgPropertyNames(cfg.text ?? '');
    const args = tlcCommandLine({
      jar,
      ...(options.javaOptions ? { javaOptions: options.javaOptions } : {}),
      ...(options.libraryPaths ? { libraryPaths: options.libraryPaths } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.simulate ? { simulate: options.simulate } : {}),
      metaDir,
      ...(options.traceJson ? { traceJson: options.traceJson } : {}),
      ...(options.tlcArgs ? { tlcArgs: options.tlcArgs } : {}),
      config: cfg.path,
      specFile: basename(spec),
    });
    return await runJava(java, jar, args, specDir, properties, options, started);
  } finally {
    rmSync(metaDir, { recursive: true, force: true });
  }
}

type StopReason = 'timeout' | 'abort' | NodeJS.Signals;

async function runJava(
  java: string,
  jar: string,
  args: string[],
  specDir: string,
  properties: readonly string[],
  options: RunTlcOptions,
  started: number,
): Promise<CheckResult> {
  const items: ToolItem[] = [];
  let lastProgress: TlcProgress | undefined;
  const splitter = new ToolMessageSplitter((item) => {
    items.push(item);
    options.onItem?.(item);
    const p = item.kind === 'message' ? progressOf(item) : undefined;
    if (p) {
      lastProgress = p;
      options.onProgress?.(p);
    }
  });

  const child = execa(java, args, {
    cwd: specDir,
    env: options.env,
    extendEnv: options.env === undefined,
    detached: true,
    reject: false,
    stdin: 'ignore',
    encoding: 'utf8',
  });
  const guard = child.pid !== undefined ? guardProcessGroup(child.pid, options.killGraceMs) : undefined;
  let stopped: StopReason | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  const stop = (why: StopReason) => {
    if (stopped) return;
    stopped = why;
    killGroup(child.pid, 'SIGTERM');
    graceTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), options.killGraceMs ?? 2000);
  };
  const timer =
    options.timeoutMs !== undefined ? setTimeout(() => stop('timeout'), options.timeoutMs) : undefined;
  const onAbort = () => {
    const reason: unknown = options.signal?.reason;
    stop(typeof reason === 'string' && reason.startsWith('SIG') ? (reason as NodeJS.Signals) : 'abort');
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort);
  const handlers =
    (options.handleSignals ?? true) ? STOP_SIGNALS.map((s) => [s, () => stop(s)] as const) : [];
  for (const [s, h] of handlers) process.on(s, h);
  // Last resort if tlaw exits while TLC runs (process.exit from elsewhere).
  const onExit = () => killGroup(child.pid, 'SIGKILL');
  process.on('exit', onExit);
  // A decoder, so a character split between two chunks is not garbled.
  const decoder = new StringDecoder('utf8');
  child.stdout?.on('data', (chunk: Buffer | string) =>
    splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk)),
  );

  let outcome: Awaited<typeof child> | undefined;
  let spawnError: Error | undefined;
  try {
    outcome = await child;
  } catch (e) {
    spawnError = e as Error;
  } finally {
    if (timer) clearTimeout(timer);
    if (graceTimer) clearTimeout(graceTimer);
    options.signal?.removeEventListener('abort', onAbort);
    for (const [s, h] of handlers) process.off(s, h);
    process.off('exit', onExit);
    // Sweep whatever is left of the group (a JVM may outlive a wrapper script).
    if (stopped) killGroup(child.pid, 'SIGKILL');
    guard?.release();
  }
  splitter.push(decoder.end());
  splitter.end();
  const durationMs = Date.now() - started;

  if (stopped) return stoppedResult(stopped, lastProgress, options.timeoutMs, durationMs);
  if (spawnError || !outcome || (outcome.failed && outcome.exitCode === undefined)) {
    const why = spawnError?.message ?? outcome?.shortMessage ?? 'unknown reason';
    return failure(`Java could not be started (${java}): ${why}`, ExitCode.usageError, durationMs);
  }
  const exitCode = outcome.exitCode ?? ExitCode.systemError;
  if (!items.some((i) => i.kind === 'message')) {
    // Not a TLC -tool stream: the JVM or the jar failed before TLC started.
    const stderr =
      String(outcome.stderr ?? '')
        .trim()
        .split('\n')[0] ?? '';
    return failure(
      `TLC did not start (exit code ${exitCode})${stderr ? `: ${stderr}` : ''}; check that ${jar} is tla2tools.jar.`,
      // The JVM's code, not TLC's: tlaw's 1 would read as a model not meeting its expectation.
      ExitCode.systemError,
      durationMs,
    );
  }
  const summary = summarizeTlcItems(items, { properties, exitCode });
  return summaryToCheckResult(summary, durationMs, {
    specDir,
    ...(options.recoverTrace ? { recover: options.recoverTrace } : {}),
  });
}

/** Exit code of a process ended by `signal`, as a shell reports it (SIGINT: 130). */
function signalExitCode(signal: NodeJS.Signals): ExitCode {
  const numbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  return toExitCode(128 + (numbers[signal] ?? 0));
}

/** A run stopped before TLC finished: what was explored, from TLC's last progress report. */
function stoppedResult(
  why: StopReason,
  progress: TlcProgress | undefined,
  timeoutMs: number | undefined,
  durationMs: number,
): CheckResult {
  const explored = progress
    ? ` after ${progress.generated !== undefined ? `${progress.generated} states generated, ` : ''}` +
      `${progress.distinct} distinct state${progress.distinct === 1 ? '' : 's'} found` +
      `${progress.leftOnQueue !== undefined ? `, ${progress.leftOnQueue} states left on queue` : ''}` +
      `${progress.depth !== undefined ? `, depth ${progress.depth}` : ''}`
    : ' before reporting any progress';
  const [message, exitCode] =
    why === 'timeout'
      ? [`TLC did not finish within ${timeoutMs} ms and was stopped${explored}.`, ExitCode.systemError]
      : why === 'abort'
        ? [`TLC was interrupted and stopped${explored}.`, ExitCode.systemError]
        : [`TLC was stopped by ${why}${explored}.`, signalExitCode(why)];
  const result = failure(message, exitCode, durationMs);
  if (progress) {
    result.distinctStates = progress.distinct;
    result.totalStates = progress.generated ?? null;
    result.statesLeftOnQueue = progress.leftOnQueue ?? null;
    result.depth = progress.depth ?? null;
  }
  return result;
}
