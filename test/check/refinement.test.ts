/**
 * Refinement checked as a PROPERTY where the refined spec's variable is an
 * expression of the implementation's state (`b <- n % 2 = 1`): the mapped
 * action and the mapped fairness (ENABLED under the mapping) are checked.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'refinement');

async function check(cfg: string): Promise<Record<string, unknown>> {
  let stdout = '';
  await runCheck(
    [join(DIR, 'Clock.tla')],
    { json: true, config: join(DIR, cfg), engine: 'embedded' },
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

describe('refinement mapping checked as a PROPERTY', () => {
  it('holds for the fair clock: the toggle is refined, its fairness included', async () => {
    expect(await check('Clock.cfg')).toMatchObject({ result: 'ok', distinctStates: 4, depth: 4 });
  });

  it("is violated without fairness: the clock may stop while the toggle's step is enabled", async () => {
    const r = await check('ClockUnfair.cfg');
    expect(r).toMatchObject({ result: 'liveness-violation', violated: 'TSpec' });
  });
});
