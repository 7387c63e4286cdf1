/**
 * Runs real TLC on a spec and reports in the embedded checker's result shape.
 *
 * `java -XX:+UseParallelGC -cp <jar> tlc2.TLC -tool -workers N -config <cfg> <spec>`
 * runs in the spec's folder; stdout goes through the `-tool` splitter as it
 * arrives, so progress can be shown while TLC works. TLC is started as the
 * leader of its own process group: on timeout, abort or Ctrl-C the whole
 * group is stopped (SIGTERM, then SIGKILL after a grace period), so no JVM is
 * left behind.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { execa } from 'execa';
import { diagnosticsResult } from '../check/result.js';
import { type Diagnostic, ExitCode, ioDiagnostic } from '../errors.js';
import { cfgPropertyNames } from './cfg-properties.js';
import { summaryToCheckResult, type TlcCheckResult } from './check-result.js';
import { type LocateOptions, locateTlc } from './locate.js';
import { TlcCode } from './message-codes.js';
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

export interface RunTlcOptions extends LocateOptions {
  /** Path to the .tla file. */
  spec: string;
  /** Path to the .cfg file (default: the spec's path with .cfg). */
  config?: string;
  /** TLC's `-workers` (default 1, which makes counts reproducible). */
  workers?: number | 'auto';
  /** Stop TLC after this many milliseconds. */
  timeoutMs?: number;
  /** Aborting stops TLC. */
  signal?: AbortSignal;
  /** Stop TLC on Ctrl-C while it runs (default true). */
  handleSigint?: boolean;
  /** Milliseconds between SIGTERM and SIGKILL (default 2000). */
  killGraceMs?: number;
  /** JVM options (default `-XX:+UseParallelGC`). */
  javaOptions?: string[];
  /** More TLC options, e.g. `['-deadlock']`. */
  tlcArgs?: string[];
  /** Write TLC's `-dumpTrace json` file here. */
  traceJson?: string;
  /**
   * Names given as PROPERTY in the cfg (to report a violated `[]P` as a
   * property violation); read from the cfg file when not given.
   */
  properties?: readonly string[];
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

function failure(problem: string | Diagnostic[], exitCode: ExitCode, durationMs: number): TlcCheckResult {
  const diagnostics: Diagnostic[] = typeof problem === 'string' ? [ioDiagnostic(problem)] : problem;
  const message = diagnostics.map((d) => d.message).join('\n');
  return {
    ...diagnosticsResult(diagnostics, exitCode, durationMs),
    summary: {
      result: 'error',
      violated: null,
      distinctStates: null,
      totalStates: null,
      statesLeftOnQueue: null,
      initialStates: null,
      depth: null,
      exitCode,
      errorMessage: diagnostics[0]?.message ?? null,
      errorText: message,
    },
  };
}

/** Runs TLC; bad input and missing tools come back as an 'error' result with diagnostics, never as a throw. */
export async function runTlc(options: RunTlcOptions): Promise<TlcCheckResult> {
  const started = Date.now();
  const located = locateTlc(options);
  if (!located.value) {
    return failure(located.diagnostics, ExitCode.usageError, 0);
  }
  const { java, jar } = located.value;
  const spec = resolve(options.spec);
  const config = resolve(options.config ?? spec.replace(/\.tla$/, '') + '.cfg');
  const specDir = dirname(spec);
  if (!existsSync(spec)) return failure(`Cannot read ${spec}: file not found.`, ExitCode.usageError, 0);
  if (!existsSync(config)) return failure(`Cannot read ${config}: file not found.`, ExitCode.usageError, 0);
  let properties = options.properties;
  if (!properties) {
    try {
      properties = cfgPropertyNames(readFileSync(config, 'utf8'));
    } catch {
      return failure(`Cannot read ${config}.`, ExitCode.usageError, Date.now() - started);
    }
  }

  const metaDir = mkdtempSync(join(tmpdir(), 'tlaw-tlc-'));
  const args = [
    ...(options.javaOptions ?? ['-XX:+UseParallelGC']),
    '-cp',
    jar,
    'tlc2.TLC',
    '-tool',
    '-workers',
    String(options.workers ?? 1),
    '-metadir',
    metaDir,
    ...(options.traceJson ? ['-dumpTrace', 'json', resolve(options.traceJson)] : []),
    ...(options.tlcArgs ?? []),
    '-config',
    config,
    basename(spec),
  ];

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
  let stopped: 'timeout' | 'abort' | 'interrupt' | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  const stop = (why: 'timeout' | 'abort' | 'interrupt') => {
    if (stopped) return;
    stopped = why;
    killGroup(child.pid, 'SIGTERM');
    graceTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), options.killGraceMs ?? 2000);
  };
  const timer =
    options.timeoutMs !== undefined ? setTimeout(() => stop('timeout'), options.timeoutMs) : undefined;
  const onAbort = () => stop('abort');
  if (options.signal?.aborted) stop('abort');
  options.signal?.addEventListener('abort', onAbort);
  const onSigint = () => stop('interrupt');
  if (options.handleSigint ?? true) process.on('SIGINT', onSigint);
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
    process.off('SIGINT', onSigint);
    // Sweep whatever is left of the group (a JVM may outlive a wrapper script).
    if (stopped) killGroup(child.pid, 'SIGKILL');
    rmSync(metaDir, { recursive: true, force: true });
  }
  splitter.push(decoder.end());
  splitter.end();
  const durationMs = Date.now() - started;

  const sofar = lastProgress
    ? ` (${lastProgress.distinct} distinct state${lastProgress.distinct === 1 ? '' : 's'} found${lastProgress.depth !== undefined ? `, depth ${lastProgress.depth}` : ''})`
    : '';
  if (stopped === 'timeout') {
    return failure(
      `TLC did not finish within ${options.timeoutMs} ms and was stopped${sofar}.`,
      ExitCode.systemError,
      durationMs,
    );
  }
  if (stopped) return failure(`TLC was interrupted and stopped${sofar}.`, ExitCode.systemError, durationMs);
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
      ExitCode.systemError,
      durationMs,
    );
  }
  const summary = summarizeTlcItems(items, { properties, exitCode });
  return summaryToCheckResult(summary, durationMs, specDir);
}
