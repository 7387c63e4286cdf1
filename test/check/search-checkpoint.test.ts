/**
 * A search stopped after some levels goes on from its last checkpoint to
 * the result of an uninterrupted search.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/result.js';
import { bfs } from '../../src/check/search/index.js';
import { WorkerLevelSearch } from '../../src/check/search/parallel/worker-level-search.js';
import { resetStringOrder } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';
import { checkWorkerEntry } from '../../src/cli/check-worker.js';

const fixtures = join(import.meta.dirname, '../fixtures/search/parallel');
const spec = join(fixtures, 'Grid.tla');
const source = (config: string) => ({ spec, config: join(fixtures, config), libPaths: [] });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function search(
  config: string,
  extra: { checkpointDir?: string; recover?: string; stopAfterLevels?: number; fingerprintSlots?: number },
): CheckResult {
  resetStringOrder();
  const model = loadModel(spec, join(fixtures, config), { print: () => {} }).model!;
  const levels = new WorkerLevelSearch({
    workers: 2,
    entry: checkWorkerEntry,
    source: source(config),
    ...(extra.fingerprintSlots ? { fingerprintSlots: extra.fingerprintSlots } : {}),
    ...(extra.checkpointDir
      ? { checkpoint: { dir: extra.checkpointDir, everyMs: 0, identity: 'grid' } }
      : {}),
    ...(extra.recover ? { recover: { dir: extra.recover } } : {}),
  });
  let asked = 0;
  const stop =
    extra.stopAfterLevels === undefined
      ? {}
      : { stop: () => (++asked > extra.stopAfterLevels! ? 'SIGINT' : undefined) };
  return bfs(model, { levels, ...stop });
}

const counts = (r: CheckResult) => {
  const { durationMs: _d, ...rest } = r;
  return rest;
};

describe('checkpoints of the level search', () => {
  it('recover a search of more states than its tables first hold', () => {
    const whole = search('GridLarge.cfg', {});
    const dir = join(mkdtempSync(join(tmpdir(), 'tlaw-cp-')), 'checkpoint');
    dirs.push(dir);
    search('GridLarge.cfg', { checkpointDir: dir, stopAfterLevels: 45 });
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    expect(meta.states).toBeGreaterThan(1024); // the smallest tables have 1,024 slots
    const resumed = search('GridLarge.cfg', { recover: dir, fingerprintSlots: 1024 });
    expect(counts(resumed)).toEqual(counts(whole));
  });

  for (const config of ['GridOk.cfg', 'Grid.cfg'])
    it(`go on after a stop to the uninterrupted result (${config})`, () => {
      const whole = search(config, {});
      const dir = join(mkdtempSync(join(tmpdir(), 'tlaw-cp-')), 'checkpoint');
      dirs.push(dir);
      const stopped = search(config, { checkpointDir: dir, stopAfterLevels: 6 });
      expect(stopped.message).toMatch(/stopped \(SIGINT\)/);
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
      expect(meta.level).toBe(7); // six levels explored after the initial states' level
      expect(existsSync(`${dir}.writing`)).toBe(false);
      const resumed = search(config, { recover: dir });
      expect(counts(resumed)).toEqual(counts(whole));
    });
});
