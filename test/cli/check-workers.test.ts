/**
 * `tlaw check --workers 2` gives the numbers of `--workers 1`: verdict,
 * violated property, distinct and generated states, states left on the
 * queue, depth, and the same counterexample, on the shared conformance
 * cases (when present), the bundled models of specs/models.json that are
 * not benchmarks, and fixtures of this suite.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { parseWorkers } from '../../src/cli/check-workers.js';
import { type BundledModel, bundledModels } from '../support/bundled-models.js';
import { SHARED_CASES } from '../support/shared.js';

/** The JSON result of one `tlaw check --json` run, without its timing. */
async function check(
  spec: string,
  config: string,
  workers: number,
  extra: { coverage?: boolean } = {},
): Promise<Record<string, unknown>> {
  let stdout = '';
  await runCheck(
    [spec],
    { json: true, config, engine: 'embedded', workers, ...extra },
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    },
  );
  const { durationMs: _ms, diagnostics: _d, ...rest } = JSON.parse(stdout.trim().split('\n').at(-1)!);
  return rest;
}

async function expectSameWithTwoWorkers(spec: string, config: string): Promise<void> {
  const one = await check(spec, config, 1);
  const two = await check(spec, config, 2);
  expect(two).toEqual(one);
}

/** Action coverage, per action and disjunct, is the one-thread search's too. */
async function expectSameCoverage(spec: string, config: string): Promise<void> {
  const one = await check(spec, config, 1, { coverage: true });
  const two = await check(spec, config, 2, { coverage: true });
  expect(one.coverage).toBeDefined();
  expect(two).toEqual(one);
}

const fixtures = join(import.meta.dirname, '../fixtures/search/parallel');

describe('--workers', () => {
  it('takes a positive number, or auto for one per core', () => {
    expect(parseWorkers('3')).toBe(3);
    expect(parseWorkers('auto')).toBe(availableParallelism());
    expect(() => parseWorkers('0')).toThrow(/positive integer or auto/);
    expect(() => parseWorkers('two')).toThrow(/positive integer or auto/);
  });

  it('says that --queue-memory does not bound the levels held by several workers', async () => {
    let stderr = '';
    await runCheck(
      [join(fixtures, 'Grid.tla')],
      { config: join(fixtures, 'GridOk.cfg'), engine: 'embedded', workers: 2, queueMemory: 64 },
      {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
      },
    );
    expect(stderr).toMatch(
      /--queue-memory 64: with --workers 2 the level being explored and the next are held in memory/,
    );
  });

  it('keeps no checkpoint of a run that counts coverage, and says so', async () => {
    let stderr = '';
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-cp-cov-'));
    await runCheck(
      [join(fixtures, 'Grid.tla')],
      {
        config: join(fixtures, 'GridOk.cfg'),
        engine: 'embedded',
        workers: 2,
        coverage: true,
        checkpoint: 0.001,
        checkpointDir: dir,
      },
      {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
      },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(stderr).toMatch(
      /a checkpoint does not keep action coverage, so this run uses one thread and no checkpoint/,
    );
  });

  it('says when a run uses one thread after all', async () => {
    let stderr = '';
    const specs = join(import.meta.dirname, '../../specs');
    await runCheck(
      [join(specs, 'TaskManagement.tla')],
      { config: join(specs, 'taskmanager/Liveness.cfg'), engine: 'embedded', workers: 2 },
      {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
      },
    );
    expect(stderr).toMatch(
      /--workers 2: temporal properties are checked on the behaviour graph one thread records, so this run uses one thread/,
    );
  });
});

describe('--workers 2 gives the numbers of one worker', () => {
  it('on a model with many states found twice in a level, ending in a violation deep down', async () => {
    const r = await check(join(fixtures, 'Grid.tla'), join(fixtures, 'Grid.cfg'), 2);
    expect(r.result).toBe('invariant-violation');
    await expectSameWithTwoWorkers(join(fixtures, 'Grid.tla'), join(fixtures, 'Grid.cfg'));
  });

  it('on a model that completes, with a deadlock check and a constraint', async () => {
    await expectSameWithTwoWorkers(join(fixtures, 'Grid.tla'), join(fixtures, 'GridOk.cfg'));
  });

  it('with action coverage counted (a model that completes, one that ends in a violation)', async () => {
    await expectSameCoverage(join(fixtures, 'Grid.tla'), join(fixtures, 'GridOk.cfg'));
    await expectSameCoverage(join(fixtures, 'Grid.tla'), join(fixtures, 'Grid.cfg'));
    const specs = join(import.meta.dirname, '../../specs');
    for (const [spec, cfg] of [
      ['IdempotencyStore.tla', 'IdempotencyStore.cfg'],
      ['TaskManagement.tla', 'taskmanager/Lifecycle.cfg'],
      ['RaftElection.tla', 'consensus/RaftCorrect.cfg'],
    ])
      await expectSameCoverage(join(specs, spec!), join(specs, cfg!));
  }, 600_000);

  const cases = existsSync(SHARED_CASES) ? readdirSync(SHARED_CASES).sort() : [];
  it.skipIf(cases.length === 0)(
    'on every conformance case',
    async () => {
      for (const dir of cases) {
        const expected = JSON.parse(readFileSync(join(SHARED_CASES, dir, 'expected.json'), 'utf8'));
        const spec = join(SHARED_CASES, dir, `${expected.module}.tla`);
        const one = await check(spec, join(SHARED_CASES, dir, expected.cfg), 1);
        const two = await check(spec, join(SHARED_CASES, dir, expected.cfg), 2);
        expect({ dir, ...two }).toEqual({ dir, ...one });
      }
    },
    600_000,
  );

  const specs = join(import.meta.dirname, '../../specs');
  for (const system of ['idempotency', 'taskmanager', 'consensus']) {
    it(`on the bundled ${system} models`, async () => {
      const chosen = bundledModels<BundledModel & { simulate?: unknown }>(`${system}-`).filter(
        (m) => !m.benchmark && !m.simulate,
      );
      expect(chosen.length).toBeGreaterThan(3);
      for (const m of chosen) {
        const one = await check(join(specs, m.spec), join(specs, m.config), 1);
        const two = await check(join(specs, m.spec), join(specs, m.config), 2);
        expect({ model: m.name, ...two }).toEqual({ model: m.name, ...one });
      }
    }, 600_000);
  }
});
