/**
 * `tlaw ci [manifest]`: the CI gate. Checks every model that a models.json
 * lists (default specs/models.json), several at once, each in its own
 * process with a time budget, and compares each outcome with the expected
 * one. A counterexample found is saved under traces/; a saved one that the
 * spec no longer produces fails the gate with the command that regenerates
 * it. Reports: one line per model and a summary (progress on a terminal),
 * `--json`, `--junit <file>`, and under GitHub Actions `::error`
 * annotations at the violated invariant plus a Markdown job summary.
 *
 * Exit code: 0 when every model met its expectation; else the code of the
 * first failing model in manifest order: TLC's code of the unexpected
 * outcome (12 for an invariant violation, ...), or 1 when there is none (an
 * expected violation not found, a time budget spent, a stale saved trace);
 * 152 for a bad command line or manifest.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ExitCode, formatDiagnostic } from '../errors.js';
import { type CheckJob, readManifest } from './check-jobs.js';
import { checkInChild, runPool } from './ci-child.js';
import { formatAnnotations, formatJobSummary } from './ci-github.js';
import { formatJunit } from './ci-junit.js';
import { failurePlace } from './ci-location.js';
import { formatOutcomeLine, GATE_FAILURE, gateExitCode, judge, type ModelOutcome } from './ci-outcome.js';
import { parseShard, type Shard, shardOf } from './ci-shard.js';
import { displayPath, saveCounterexample, staleCounterexample } from './ci-traces.js';
import { type CommandIO, processIO } from './io.js';

export interface CiOptions {
  engine?: 'embedded' | 'tlc';
  tlcJar?: string;
  lib?: string[];
  /** Models checked at once. */
  jobs?: number;
  /** Time budget per model, in seconds. */
  timeout?: number;
  shard?: string;
  junit?: string;
  json?: boolean;
  benchmarks?: boolean;
  /** Folder of saved counterexamples. */
  traces?: string;
  /** false with --no-save-traces. */
  saveTraces?: boolean;
}

export interface CiIO extends CommandIO {
  /** Whether stderr is a terminal (enables the progress line). */
  stderrIsTTY?: boolean;
  /** Environment read for GITHUB_ACTIONS and GITHUB_STEP_SUMMARY. */
  env?: Record<string, string | undefined>;
}

export const DEFAULT_MANIFEST = 'specs/models.json';
/** Default time budget of one model, in seconds. */
export const DEFAULT_TIMEOUT = 900;

const ciIO: CiIO = {
  ...processIO,
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
  env: process.env,
};

function positiveInt(name: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer.`);
    return n;
  };
}

export function registerCiCommand(program: Command): void {
  program
    .command('ci')
    .description('CI gate: check every model of a models.json and fail unless each has its expected outcome')
    .argument('[manifest]', 'a models.json, or a folder holding one', DEFAULT_MANIFEST)
    .addOption(
      new Option('--engine <engine>', 'checker to run').choices(['embedded', 'tlc']).default('embedded'),
    )
    .option('--tlc-jar <jar>', 'tla2tools.jar for --engine tlc')
    .option('--lib <dir...>', 'extra folders to search for modules')
    .option('--jobs <n>', 'models checked at once (default: the number of cores)', positiveInt('--jobs'))
    .option(
      '--timeout <seconds>',
      `time budget of each model (default ${DEFAULT_TIMEOUT})`,
      positiveInt('--timeout'),
    )
    .option('--shard <i/n>', 'check only the i-th of n shares of the models (round-robin)')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--json', 'print the results as one JSON object on the last line of stdout')
    .option('--benchmarks', 'also check the models marked as benchmarks')
    .option('--traces <dir>', 'folder of saved counterexamples', 'traces')
    .option('--no-save-traces', 'do not save new counterexamples')
    .addHelpText(
      'after',
      '\nExit code: 0 when every model had its expected outcome; else that of the first failing model\n' +
        "(TLC's code of its outcome, e.g. 12 for an invariant violation, or 1); 152 for bad input.\n" +
        'Under GITHUB_ACTIONS=true, failures are also printed as ::error annotations and a summary\n' +
        'is appended to $GITHUB_STEP_SUMMARY.',
    )
    .action(async (manifest: string, options: CiOptions) => {
      process.exitCode = await runCi(manifest, options);
    });
}

/** The models.json file that `path` names (itself, or the one in the folder). */
function manifestFile(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, 'models.json') : path;
}

function usage(message: string, options: CiOptions, io: CiIO): number {
  if (options.json)
    io.stdout(`${JSON.stringify({ ok: false, exitCode: ExitCode.usageError, error: message })}\n`);
  else io.stderr(`tlaw ci: ${message}\n`);
  return ExitCode.usageError;
}

/** Runs the gate; returns the process exit code. */
export async function runCi(manifestPath: string, options: CiOptions, io: CiIO = ciIO): Promise<number> {
  const file = manifestFile(manifestPath || DEFAULT_MANIFEST);
  if (!existsSync(file)) return usage(`Cannot read ${file}: file not found.`, options, io);
  if (options.tlcJar !== undefined && options.engine !== 'tlc') {
    return usage('--tlc-jar applies to --engine tlc.', options, io);
  }
  let shard: Shard | undefined;
  if (options.shard !== undefined) {
    const parsed = parseShard(options.shard);
    if (typeof parsed === 'string') return usage(parsed, options, io);
    shard = parsed;
  }
  const read = readManifest(file, dirname(file));
  if (!read.value) return usage(read.diagnostics.map(formatDiagnostic).join('\n'), options, io);
  const listed = read.value.filter((job) => options.benchmarks || !job.benchmark);
  const jobs = shardOf(listed, shard);

  const outcomes = await checkAll(jobs, options, io);
  const exitCode = gateExitCode(outcomes);
  report(file, outcomes, { shard, exitCode }, options, io);
  return exitCode;
}

/** Checks the jobs, `--jobs` at a time, and judges each. */
async function checkAll(jobs: readonly CheckJob[], options: CiOptions, io: CiIO): Promise<ModelOutcome[]> {
  const engine = options.engine ?? 'embedded';
  const budgetMs = (options.timeout ?? DEFAULT_TIMEOUT) * 1000;
  const lib = options.lib ?? [];
  const tracesDir = options.traces ?? 'traces';
  const scratch = mkdtempSync(join(tmpdir(), 'tlaw-ci-'));
  const progress = progressReporter(jobs.length, io.stderrIsTTY === true && !options.json, io);
  try {
    return await runPool(jobs, options.jobs ?? availableParallelism(), async (job, k) => {
      if (engine === 'tlc' && job.simulate) {
        const reason = 'checked by simulation, which only the embedded engine runs';
        const skipped: ModelOutcome = {
          job,
          status: 'skip',
          reason,
          result: null,
          durationMs: 0,
          exitCode: 0,
        };
        if (!options.json) io.stdout(`${formatOutcomeLine(skipped)}\n`);
        return skipped;
      }
      progress.started(job.name);
      const traceFile = join(scratch, `${k}.itf.json`);
      const run = await checkInChild(job, {
        engine,
        ...(options.tlcJar ? { tlcJar: options.tlcJar } : {}),
        lib,
        budgetMs,
        traceFile,
      });
      const outcome = judge(job, run, budgetMs);
      if (options.saveTraces !== false) {
        const saved = saveCounterexample(job, run, tracesDir);
        if (saved) outcome.savedTrace = saved;
      }
      if (outcome.status === 'pass') {
        const stale = staleCounterexample(job, tracesDir, lib);
        if (stale) {
          Object.assign(outcome, {
            status: 'fail',
            staleTrace: stale,
            exitCode: GATE_FAILURE,
            reason: `the saved counterexample ${displayPath(stale.file)} no longer follows the spec: ${stale.why}`,
            location: { file: stale.file, line: 1, col: 1 },
          });
        }
      }
      if (outcome.status === 'fail' && !outcome.location) outcome.location = failurePlace(outcome, lib);
      progress.finished(job.name);
      if (!options.json) io.stdout(`${formatOutcomeLine(outcome)}\n`);
      progress.redraw();
      return outcome;
    });
  } finally {
    progress.done();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The progress line on a terminal: models done of all, and those running. */
function progressReporter(total: number, enabled: boolean, io: CiIO) {
  const running = new Set<string>();
  let done = 0;
  let shown = false;
  const draw = (): void => {
    if (!enabled) return;
    const names = [...running].join(', ');
    io.stderr(`\r\x1b[K[${done}/${total}] checking ${names}`);
    shown = true;
  };
  const clear = (): void => {
    if (shown) io.stderr('\r\x1b[K');
    shown = false;
  };
  return {
    started(name: string) {
      running.add(name);
      draw();
    },
    finished(name: string) {
      running.delete(name);
      done++;
      clear();
    },
    /** Shows the line again after a model's result was printed, while others still run. */
    redraw() {
      if (running.size > 0) draw();
    },
    done: clear,
  };
}

/** Prints the summary (or JSON), writes JUnit, and under GitHub Actions the annotations and job summary. */
function report(
  file: string,
  outcomes: readonly ModelOutcome[],
  run: { shard: Shard | undefined; exitCode: number },
  options: CiOptions,
  io: CiIO,
): void {
  const env = io.env ?? {};
  const suite =
    displayPath(resolve(file)) + (run.shard ? ` (shard ${run.shard.index}/${run.shard.count})` : '');
  if (options.junit) {
    mkdirSync(dirname(resolve(options.junit)), { recursive: true });
    writeFileSync(options.junit, formatJunit(suite, outcomes));
  }
  if (env.GITHUB_ACTIONS === 'true') {
    for (const line of formatAnnotations(outcomes)) io.stdout(`${line}\n`);
    if (env.GITHUB_STEP_SUMMARY)
      appendFileSync(env.GITHUB_STEP_SUMMARY, formatJobSummary(outcomes, `tlaw ci ${suite}`));
  }
  const count = (s: ModelOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  if (options.json) {
    io.stdout(`${JSON.stringify(jsonReport(suite, outcomes, run))}\n`);
    return;
  }
  for (const o of outcomes.filter((x) => x.status !== 'skip')) {
    if (o.savedTrace)
      io.stdout(`Saved the counterexample of ${o.job.name} to ${displayPath(o.savedTrace)}\n`);
    if (o.staleTrace)
      io.stdout(`Regenerate ${displayPath(o.staleTrace.file)} with: ${o.staleTrace.regenerate}\n`);
  }
  const skipped = count('skip') > 0 ? `, ${count('skip')} skipped` : '';
  const ran = outcomes.length - count('skip');
  io.stdout(`${count('pass')} of ${ran} models as expected${skipped} (${suite}).\n`);
  if (options.junit) io.stdout(`JUnit report: ${options.junit}\n`);
}

function jsonReport(
  suite: string,
  outcomes: readonly ModelOutcome[],
  run: { shard: Shard | undefined; exitCode: number },
) {
  const count = (s: ModelOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    ok: run.exitCode === 0,
    exitCode: run.exitCode,
    manifest: suite,
    ...(run.shard ? { shard: run.shard } : {}),
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    models: outcomes.map((o) => ({
      name: o.job.name,
      spec: displayPath(o.job.spec),
      config: displayPath(o.job.config),
      expect: o.job.expect ?? { result: 'ok' },
      ...(o.job.simulate ? { simulate: o.job.simulate } : {}),
      status: o.status,
      ...(o.reason ? { reason: o.reason } : {}),
      result: o.result?.result ?? null,
      violated: o.result?.violated ?? null,
      distinctStates: o.result?.distinctStates ?? null,
      durationMs: o.durationMs,
      exitCode: o.exitCode,
      ...(o.location ? { location: { ...o.location, file: displayPath(o.location.file) } } : {}),
      ...(o.savedTrace ? { savedTrace: displayPath(o.savedTrace) } : {}),
      ...(o.staleTrace ? { staleTrace: { ...o.staleTrace, file: displayPath(o.staleTrace.file) } } : {}),
    })),
  };
}
