/**
 * `tlaw check` on temporal properties: TLC's text report of a lasso
 * ("Back to state k: <Action ...>" or "State n: Stuttering"), the --json
 * fields of the lasso, the ITF trace's `loop`, and the warning for a
 * property the embedded checker cannot read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CheckOptions, runCheck } from '../../src/cli/check.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/liveness');
const tmp = mkdtempSync(join(tmpdir(), 'tlaw-liveness-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function check(dir: string, spec: string, cfg: string, options: CheckOptions = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(
    [join(FIXTURES, dir, spec)],
    { engine: 'embedded', config: join(FIXTURES, dir, cfg), ...options },
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

describe('tlaw check: liveness reports', () => {
  it('prints a lasso like TLC, ending with "Back to state k" (40)', async () => {
    const { code, stdout } = await check('40-always-eventually-fail', 'InfOftenFail.tla', 'InfOftenFail.cfg');
    expect(code).toBe(13);
    const text = stdout.split('\n');
    const from = text.indexOf('Error: Temporal property InfOftenZero was violated.');
    expect(from).toBeGreaterThanOrEqual(0);
    expect(text.slice(from, from + 16)).toEqual([
      'Error: Temporal property InfOftenZero was violated.',
      '',
      'Error: The following behavior constitutes a counter-example:',
      '',
      'State 1: <Initial predicate>',
      'x = 0',
      '',
      'State 2: <Next line 12, col 12 to line 12, col 26 of module InfOftenFail>',
      'x = 1',
      '',
      'State 3: <Next line 13, col 12 to line 13, col 26 of module InfOftenFail>',
      'x = 2',
      '',
      'Back to state 2: <Next line 14, col 12 to line 14, col 26 of module InfOftenFail>',
      '',
      '4 states generated, 3 distinct states found, 0 states left on queue.',
    ]);
  });

  it('prints "State n: Stuttering" after the last state of a stuttering counterexample (39)', async () => {
    const { code, stdout } = await check('39-liveness-stutter', 'LiveStutter.tla', 'LiveStutter.cfg');
    expect(code).toBe(13);
    expect(stdout).toContain('x = 2\n\nState 4: Stuttering\n5 states generated, 4 distinct states found');
  });

  it('puts the lasso in the JSON result: loop, stuttering and the closing action', async () => {
    const lasso = await check('40-always-eventually-fail', 'InfOftenFail.tla', 'InfOftenFail.cfg', {
      json: true,
    });
    const r = JSON.parse(lasso.stdout.trim().split('\n').at(-1)!);
    expect(r).toMatchObject({
      result: 'liveness-violation',
      violated: 'InfOftenZero',
      exitCode: 13,
      distinctStates: 3,
      loop: 1,
      stuttering: false,
      loopAction: { name: 'Next', module: 'InfOftenFail', params: [] },
    });
    expect(r.trace).toHaveLength(3);
    expect(r.loopAction.loc).toMatchObject({ line: 14, col: 12 });

    const stutter = await check('39-liveness-stutter', 'LiveStutter.tla', 'LiveStutter.cfg', { json: true });
    const s = JSON.parse(stutter.stdout.trim().split('\n').at(-1)!);
    expect(s).toMatchObject({ result: 'liveness-violation', violated: 'Reach', loop: 2, stuttering: true });
    expect(s.loopAction).toBeUndefined();
  });

  it('writes the lasso into the ITF trace with --dump-trace', async () => {
    const file = join(tmp, 'lasso.itf.json');
    await check('43-wf-insufficient', 'WeakFair.tla', 'WeakFair.cfg', { json: true, dumpTrace: file });
    const itf = JSON.parse(readFileSync(file, 'utf8'));
    expect(itf.states).toHaveLength(2);
    expect(itf.loop).toBe(0);
    expect(itf['#meta']).toMatchObject({ property: 'EventuallyOne', result: 'liveness-violation' });
  });

  it('reports OK for properties that hold, with no warning (38)', async () => {
    const { code, stdout, stderr } = await check('38-liveness-ok', 'LiveOk.tla', 'LiveOk.cfg');
    expect(code).toBe(0);
    expect(stdout).toContain('Model checking completed. No error has been found.');
    expect(stderr).toBe('');
  });

  it('warns, with the formula location, about a property it cannot check, and does not pass', async () => {
    const { code, stdout, stderr } = await check('hand', 'Stall.tla', 'StallUnsupported.cfg');
    expect(code).toBe(255);
    expect(stdout).not.toContain('No error has been found');
    expect(stdout).toContain('Error: No error was found, but PROPERTY NotBoth was not checked');
    expect(stderr).toMatch(
      /Stall\.tla:16:12: warning: PROPERTY NotBoth is not checked by the embedded checker/,
    );
    expect(stderr).toContain('use --engine tlc');
  });
});
