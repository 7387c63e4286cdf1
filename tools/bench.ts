/**
 * `npm run bench`: runs the breadth-first search on named models and prints
 * distinct states/s, states generated/s, and memory per distinct state (heap
 * growth over the run, and the seen-state store's own bytes).
 *
 * Models: a TypeScript model that needs no TLA+ front end (a grid of
 * counters), the TLA+ models in tools/bench/ (Lamport's bakery), and the
 * cases of ../shared/conformance when that folder exists. Run with
 * `node --expose-gc` (through tsx) for steadier heap figures.
 *
 *   tsx tools/bench.ts [--only NAME] [--no-conformance]
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model, State, Transition } from '../src/check/model.js';
import { bfs, MemoryStateStore } from '../src/check/search/index.js';
import { fingerprintValues, type Value } from '../src/check/value/index.js';
import { loadModel } from '../src/cli/check-load.js';

const here = dirname(fileURLToPath(import.meta.url));

interface BenchCase {
  name: string;
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

function tlaCase(name: string, spec: string, cfg: string): BenchCase {
  return {
    name,
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
  const conformance = join(here, '../../shared/conformance/cases');
  if (withConformance && existsSync(conformance)) {
    for (const dir of readdirSync(conformance).sort()) {
      const tla = readdirSync(join(conformance, dir)).find((f) => f.endsWith('.cfg'));
      if (!tla) continue;
      const base = tla.replace(/\.cfg$/, '');
      list.push(
        tlaCase(`conformance ${dir}`, join(conformance, dir, `${base}.tla`), join(conformance, dir, tla)),
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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const selected = cases(!args.includes('--no-conformance')).filter((c) => !only || c.name.includes(only));
  console.log(
    `bench ${new Date().toISOString()} node ${process.version}${gc ? '' : ' (no --expose-gc: heap figures are rough)'}`,
  );
  console.log(
    'model | result | distinct | generated | ms | distinct/s | generated/s | heap B/state | store B/state',
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
      ].join(' | '),
    );
  }
}

await main();
