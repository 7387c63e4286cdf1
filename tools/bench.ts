/**
 * `npm run bench`: runs the breadth-first search on named models and prints
 * distinct states/s, states generated/s, memory per distinct state (heap
 * growth over the run, and the seen-state store's own bytes), and the
 * process's peak resident size.
 *
 * Models: a TypeScript model that needs no TLA+ front end (a grid of
 * counters), the TLA+ models in tools/bench/ (Lamport's bakery), the
 * idempotency benchmark model of specs/, and the cases of
 * ../shared/conformance when that folder exists. Heavy cases (the bakery
 * sized like TLC's reference run) run only when named with --only or with
 * --all. Run with `node --expose-gc` (through tsx) for steadier heap figures.
 *
 * The checker runs from the compiled dist/ (what `tlaw` runs) when dist/ is
 * newer than every file of src/; else, or with --source, from src/ through
 * tsx (the header line says which).
 *
 * Then the parallel search: the bakery sized like TLC's reference run
 * (500,906 states) with 1 and 2 worker threads (`check --workers`), the
 * speedup, whether both runs agree on every count, and the seen-state
 * store's bytes per distinct state; `--only parallel-24m` does the same on
 * the 24.3-million-state counters model (minutes).
 *
 *   tsx tools/bench.ts [--only NAME] [--all] [--no-conformance] [--no-parallel] [--source]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Model, State, Transition } from '../src/check/model.js';
import type * as SearchModule from '../src/check/search/index.js';
import type * as ParallelModule from '../src/check/search/parallel/worker-level-search.js';
import type * as ValueModule from '../src/check/value/index.js';
import type { Value } from '../src/check/value/index.js';
import type * as LoadModule from '../src/cli/check-load.js';
import type * as WorkerEntryModule from '../src/cli/check-worker.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** Newest modification time of the .ts files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ holds a build of the current sources. */
function distIsCurrent(): boolean {
  const marker = join(root, 'dist/check/search/index.js');
  return existsSync(marker) && statSync(marker).mtimeMs >= newestSource(join(root, 'src'));
}

const useDist = !process.argv.includes('--source') && distIsCurrent();
/** Imports a module of the checker from dist/ or src/ (`rel` relative to either, ending in .js). */
async function checker<T>(rel: string): Promise<T> {
  return (await import(pathToFileURL(join(root, useDist ? 'dist' : 'src', rel)).href)) as T;
}
const { bfs, MemoryStateStore } = await checker<typeof SearchModule>('check/search/index.js');
const { fingerprintValues } = await checker<typeof ValueModule>('check/value/index.js');
const { loadModel } = await checker<typeof LoadModule>('cli/check-load.js');
const { WorkerLevelSearch } = await checker<typeof ParallelModule>(
  'check/search/parallel/worker-level-search.js',
);
const { checkWorkerEntry } = await checker<typeof WorkerEntryModule>('cli/check-worker.js');
const { resetStringOrder } = await checker<typeof ValueModule>('check/value/index.js');

interface BenchCase {
  name: string;
  /** Runs only when named with --only, or with --all. */
  heavy?: boolean;
  /** The model, or why it cannot run here. */
  load(): Promise<Model | string>;
}

/** k counters, each 0..max; every step increments or resets one counter: (max + 1)^k states. */
function counterGrid(k: number, max: number): Model {
  const init: State = new Array<Value>(k).fill(0);
  const inc = { name: 'Inc', params: [] };
  const reset = { name: 'Reset', params: [] };
  return {
    moduleName: 'CounterGrid',
    variables: Array.from({ length: k }, (_, i) => `c${i}`),
    *initialStates(): Iterable<Transition> {
      yield { state: init, action: { name: 'Initial predicate', params: [] } };
    },
    *successors(s: State): Iterable<Transition> {
      for (let i = 0; i < k; i++) {
        const v = s[i] as number;
        if (v < max) yield { state: s.map((x, j) => (j === i ? v + 1 : x)), action: inc };
        if (v > 0) yield { state: s.map((x, j) => (j === i ? 0 : x)), action: reset };
      }
    },
    invariants: [{ name: 'Bounded', holds: (s) => s.every((v) => (v as number) <= max) }],
    stateProperties: [],
    actionProperties: [],
    stateConstraints: [],
    actionConstraints: [],
    checkAssumptions: () => [],
    postconditions: [],
    checkDeadlock: false,
    fingerprint: (s, out) => fingerprintValues(s, out),
    display: (s) => s.map((v, i) => [`c${i}`, v]),
  };
}

function tlaCase(name: string, spec: string, cfg: string, heavy = false): BenchCase {
  return {
    name,
    heavy,
    load: async () => {
      const loaded = loadModel(spec, cfg, { print: () => {} });
      return loaded.model ?? loaded.diagnostics.find((d) => d.severity === 'error')?.message ?? 'cannot load';
    },
  };
}

function cases(withConformance: boolean): BenchCase[] {
  const list: BenchCase[] = [
    { name: 'counter-grid-5x12 (TypeScript)', load: async () => counterGrid(5, 12) },
  ];
  list.push(tlaCase('bakery N=5', join(here, 'bench/Bakery.tla'), join(here, 'bench/Bakery.cfg')));
  list.push(
    tlaCase(
      'bakery-tlc-size N=5 MaxTicket=5',
      join(here, 'bench/Bakery.tla'),
      join(here, 'bench/BakeryLarge.cfg'),
      true,
    ),
  );
  list.push(
    tlaCase(
      'counters-24m K=5 Max=29',
      join(here, 'bench/Counters.tla'),
      join(here, 'bench/Counters20M.cfg'),
      true,
    ),
  );
  // Specs in the style that was slow on sets (issue 9): function sets, record sets, SUBSET.
  for (const name of ['FunctionSets', 'RecordSets', 'Subsets'])
    list.push(tlaCase(name, join(here, `bench/${name}.tla`), join(here, `bench/${name}.cfg`)));
  const specs = join(here, '../specs');
  list.push(
    tlaCase(
      'idempotency-benchmark',
      join(specs, 'IdempotencyStore.tla'),
      join(specs, 'idempotency/Benchmark.cfg'),
    ),
  );
  // The other systems' benchmark models (heavy: named with --only, or --all).
  list.push(
    tlaCase(
      'taskmanager-benchmark',
      join(specs, 'TaskManagement.tla'),
      join(specs, 'taskmanager/Benchmark.cfg'),
      true,
    ),
  );
  list.push(
    tlaCase(
      'consensus-raft-four-servers',
      join(specs, 'RaftElection.tla'),
      join(specs, 'consensus/RaftFourServers.cfg'),
      true,
    ),
  );
  const conformance = join(here, '../../shared/conformance/cases');
  if (withConformance && existsSync(conformance)) {
    for (const dir of readdirSync(conformance).sort()) {
      const cfgFile = readdirSync(join(conformance, dir)).find((f) => f.endsWith('.cfg'));
      if (!cfgFile) continue;
      const base = cfgFile.replace(/\.cfg$/, '');
      list.push(
        tlaCase(`conformance ${dir}`, join(conformance, dir, `${base}.tla`), join(conformance, dir, cfgFile)),
      );
    }
  }
  return list;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** JS heap plus array buffers (the seen-state store lives in typed arrays, outside the JS heap). */
function heapUsed(): number {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** The parallel search on one model with 1, then `workers` threads: times, speedup, and whether the counts agree. */
function benchWorkers(name: string, spec: string, cfg: string, workers: number): void {
  const run = (n: number) => {
    resetStringOrder(); // each load gets the model's own string order, as `tlaw check` does
    const loaded = loadModel(spec, cfg, { print: () => {} });
    if (!loaded.model) throw new Error(`cannot load ${spec}`);
    const levels =
      n > 1
        ? new WorkerLevelSearch({
            workers: n,
            entry: checkWorkerEntry,
            source: { spec, config: cfg, libPaths: [] },
          })
        : undefined;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const store = levels?.store ?? new MemoryStateStore();
    const r = bfs(loaded.model, levels ? { levels } : { store });
    const cpu = process.cpuUsage(cpuBefore);
    // CPU time of every thread of the process: on a machine busy with other work, wall time says less.
    return {
      r,
      ms: performance.now() - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
      storeBytes: store.bytes,
      levelTableBytes: levels?.levelTableBytes ?? 0,
    };
  };
  // The two-worker time includes starting the threads and compiling the spec in each, as `check --workers 2` does.
  const one = run(1);
  const many = run(workers);
  const same =
    one.r.result === many.r.result &&
    one.r.distinctStates === many.r.distinctStates &&
    one.r.totalStates === many.r.totalStates &&
    one.r.depth === many.r.depth;
  console.log(
    [
      `${name} workers 1 vs ${workers}`,
      many.r.result,
      many.r.distinctStates,
      many.r.totalStates,
      `${one.ms.toFixed(0)} ms vs ${many.ms.toFixed(0)} ms`,
      `CPU ${one.cpuMs.toFixed(0)} ms vs ${many.cpuMs.toFixed(0)} ms`,
      `speedup ${(one.ms / many.ms).toFixed(2)}x`,
      same ? 'same counts' : 'COUNTS DIFFER',
      `store ${(one.storeBytes / (one.r.distinctStates ?? 1)).toFixed(1)} vs ${(many.storeBytes / (many.r.distinctStates ?? 1)).toFixed(1)} B/state`,
      `level table ${(many.levelTableBytes / 2 ** 20).toFixed(1)} MB`,
      `${Math.round(process.resourceUsage().maxRSS / 1024)} MB peak RSS`,
    ].join(' | '),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const all = args.includes('--all');
  const selected = cases(!args.includes('--no-conformance')).filter((c) =>
    only ? c.name.includes(only) : all || !c.heavy,
  );
  console.log(
    `bench ${new Date().toISOString()} node ${process.version} checker from ${useDist ? 'dist/' : 'src/ (tsx)'}${gc ? '' : ' (no --expose-gc: heap figures are rough)'}`,
  );
  console.log(
    'model | result | distinct | generated | ms | distinct/s | generated/s | heap B/state | store B/state | peak RSS MB',
  );
  for (const c of selected) {
    const model = await c.load();
    if (typeof model === 'string') {
      console.log(`${c.name} | skipped: ${model}`);
      continue;
    }
    const store = new MemoryStateStore();
    const before = heapUsed();
    const started = performance.now();
    const r = bfs(model, { store });
    const ms = performance.now() - started;
    const heap = heapUsed() - before;
    const distinct = r.distinctStates ?? 0;
    const total = r.totalStates ?? 0;
    const perSec = (n: number) => (ms > 0 ? Math.round((n * 1000) / ms) : 0);
    // Per-state memory means nothing for a handful of states (fixed costs dominate).
    const perState = (bytes: number) => (distinct >= 1000 ? (bytes / distinct).toFixed(1) : '-');
    console.log(
      [
        c.name,
        r.result,
        distinct,
        total,
        ms.toFixed(0),
        perSec(distinct),
        perSec(total),
        perState(heap),
        perState(store.bytes),
        // Peak resident size of the whole process so far (meaningful per case with --only).
        Math.round(process.resourceUsage().maxRSS / 1024),
      ].join(' | '),
    );
  }
  if (!args.includes('--no-parallel') && (!only || only === 'parallel')) {
    console.log(
      'parallel search (distinct | generated | time | CPU time | speedup | agreement | seen-state store | level table | peak RSS):',
    );
    benchWorkers('bakery-tlc-size', join(here, 'bench/Bakery.tla'), join(here, 'bench/BakeryLarge.cfg'), 2);
  }
  if (only === 'parallel-24m') {
    // Minutes: run alone, with the peak RSS of this process meaning the 24-million-state runs.
    benchWorkers('counters-24m', join(here, 'bench/Counters.tla'), join(here, 'bench/Counters20M.cfg'), 2);
  }
}

await main();
