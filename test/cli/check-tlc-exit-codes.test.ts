import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

/** Writes `M.tla` and `M.cfg` into a fresh folder; returns the spec's path. */
function spec(module: string, body: string, cfg: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tlaw-exit-'));
  writeFileSync(join(dir, `${module}.tla`), `---- MODULE ${module} ----\nEXTENDS Naturals\n${body}\n====\n`);
  writeFileSync(join(dir, `${module}.cfg`), cfg);
  return join(dir, `${module}.tla`);
}

async function exitCode(path: string): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await runCheck([path], {}, { stdout: (t) => (stdout += t), stderr: () => {} });
  return { code, stdout };
}

describe('the embedded engine exits with the code TLC gives for the same failure', () => {
  it('75 for a function applied outside its domain while computing successors', async () => {
    const r = await exitCode(
      spec(
        'SuccDomain',
        "VARIABLE i\nf == [k \\in 1..3 |-> k]\nInit == i = 1\nNext == i' = f[i] + 1",
        'INIT Init\nNEXT Next\n',
      ),
    );
    expect(r.code).toBe(75);
    expect(r.stdout).toContain('which is not in the domain of the function');
  });

  it('76 for the same error while evaluating an invariant (TLC: "Evaluating invariant Inv failed.")', async () => {
    const r = await exitCode(
      spec(
        'InvDomain',
        "VARIABLE i\nf == [k \\in 1..3 |-> k]\nInit == i = 1\nNext == i' = i + 1\nInv == f[i] > 0",
        'INIT Init\nNEXT Next\nINVARIANT Inv\n',
      ),
    );
    expect(r.code).toBe(76);
    expect(r.stdout).toContain('Error: Evaluating invariant Inv failed.');
  });

  it('10 for an ASSUME whose evaluation fails', async () => {
    const r = await exitCode(
      spec(
        'AssumeError',
        "VARIABLE i\nASSUME <<1>>[2] = 1\nInit == i = 1\nNext == i' = i",
        'INIT Init\nNEXT Next\n',
      ),
    );
    expect(r.code).toBe(10);
  });
});
