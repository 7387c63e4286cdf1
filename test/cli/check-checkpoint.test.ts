import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckOptions, runCheck } from '../../src/cli/check.js';

const fixtures = join(import.meta.dirname, '../fixtures/search/parallel');
const spec = join(fixtures, 'Grid.tla');
const root = mkdtempSync(join(tmpdir(), 'tlaw-cli-cp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function check(config: string, options: CheckOptions) {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(
    [spec],
    { engine: 'embedded', config: join(fixtures, config), ...options },
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    },
  );
  return { code, stdout, stderr };
}

describe('tlaw check --checkpoint / --recover', () => {
  const dir = join(root, 'grid');

  it('writes a checkpoint between levels and says where', async () => {
    const r = await check('GridOk.cfg', { checkpoint: 0.000001, checkpointDir: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Checkpoint written to ${dir}`);
    expect(existsSync(join(dir, 'meta.json'))).toBe(true);
  });

  it('recovers with the result of a run from scratch', async () => {
    const plain = JSON.parse((await check('GridOk.cfg', { json: true })).stdout.trim().split('\n').at(-1)!);
    const recovered = JSON.parse(
      (await check('GridOk.cfg', { json: true, recover: dir })).stdout.trim().split('\n').at(-1)!,
    );
    for (const key of ['result', 'distinctStates', 'totalStates', 'depth', 'statesLeftOnQueue'])
      expect(recovered[key]).toEqual(plain[key]);
  });

  it("refuses another model's checkpoint", async () => {
    const r = await check('Grid.cfg', { recover: dir });
    expect(r.code).toBe(152);
    expect(r.stderr).toMatch(/--recover: .* is a checkpoint of Grid\.tla GridOk\.cfg/);
  });
});
