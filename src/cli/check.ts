/**
 * `tlaw check [paths...]`: model-check specs with the embedded checker (BFS,
 * or random simulation with --simulate) or with real TLC (--engine tlc), and
 * report like TLC: its text output, or with --json one JSON object on the
 * last line of stdout (an array when several models were checked).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { declaredActions } from '../check/eval/declared-actions.js';
import { checkWithLiveness, type UncheckedProperty } from '../check/liveness/index.js';
import type { ActionLabel } from '../check/model.js';
import type { CheckResult } from '../check/result.js';
import { diagnosticsResult } from '../check/result.js';
import { SpillingStateQueue } from '../check/search/index.js';
import { WorkerStoppedError } from '../check/search/parallel/worker-pool.js';
import { resetStringOrder } from '../check/value/index.js';
import { type Diagnostic, ExitCode, formatDiagnostic, ioDiagnostic } from '../errors.js';
import type { ModelConfig } from '../tla/cfg/index.js';
import { formatItf, type Trace, traceFilePath } from '../trace/index.js';
import { checkpointOptions } from './check-checkpoint.js';
import { type CheckJob, collectJobs, type Expectation, meetsExpectation } from './check-jobs.js';
import { loadModel } from './check-load.js';
import { simulateWithWorkers } from './check-simulate.js';
import { checkWithTlc, type TlcEngineOptions, tlcOptionsProblem } from './check-tlc.js';
import { parseWorkers, planWorkers } from './check-workers.js';
import { DEFAULT_EXPLORE_DIR, writeResultPage } from './explore.js';
import { parseFpmem, storeCapacityFor } from './fpmem.js';
import { type CommandIO, processIO } from './io.js';
import {
  checkResultJsonLine,
  checkResultToJson,
  formatCheckReport,
  formatCoverage,
  formatInitialStates,
  progressLine,
  type ReportOptions,
  resultToTrace,
} from './report/index.js';
import { stopRequested } from './stop-request.js';

export interface CheckOptions extends TlcEngineOptions {
  config?: string;
  lib?: string[];
  json?: boolean;
  /** false with --no-deadlock. */
  deadlock?: boolean;
  dumpTrace?: string;
  /** Also check models.json entries marked as benchmarks. */
  benchmarks?: boolean;
  /** Root folder for saved counterexamples (`--save-traces [dir]`; true means `traces`). */
  saveTraces?: string | boolean;
  simulate?: number;
  depth?: number;
  seed?: number;
  workers?: number;
  /** Minutes between checkpoints of the search (`--checkpoint`). */
  checkpoint?: number;
  /** Where checkpoints are written (`--checkpoint-dir`). */
  checkpointDir?: string;
  /** Checkpoint folder to go on from (`--recover`). */
  recover?: string;
  /** MB of queued states kept in memory before the BFS queue spills to disk. */
  queueMemory?: number;
  engine?: 'embedded' | 'tlc';
  /** tla2tools.jar for --engine tlc (else TLA2TOOLS_JAR, then tools/tla2tools.jar). */
  tlcJar?: string;
  /** Count and report action coverage (embedded BFS). */
  coverage?: boolean;
  /** Folder for an explorer page per counterexample (`--explore [dir]`; true means tlaw-explore). */
  explore?: string | boolean;
}

/** Where the command writes; tests pass their own. */
export interface CheckIO extends CommandIO {
  /** Whether stderr is a terminal (enables the progress line). */
  stderrIsTTY?: boolean;
}

/** Exit code when every model ran but some did not have the outcome models.json expects. */
export const EXPECTATION_MISMATCH = 1;

const checkIO: CheckIO = {
  ...processIO,
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
};

function positiveInt(name: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer.`);
    return n;
  };
}

function positiveNumber(name: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number.`);
    return n;
  };
}

function integer(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('the seed must be an integer.');
  return n;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'model-check TLA+ specs (a .tla file with its .cfg, or folders of them / with a models.json)',
    )
    .argument('[paths...]', '.tla files or folders', ['.'])
    .option('--config <file>', 'model configuration (default: the spec with .cfg)')
    .option('--lib <dir...>', 'extra folders to search for modules')
    .option('--json', 'print the result as one JSON object on the last line of stdout')
    .option('--no-deadlock', 'do not report deadlocks')
    .option('--benchmarks', 'in a folder with models.json, also check the models marked as benchmarks')
    .option('--dump-trace <file>', 'write the counterexample as an ITF trace (JSON)')
    .option(
      '--save-traces [dir]',
      'save each counterexample as <dir>/<spec>/<model>-<property>.itf.json (default dir: traces)',
    )
    .option(
      '--simulate <n>',
      'walk n random behaviours instead of searching all states',
      positiveInt('--simulate'),
    )
    .option(
      '--depth <d>',
      'maximum number of states per simulated behaviour (default 100)',
      positiveInt('--depth'),
    )
    .option('--seed <s>', 'seed of the simulation', integer)
    .option(
      '--workers <n>',
      'search (or simulation) threads: a number, or auto for one per core (default 1)',
      parseWorkers,
    )
    .option(
      '--checkpoint <minutes>',
      'write a checkpoint of the search between levels, at most every so many minutes (decimals allowed)',
      positiveNumber('--checkpoint'),
    )
    .option('--checkpoint-dir <dir>', 'folder of the checkpoint (default: tlaw-checkpoints/<spec>-<cfg>)')
    .option('--recover <dir>', 'go on with the search from the checkpoint in dir')
    .option(
      '--queue-memory <MB>',
      'keep at most this many MB of queued states in memory (serialized), the rest on disk',
      positiveInt('--queue-memory'),
    )
    .option(
      '--fpmem <amount>',
      "memory for the seen-state store, set aside up front: a fraction (below 1) of the machine's memory, or MB (as TLC's -fpmem; default: grow as needed)",
      parseFpmem,
    )
    .addOption(
      new Option('--engine <engine>', 'checker to run').choices(['embedded', 'tlc']).default('embedded'),
    )
    .option(
      '--coverage',
      'report per action (and disjunct) the states it was enabled in, generated and found, and what never fired',
    )
    .option(
      '--explore [dir]',
      `write an explorer page per counterexample as <dir>/<spec>/<model>-<property>.html (default dir: ${DEFAULT_EXPLORE_DIR})`,
    )
    .option(
      '--tlc-jar <jar>',
      'tla2tools.jar for --engine tlc (default: $TLA2TOOLS_JAR, then tools/tla2tools.jar)',
    )
    .option('--tlc-args <args>', 'more TLC options for --engine tlc, e.g. "-fp 3 -coverage 1 -checkpoint 0"')
    .option('--java-opts <opts>', 'JVM options for --engine tlc, e.g. "-Xmx8g" (default -XX:+UseParallelGC)')
    .addHelpText(
      'after',
      "\nTLC's command line works too: -config F, -deadlock (no deadlock check), -workers N, -simulate [num=N],\n" +
        '-depth N, -seed N, -coverage N, and a spec named without .tla; other TLC options go to TLC (--engine tlc).',
    )
    .action(async (paths: string[], options: CheckOptions) => {
      process.exitCode = await runCheck(paths, options);
    });
}

/** Runs the command; returns the process exit code. */
export async function runCheck(
  paths: readonly string[],
  options: CheckOptions,
  io: CheckIO = checkIO,
): Promise<number> {
  const usage = usageProblem(options);
  if (usage) return reportFailure(usage, ExitCode.usageError, options, io);
  const pathList = paths.length > 0 ? paths : ['.'];
  const jobs = collectJobs(pathList, options.config, { benchmarks: options.benchmarks === true });
  if (!jobs.value) {
    const r = diagnosticsResult(jobs.diagnostics, ExitCode.usageError);
    return emitSingle(r, options, io);
  }
  // A .tla file gets TLC's full report; folders get one line per model.
  const single = jobs.value.length === 1 && !pathList.some(isFolder);
  if (single) {
    // One model in text mode: TLC's progress lines are printed as the search goes.
    const live: LiveReport = { enabled: !options.json, initialStatesPrinted: false };
    const result = await checkOne(jobs.value[0]!, options, io, live);
    return emitSingle(result, options, io, { initialStatesLine: !live.initialStatesPrinted });
  }

  const outcomes: { job: CheckJob; result: CheckResult; matched: boolean | null }[] = [];
  for (const job of jobs.value) {
    const result = await checkOne(job, options, io, { enabled: false, initialStatesPrinted: false });
    const matched = job.expect ? meetsExpectation(result, job.expect) : null;
    outcomes.push({ job, result, matched });
    if (!options.json) io.stdout(`${formatModelLine(job, result, matched)}\n`);
  }
  if (options.json) {
    const rows = outcomes.map(({ job, result, matched }) => ({
      name: job.name,
      spec: job.spec,
      config: job.config,
      ...(job.expect ? { expect: job.expect, matched } : {}),
      ...checkResultToJson(result),
    }));
    io.stdout(`${JSON.stringify(rows)}\n`);
  } else {
    const bad = outcomes.filter(
      (o) => o.matched === false || (o.matched === null && o.result.exitCode !== 0),
    );
    io.stdout(`${outcomes.length - bad.length} of ${outcomes.length} models as expected.\n`);
  }
  if (outcomes.some((o) => o.matched === false)) return EXPECTATION_MISMATCH;
  return outcomes.find((o) => o.matched === null && o.result.exitCode !== 0)?.result.exitCode ?? ExitCode.ok;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function usageProblem(options: CheckOptions): string | null {
  if (options.tlcJar !== undefined && options.engine !== 'tlc') {
    return '--tlc-jar applies to --engine tlc.';
  }
  const tlcProblem = tlcOptionsProblem(options);
  if (tlcProblem) return tlcProblem;
  if ((options.depth !== undefined || options.seed !== undefined) && options.simulate === undefined) {
    return '--depth and --seed apply to --simulate.';
  }
  return null;
}

function reportFailure(message: string, exitCode: number, options: CheckOptions, io: CheckIO): number {
  if (options.json) {
    const r = diagnosticsResult([ioDiagnostic(message)], exitCode as CheckResult['exitCode']);
    io.stdout(`${checkResultJsonLine(r)}\n`);
  } else io.stderr(`tlaw check: ${message}\n`);
  return exitCode;
}

/** Prints one model's full report (TLC text, or one JSON line). */
function emitSingle(
  result: CheckResult,
  options: CheckOptions,
  io: CheckIO,
  report: ReportOptions = {},
): number {
  if (options.json) {
    io.stdout(`${checkResultJsonLine(result)}\n`);
    return result.exitCode;
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  if (errors.length > 0 && result.totalStates === null) return result.exitCode;
  const lines = formatCheckReport({ ...result, diagnostics: [] }, report);
  if (result.coverage && options.coverage) lines.push(...formatCoverage(result.coverage));
  io.stdout(`${lines.join('\n')}\n`);
  return result.exitCode;
}

/** `PASS name: invariant-violation (Inv), 11 distinct states, 0.02s (expected ...)` */
export function formatModelLine(job: CheckJob, r: CheckResult, matched: boolean | null): string {
  const status = matched === null ? (r.exitCode === 0 ? 'OK  ' : 'FAIL') : matched ? 'PASS' : 'FAIL';
  const outcome = r.violated ? `${r.result} (${r.violated})` : r.result;
  const states = r.distinctStates !== null ? `, ${r.distinctStates} distinct states` : '';
  const time = `, ${(r.durationMs / 1000).toFixed(2)}s`;
  const expected = matched === false && job.expect ? `, expected ${describeExpectation(job.expect)}` : '';
  const why = r.result === 'error' && r.message ? `: ${r.message.split('\n')[0]}` : '';
  return `${status} ${job.name}: ${outcome}${states}${time}${expected}${why}`;
}

function describeExpectation(e: Expectation): string {
  return e.violated ? `${e.result} (${e.violated})` : e.result;
}

/** Checks one model with the chosen engine; every failure comes back as a result, never a throw. */
async function checkOne(
  job: CheckJob,
  options: CheckOptions,
  io: CheckIO,
  live: LiveReport,
): Promise<CheckResult> {
  const started = Date.now();
  const result =
    options.engine === 'tlc'
      ? await checkTlcEngine(job, withJobSimulation(job, options), io, live)
      : await checkEmbedded(job, withJobSimulation(job, options), io, live);
  if (options.dumpTrace) dumpTrace(result, job, options.dumpTrace, io);
  if (options.saveTraces && result.trace) {
    const dir = typeof options.saveTraces === 'string' ? options.saveTraces : 'traces';
    const group = job.traceGroup ?? basename(job.spec, '.tla');
    const file = traceFilePath(group, job.name, result.violated, { dir, kind: result.result });
    if (dumpTrace(result, job, file, io) && !options.json) io.stderr(`Saved the counterexample to ${file}\n`);
  }
  if (options.explore && result.trace) {
    const dir = typeof options.explore === 'string' ? options.explore : DEFAULT_EXPLORE_DIR;
    const written = writeResultPage(result, job, dir);
    if (written.problem) result.diagnostics.push(written.problem);
    else if (written.page && !options.json) io.stderr(`Wrote the explorer page ${written.page}\n`);
  }
  if (result.durationMs === 0) result.durationMs = Date.now() - started;
  return result;
}

/** A models.json model with `simulate` settings is simulated with them, unless the command line says otherwise. */
function withJobSimulation(job: CheckJob, options: CheckOptions): CheckOptions {
  if (!job.simulate || options.simulate !== undefined) return options;
  const { runs, depth, seed } = job.simulate;
  return { ...options, simulate: runs, depth, seed };
}

/** Lines of the text report printed while the search runs (so they come before and between Print output, as in TLC). */
interface LiveReport {
  enabled: boolean;
  initialStatesPrinted: boolean;
}

async function checkEmbedded(
  job: CheckJob,
  options: CheckOptions,
  io: CheckIO,
  live: LiveReport,
): Promise<CheckResult> {
  const started = Date.now();
  // Each model gets TLC's string order of its own text; no value of a previous model is compared again.
  resetStringOrder();
  const loaded = loadModel(job.spec, job.config, {
    libPaths: options.lib ?? [],
    print: (line) => io.stdout(`${line}\n`),
  });
  if (!loaded.model) return diagnosticsResult(loaded.diagnostics, loaded.exitCode, Date.now() - started);
  const deadlockOption = options.deadlock === false ? { checkDeadlock: false } : {};
  let result: CheckResult;
  // Simulation checks no temporal property: all of them stay unchecked.
  let notChecked: UncheckedProperty[] = loaded.model.temporalProperties.map((p) => ({
    name: p.name,
    reason: 'random simulation checks safety only',
  }));
  if (options.simulate !== undefined) {
    const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    if (!options.json) io.stderr(`Simulating ${options.simulate} behaviours with seed ${seed}.\n`);
    result = simulateWithWorkers(
      loaded.model,
      {
        behaviours: options.simulate,
        depth: options.depth ?? 100,
        seed,
        ...deadlockOption,
        stop: stopRequested,
      },
      {
        workers: options.workers,
        source: { spec: job.spec, config: job.config, libPaths: options.lib ?? [] },
        print: (line) => io.stdout(`${line}\n`),
      },
    );
  } else {
    const progress = progressLine(io.stderrIsTTY && !options.json ? process.stderr : nonTty);
    const checkpoints = checkpointOptions(
      { minutes: options.checkpoint, dir: options.checkpointDir, recover: options.recover },
      job.spec,
      job.config,
      (line) => {
        if (!options.json) io.stderr(`${line}\n`);
      },
    );
    if (checkpoints.problem) {
      return diagnosticsResult(
        [ioDiagnostic(checkpoints.problem)],
        ExitCode.usageError,
        Date.now() - started,
      );
    }
    const storeCapacity = options.fpmem !== undefined ? storeCapacityFor(options.fpmem) : undefined;
    const parallel = planWorkers(
      options.workers,
      loaded.model,
      { spec: job.spec, config: job.config, libPaths: options.lib ?? [] },
      {
        coverage: !!(options.coverage || options.explore),
        simulate: false,
        print: (line) => io.stdout(`${line}\n`),
        checkpoints: checkpoints.options,
        ...(storeCapacity !== undefined ? { storeCapacity } : {}),
      },
    );
    if (parallel.note) loaded.diagnostics.push(parallel.note);
    if (parallel.levels && options.queueMemory !== undefined && (options.workers ?? 1) > 1) {
      // The workers read a level where it lies in shared memory: only the one-thread search spills.
      loaded.diagnostics.push({
        code: 'unsupported',
        severity: 'warning',
        message: `--queue-memory ${options.queueMemory}: with --workers ${options.workers} the level being explored and the next are held in memory (serialized); only the one-thread search keeps its queue within the budget and writes the rest to disk.`,
      });
    }
    const queue =
      options.queueMemory !== undefined
        ? new SpillingStateQueue({
            memoryBytes: options.queueMemory * 2 ** 20,
            variables: loaded.model.variables.length,
          })
        : undefined;
    try {
      // Temporal properties are checked on the graph the search records (src/check/liveness).
      const checked = checkWithLiveness(loaded.model, loaded.config, {
        ...deadlockOption,
        stop: stopRequested,
        ...(parallel.levels ? { levels: parallel.levels } : {}),
        ...(storeCapacity !== undefined ? { storeCapacity } : {}),
        ...(queue ? { queue } : {}),
        ...((options.coverage || options.explore) && loaded.config
          ? { coverage: { declared: declaredActions(loaded.model.rootScope, loaded.config) } }
          : {}),
        ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        ...(live.enabled
          ? {
              onInitialStates: (n: number) => {
                progress.done();
                io.stdout(`${formatInitialStates(n)}\n`);
                live.initialStatesPrinted = true;
              },
            }
          : {}),
      });
      result = checked.result;
      notChecked = checked.unchecked;
    } catch (err) {
      if (!(err instanceof WorkerStoppedError)) throw err;
      const stopped = { code: 'worker-stopped', severity: 'error', message: err.message } as const;
      result = diagnosticsResult([stopped], ExitCode.systemError, Date.now() - started);
    } finally {
      progress.done();
      queue?.dispose();
    }
  }
  result.diagnostics = [
    ...loaded.diagnostics,
    ...unchecked(notChecked, loaded.config, job),
    ...result.diagnostics,
  ];
  return result;
}

/** Temporal PROPERTYs the embedded checker could not check: said plainly rather than passed over. */
function unchecked(
  properties: readonly UncheckedProperty[],
  config: ModelConfig | undefined,
  job: CheckJob,
): Diagnostic[] {
  return properties.map((p) => {
    const ref = config?.properties.find((r) => r.name === p.name);
    return {
      code: 'unsupported',
      severity: 'warning',
      message: `PROPERTY ${p.name} is not checked by the embedded checker (${p.reason}); use --engine tlc.`,
      loc: p.loc
        ? { file: p.loc.file, line: p.loc.line, col: p.loc.col }
        : ref
          ? { file: ref.loc.file, line: ref.loc.line, col: ref.loc.col }
          : { file: job.config, line: 1, col: 1 },
    };
  });
}

const nonTty = { isTTY: false } as NodeJS.WriteStream;

/** Real TLC, with the same progress line on a terminal as the embedded engine. */
async function checkTlcEngine(
  job: CheckJob,
  options: CheckOptions,
  io: CheckIO,
  live: LiveReport,
): Promise<CheckResult> {
  const progress = progressLine(io.stderrIsTTY && !options.json && live.enabled ? process.stderr : nonTty);
  try {
    return await checkWithTlc(job, options, progress.onProgress);
  } finally {
    progress.done();
  }
}

/**
 * Trace files are committed and shared: a spec path under the working folder
 * is written relative to it, any other as its base name, so the same trace is
 * the same file on every machine.
 */
function withPortablePaths(trace: Trace): Trace {
  const portable = (file: string): string => {
    if (!isAbsolute(file)) return file;
    const rel = relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : basename(file);
  };
  const relabel = (a: ActionLabel | undefined): ActionLabel | undefined =>
    a?.loc ? { ...a, loc: { ...a.loc, file: portable(a.loc.file) } } : a;
  return {
    ...trace,
    states: trace.states.map((s) => {
      const action = relabel(s.action);
      return action ? { ...s, action } : s;
    }),
    ...(trace.loopAction ? { loopAction: relabel(trace.loopAction)! } : {}),
  };
}

/** Writes the result's trace as ITF; true when written. */
function dumpTrace(result: CheckResult, job: CheckJob, file: string, io: CheckIO): boolean {
  const trace = resultToTrace(result, job.spec, job.config);
  if (!trace) {
    io.stderr(`tlaw check: no trace to write to ${file} (${result.result}).\n`);
    return false;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatItf(withPortablePaths(trace)));
    return true;
  } catch (err) {
    result.diagnostics.push({
      code: 'io',
      severity: 'error',
      message: `Cannot write the trace to ${file} (in ${dirname(file)}): ${(err as Error).message}`,
    });
    return false;
  }
}
