/**
 * The parallel simulation gives the result of walking behaviours 0, 1, ...
 * in one thread, each with its own generator: the same event with the same
 * trace, the same counts, the same printed lines, with any number of workers.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/check/model.js';
import type { CheckResult } from '../../src/check/result.js';
import { simulateInParallel } from '../../src/check/search/parallel/simulate-coordinator.js';
import { behaviourPrng } from '../../src/check/search/prng.js';
import { type SimulateOptions, simulate } from '../../src/check/search/simulate.js';
import { resetStringOrder } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';
import { simulateWorkerEntry } from '../../src/cli/simulate-worker.js';

const fixtures = join(import.meta.dirname, '../fixtures/search/simulate');
const spec = join(fixtures, 'Steps.tla');

function load(config: string, printed: string[] = []): Model {
  resetStringOrder();
  return loadModel(spec, join(fixtures, config), { print: (line) => printed.push(line) }).model!;
}

/** The result without its timing. */
const counts = (r: CheckResult) => {
  const { durationMs: _d, ...rest } = r;
  return rest;
};

function parallel(
  config: string,
  options: SimulateOptions,
  workers: number,
  printed: string[] = [],
): CheckResult {
  const model = load(config);
  return simulateInParallel(model, {
    ...options,
    workers,
    entry: simulateWorkerEntry,
    source: { spec, config: join(fixtures, config), libPaths: [] },
    print: (line) => printed.push(line),
  });
}

/** Behaviours 0 to n-1 walked in this thread, each with its own generator. */
function oneByOne(config: string, options: SimulateOptions, printed: string[] = []): CheckResult {
  const model = load(config, printed);
  printed.length = 0; // what compiling printed
  return simulate(model, options, {
    behaviours: Array.from({ length: options.behaviours }, (_, i) => i),
    rngFor: (n) => behaviourPrng(options.seed, n),
  });
}

/** The states of a trace as [x, y] pairs, and their actions. */
function steps(r: CheckResult): { xy: number[]; action: string }[] {
  return r.trace!.map((s) => ({
    xy: s.state.map(([, v]) => Number(v)),
    action: s.action?.name ?? '',
  }));
}

describe('parallel simulation', () => {
  it('finds a violation with its trace, a behaviour of the spec, as one thread walking the behaviours in order', () => {
    const options = { behaviours: 2000, depth: 7, seed: 11 };
    const r = parallel('StepsLow.cfg', options, 2);
    expect(r.result).toBe('invariant-violation');
    expect(r.violated).toBe('Low');
    expect(r.exitCode).toBe(12);
    expect(r.traces).toBeGreaterThan(8); // past the first round: the workers walked many before
    expect(counts(r)).toEqual(counts(oneByOne('StepsLow.cfg', options)));
    const trace = steps(r);
    expect(trace[0]!.xy[0]).toBe(0);
    expect(trace[0]!.action).toBe('Initial predicate');
    for (let i = 1; i < trace.length; i++) {
      const [x0, y0] = trace[i - 1]!.xy;
      const [x1, y1] = trace[i]!.xy;
      if (trace[i]!.action === 'Up') expect([x1, y1]).toEqual([x0! + 1, y0]);
      else expect([trace[i]!.action, x1, y1]).toEqual(['Side', x0, (y0! + 1) % 3]);
    }
    expect(trace.at(-1)!.xy[0]).toBe(6);
  });

  it('on a model that holds, walks every behaviour and adds up their states', () => {
    const options = { behaviours: 300, depth: 12, seed: 4 };
    const r = parallel('StepsOk.cfg', options, 2);
    expect(r.result).toBe('ok');
    expect(r.traces).toBe(300);
    expect(r.depth).toBe(12); // no walk ends early: some action is always enabled
    expect(r.totalStates).toBe(3 + 300 * 11); // the initial states, then 11 steps per walk
    expect(counts(r)).toEqual(counts(oneByOne('StepsOk.cfg', options)));
  });

  it('gives the same result for the same seed, with two or three workers', () => {
    const options = { behaviours: 2000, depth: 7, seed: 29 };
    const two = counts(parallel('StepsLow.cfg', options, 2));
    expect(counts(parallel('StepsLow.cfg', options, 2))).toEqual(two);
    expect(counts(parallel('StepsLow.cfg', options, 3))).toEqual(two);
    const other = counts(parallel('StepsLow.cfg', { ...options, seed: 30 }, 2));
    expect(other.trace).not.toEqual(two.trace);
  });

  it('reports deadlocks and evaluation errors as one thread does', () => {
    const deadlock = { behaviours: 50, depth: 10, seed: 2 };
    const d = parallel('StepsDeadlock.cfg', deadlock, 2);
    expect(d.result).toBe('deadlock');
    expect(counts(d)).toEqual(counts(oneByOne('StepsDeadlock.cfg', deadlock)));
    expect(parallel('StepsDeadlock.cfg', { ...deadlock, checkDeadlock: false }, 2).result).toBe('ok');

    const error = { behaviours: 2000, depth: 6, seed: 8 };
    const e = parallel('StepsError.cfg', error, 2);
    expect(e.result).toBe('error');
    expect(e.exitCode).toBe(76);
    expect(e.message!.split('\n')[0]).toBe('Evaluating invariant Safe failed.');
    expect(counts(e)).toEqual(counts(oneByOne('StepsError.cfg', error)));
  });

  it('prints what the walks print, in behaviour order', () => {
    const options = { behaviours: 60, depth: 6, seed: 5 };
    const printed: string[] = [];
    const r = parallel('StepsPrint.cfg', options, 2, printed);
    const expected: string[] = [];
    const one = oneByOne('StepsPrint.cfg', options, expected);
    expect(counts(r)).toEqual(counts(one));
    expect(expected.length).toBeGreaterThan(0);
    expect(printed).toEqual(expected);
  });

  it('stops between rounds when asked, with the counts so far', () => {
    let asked = 0;
    const r = parallel(
      'StepsOk.cfg',
      { behaviours: 100_000, depth: 12, seed: 1, stop: () => (++asked > 2 ? 'SIGINT' : undefined) },
      2,
    );
    expect(r.result).toBe('error');
    expect(r.message).toMatch(/stopped \(SIGINT\)/);
    expect(r.traces).toBeGreaterThan(0);
    expect(r.traces).toBeLessThan(100_000);
    expect(r.totalStates).toBe(3 + r.traces! * 11);
  });
});
