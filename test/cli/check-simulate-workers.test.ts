/**
 * `tlaw check --simulate N --workers K`: K threads walk the behaviours, with
 * the report, exit code and JSON of a one-thread run; `--workers 1` is the
 * one-thread simulation as it was.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/check/search/simulate.js';
import { resetStringOrder } from '../../src/check/value/index.js';
import { type CheckOptions, runCheck } from '../../src/cli/check.js';
import { loadModel } from '../../src/cli/check-load.js';
import { captureIO } from './capture-io.js';

const fixtures = join(import.meta.dirname, '../fixtures/search/simulate');
const spec = join(fixtures, 'Steps.tla');

async function run(config: string, options: CheckOptions) {
  const { io, out } = captureIO();
  const code = await runCheck([spec], { engine: 'embedded', config: join(fixtures, config), ...options }, io);
  const lines = out.stdout.trim().split('\n');
  return { code, ...out, lastLine: lines[lines.length - 1]! };
}

/** The JSON result of a run, without its timing. */
async function json(config: string, options: CheckOptions) {
  const r = await run(config, { ...options, json: true });
  const { durationMs: _d, ...rest } = JSON.parse(r.lastLine);
  return { code: r.code, result: rest };
}

describe('tlaw check --simulate --workers', () => {
  it('reports a violation found by two workers with its trace and exit code, as with three', async () => {
    const options = { simulate: 2000, depth: 7, seed: 11 };
    const two = await json('StepsLow.cfg', { ...options, workers: 2 });
    expect(two.code).toBe(12);
    expect(two.result).toMatchObject({ result: 'invariant-violation', violated: 'Low', exitCode: 12 });
    expect(two.result.trace).toHaveLength(7);
    expect(two.result.trace[6].action.name).toBe('Up');
    expect(await json('StepsLow.cfg', { ...options, workers: 3 })).toEqual(two);
  });

  it('prints the one-thread report, trace and counts included', async () => {
    const r = await run('StepsLow.cfg', { simulate: 2000, depth: 7, seed: 11, workers: 2 });
    expect(r.code).toBe(12);
    expect(r.stderr).not.toMatch(/one thread/);
    expect(r.stdout).toMatch(/Invariant Low is violated\./);
    expect(r.stdout).toMatch(
      /State 7: <Up line \d+, col \d+ to line \d+, col \d+ of module Steps>\n\/\\ x = 6/,
    );
    expect(r.stdout).toMatch(/\d+ behaviours walked, \d+ states checked\./);
  });

  it('walks every behaviour of a model that holds, and prints what the walks print', async () => {
    const r = await run('StepsPrint.cfg', { simulate: 40, depth: 6, seed: 2, workers: 2, json: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.lastLine)).toMatchObject({ result: 'ok', traces: 40, totalStates: 3 + 40 * 5 });
    expect(r.stdout).toMatch(/<<"up", 0, \d>>/);
  });

  it('with one worker, is the one-thread simulation', async () => {
    const options = { simulate: 2000, depth: 7, seed: 11 };
    const one = await json('StepsLow.cfg', { ...options, workers: 1 });
    expect(await json('StepsLow.cfg', options)).toEqual(one);
    resetStringOrder();
    const model = loadModel(spec, join(fixtures, 'StepsLow.cfg'), { print: () => {} }).model!;
    const direct = simulate(model, { behaviours: 2000, depth: 7, seed: 11 });
    expect(one.result).toMatchObject({
      totalStates: direct.totalStates,
      traces: direct.traces,
      depth: direct.depth,
    });
  });
});
