/**
 * What `tlaw check` was asked to check: each path is a .tla file (with its
 * .cfg), or a folder. A folder with a `models.json` lists models with the
 * outcome each must have:
 *
 *   { "models": [ { "name": "...", "spec": "A.tla", "config": "A.cfg",
 *                   "expect": { "result": "invariant-violation", "violated": "Inv" },
 *                   "description": "...", "traces": "group", "benchmark": false } ] }
 *
 * Models marked `"benchmark": true` are large: a folder check skips them
 * unless `--benchmarks` is given. A model with
 * `"simulate": { "runs": 1000, "depth": 50, "seed": 7 }` is checked by random
 * simulation (that many behaviours of at most `depth` states, default 100,
 * from `seed`, default 0, so that a CI run is reproducible) instead of the
 * full search.
 *
 * (paths relative to the folder). A folder without one stands for every .tla
 * in it that has a .cfg of the same base name. A single .tla without a .cfg
 * may carry its configuration itself (see configFor).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CheckOutcome, CheckResult } from '../check/result.js';
import { type Diagnostic, ioDiagnostic as problem, type Result } from '../errors.js';
import { hasEmbeddedConfig } from '../tla/cfg/index.js';

export interface Expectation {
  result: CheckOutcome;
  violated?: string | null;
}

export interface CheckJob {
  name: string;
  spec: string;
  config: string;
  expect?: Expectation;
  description?: string;
  /** A large model kept for benchmarks: skipped by folder checks unless asked for. */
  benchmark?: boolean;
  /** Folder under traces/ for this model's saved traces (models.json `traces`; default: the spec's name). */
  traceGroup?: string;
  /** Check by random simulation with these settings instead of the full search (models.json `simulate`). */
  simulate?: SimulationSettings;
}

/** models.json `simulate`: how many behaviours, how long each may be, and the seed. */
export interface SimulationSettings {
  runs: number;
  depth: number;
  seed: number;
}

/** Defaults of `simulate.depth` (as `--depth`) and `simulate.seed` (fixed, so that runs repeat). */
export const SIMULATION_DEFAULTS = { depth: 100, seed: 0 } as const;

const OUTCOMES: readonly CheckOutcome[] = [
  'ok',
  'invariant-violation',
  'deadlock',
  'liveness-violation',
  'property-violation',
  'assertion-failure',
  'error',
];

/** Default .cfg of a spec: same folder, same base name. */
export function defaultConfigFor(spec: string): string {
  return spec.replace(/\.tla$/, '') + '.cfg';
}

/**
 * The configuration of a spec checked without `--config`: its default .cfg;
 * when there is none but the .tla holds its own `---- CONFIG <name> ----`
 * section (TLC's generated trace specs do), the .tla itself, as TLC does.
 */
export function configFor(spec: string): string {
  const cfg = defaultConfigFor(spec);
  return !existsSync(cfg) && hasEmbeddedConfig(spec) ? spec : cfg;
}

/** The jobs for the command-line paths; `config` overrides the .cfg of a single .tla path. */
export function collectJobs(
  paths: readonly string[],
  config?: string,
  options: { benchmarks?: boolean } = {},
): Result<CheckJob[]> {
  const jobs: CheckJob[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      diagnostics.push(problem(`Cannot read ${path}: file not found.`));
      continue;
    }
    if (statSync(path).isDirectory()) {
      const found = folderJobs(path);
      jobs.push(...(found.value ?? []).filter((job) => options.benchmarks || !job.benchmark));
      diagnostics.push(...found.diagnostics);
    } else if (path.endsWith('.tla')) {
      jobs.push({ name: basename(path, '.tla'), spec: path, config: config ?? configFor(path) });
    } else {
      diagnostics.push(problem(`${path} is neither a .tla file nor a folder.`));
    }
  }
  if (config !== undefined && jobs.length > 1) {
    diagnostics.push(problem('--config applies to a single .tla file; several models were given.'));
  }
  return diagnostics.length > 0 ? { diagnostics } : { value: jobs, diagnostics };
}

function folderJobs(dir: string): Result<CheckJob[]> {
  const manifest = join(dir, 'models.json');
  if (existsSync(manifest)) return readManifest(manifest, dir);
  const jobs = readdirSync(dir)
    .filter((f) => f.endsWith('.tla') && existsSync(join(dir, defaultConfigFor(f))))
    .sort()
    .map((f) => ({ name: basename(f, '.tla'), spec: join(dir, f), config: join(dir, defaultConfigFor(f)) }));
  if (jobs.length === 0)
    return { diagnostics: [problem(`${dir} holds no models.json and no .tla file with a .cfg.`)] };
  return { value: jobs, diagnostics: [] };
}

/** Reads a models.json; every malformed entry is reported with the file's name. */
export function readManifest(file: string, dir: string): Result<CheckJob[]> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { diagnostics: [problem(`${file} is not valid JSON: ${(err as Error).message}`, file)] };
  }
  const models = (data as { models?: unknown })?.models;
  if (!Array.isArray(models)) return { diagnostics: [problem(`${file} has no "models" array.`, file)] };
  const jobs: CheckJob[] = [];
  const diagnostics: Diagnostic[] = [];
  models.forEach((m: Record<string, unknown>, i) => {
    const where = `${file}: models[${i}]`;
    if (typeof m?.spec !== 'string' || typeof m.name !== 'string') {
      diagnostics.push(problem(`${where} needs a "name" and a "spec".`, file));
      return;
    }
    const spec = resolve(dir, m.spec);
    const config = typeof m.config === 'string' ? resolve(dir, m.config) : configFor(spec);
    const job: CheckJob = { name: m.name, spec, config };
    if (typeof m.description === 'string') job.description = m.description;
    if (typeof m.traces === 'string') job.traceGroup = m.traces;
    if (m.benchmark === true) job.benchmark = true;
    if (m.simulate !== undefined) {
      const sim = simulationSettings(m.simulate);
      if (typeof sim === 'string') {
        diagnostics.push(problem(`${where}: ${sim}`, file));
        return;
      }
      job.simulate = sim;
    }
    if (m.expect !== undefined) {
      const e = m.expect as { result?: unknown; violated?: unknown };
      if (typeof e?.result !== 'string' || !OUTCOMES.includes(e.result as CheckOutcome)) {
        diagnostics.push(problem(`${where}: "expect.result" must be one of ${OUTCOMES.join(', ')}.`, file));
        return;
      }
      job.expect = { result: e.result as CheckOutcome };
      if (typeof e.violated === 'string') job.expect.violated = e.violated;
    }
    jobs.push(job);
  });
  return diagnostics.length > 0 ? { diagnostics } : { value: jobs, diagnostics };
}

/** models.json `simulate`, or what is wrong with it. */
function simulationSettings(raw: unknown): SimulationSettings | string {
  const form =
    '"simulate" must be { "runs": <positive integer>, "depth": <positive integer>, "seed": <integer> }';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return form;
  const {
    runs,
    depth = SIMULATION_DEFAULTS.depth,
    seed = SIMULATION_DEFAULTS.seed,
  } = raw as Record<string, unknown>;
  const positive = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;
  if (!positive(runs) || !positive(depth) || !Number.isSafeInteger(seed)) return form;
  return { runs: runs as number, depth: depth as number, seed: seed as number };
}

/** Whether a result meets an expectation (a `violated` name, when given, must match too). */
export function meetsExpectation(
  result: Pick<CheckResult, 'result' | 'violated'>,
  expect: Expectation,
): boolean {
  if (result.result !== expect.result) return false;
  return expect.violated == null || result.violated === expect.violated;
}
