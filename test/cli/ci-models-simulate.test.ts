/** models.json `simulate`: `tlaw check <folder>` (and so `tlaw ci`) checks such a model by simulation. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { readManifest } from '../../src/cli/check-jobs.js';
import { captureIO } from './capture-io.js';
import { counterProject, MODELS } from './ci-fixture.js';

describe('models.json "simulate"', () => {
  it('tlaw check on the folder simulates the model with its runs, depth and seed', async () => {
    const root = counterProject([MODELS[2]!]);
    const { io, out } = captureIO();
    const code = await runCheck([join(root, 'specs')], {}, io);
    expect(code).toBe(0);
    expect(out.stderr).toMatch(/Simulating 5 behaviours with seed 1\./);
    expect(out.stdout).toMatch(/PASS counter-simulated: invariant-violation \(Small\)/);
  });

  it('defaults depth to 100 and seed to 0, and rejects malformed settings with the entry named', () => {
    const root = counterProject([{ ...MODELS[2]!, simulate: { runs: 3 } as never }]);
    const file = join(root, 'specs', 'models.json');
    expect(readManifest(file, join(root, 'specs')).value?.[0]?.simulate).toEqual({
      runs: 3,
      depth: 100,
      seed: 0,
    });
    for (const bad of [{ runs: 0 }, { runs: 2, depth: 1.5 }, { runs: 2, seed: 'x' }, [3]]) {
      const r = counterProject([{ ...MODELS[2]!, simulate: bad as never }]);
      const read = readManifest(join(r, 'specs', 'models.json'), join(r, 'specs'));
      expect(read.value).toBeUndefined();
      expect(read.diagnostics[0]!.message).toMatch(/models\[0\]: "simulate" must be \{ "runs"/);
    }
  });
});
