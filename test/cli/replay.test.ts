import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runReplay } from '../../src/cli/replay.js';
import { captureIO } from './capture-io.js';

const KV = join(import.meta.dirname, '..', 'fixtures', 'mbt', 'kv');
const REGRESSION = join(KV, 'traces', 'regressions', 'forgetful-delete.itf.json');
const CORRECT = join(KV, 'binding.ts');
const FORGETFUL = join(KV, 'forgetful-binding.ts');

async function run(trace: string, opts: { binding?: string; json?: boolean }) {
  const { io, out } = captureIO();
  const code = await runReplay(trace, opts, io);
  return { code, ...out };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('tlaw replay', () => {
  it('prints ok with the number of states when the implementation follows the trace', async () => {
    expect(await run(REGRESSION, { binding: CORRECT })).toEqual({
      code: 0,
      stdout: 'ok: 3 steps\n',
      stderr: '',
    });
  });

  it('prints the divergence (state, action, parameters, diff) and exits 1', async () => {
    const r = await run(REGRESSION, { binding: FORGETFUL });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'diverged: state 3 differs after Delete(k = "a"):\n' +
        '  store\n    expected: [a |-> 0, b |-> 0]\n    actual:   [a |-> 1, b |-> 0]\n',
    );
  });

  it('gives the outcome as JSON with --json', async () => {
    const ok = await run(REGRESSION, { binding: CORRECT, json: true });
    expect(JSON.parse(ok.stdout)).toEqual({ ok: true, steps: 3 });
    const bad = await run(REGRESSION, { binding: FORGETFUL, json: true });
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      steps: 2,
      failure: {
        step: 3,
        action: 'Delete',
        params: { k: '"a"' },
        reason: 'state-mismatch',
        diff: [{ variable: 'store', expected: '[a |-> 0, b |-> 0]', actual: '[a |-> 1, b |-> 0]' }],
      },
    });
  });

  it('reports a missing trace, a missing binding module and a module without a binding as usage errors', async () => {
    const noTrace = await run(join(KV, 'none.itf.json'), { binding: CORRECT });
    expect(noTrace.code).toBe(152);
    expect(noTrace.stderr).toMatch(/^tlaw replay: .*none\.itf\.json: file not found\.\n$/);
    const noModule = await run(REGRESSION, { binding: join(KV, 'nope.ts') });
    expect(noModule.code).toBe(152);
    expect(noModule.stderr).toMatch(/nope\.ts: file not found/);
    const notBinding = await run(REGRESSION, { binding: join(KV, 'kv-store.ts'), json: true });
    expect(notBinding.code).toBe(152);
    expect(JSON.parse(notBinding.stdout).diagnostics[0].message).toMatch(/exports no binding/);
  });

  it('is wired into the tlaw program, with --binding required', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await buildProgram().parseAsync(['node', 'tlaw', 'replay', REGRESSION, '--binding', CORRECT]);
    expect(out).toHaveBeenCalledWith('ok: 3 steps\n');
    expect(process.exitCode).toBe(0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(buildProgram().parseAsync(['node', 'tlaw', 'replay', REGRESSION])).rejects.toThrow(
      /--binding <module>' not specified/,
    );
  });
});
