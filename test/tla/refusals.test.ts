import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/cli/check-load.js';
import { readTextFile } from '../../src/errors.js';
import { parseModuleFile } from '../../src/tla/parse/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'tlaw-refusals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** What TLC refuses, tlaw refuses too, with a diagnostic at the place. */
describe('specs TLC refuses', () => {
  it('a file whose name differs from its MODULE', () => {
    const file = write('Other.tla', '\n---- MODULE Spec ----\nA == 1\n====\n');
    const r = parseModuleFile(file);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      {
        severity: 'error',
        message: "File name 'Other' does not match the name 'Spec' of the top level module it contains.",
        loc: { file, line: 2, col: 1 },
      },
    ]);
  });

  it('a file holding several modules, one named after the file, is fine', () => {
    const file = write(
      'Two.tla',
      '---- MODULE Helper ----\nB == 2\n====\n---- MODULE Two ----\nA == 1\n====\n',
    );
    expect(parseModuleFile(file).value?.name).toBe('Two');
  });

  it('SYMMETRY naming something other than a set of permutations', () => {
    const spec = write(
      'Sym.tla',
      "---- MODULE Sym ----\nVARIABLE x\nS == 3\nInit == x = 0\nNext == x' = x\n====\n",
    );
    const cfg = write('Sym.cfg', 'INIT Init\nNEXT Next\nSYMMETRY S\n');
    const r = loadModel(spec, cfg);
    expect(r.model).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      {
        severity: 'error',
        message: 'The symmetry operator must specify a set of functions.',
        loc: { line: 3 },
      },
    ]);
  });

  it('a device or a folder given as a spec file (reading /dev/zero would never end)', () => {
    expect(readTextFile('/dev/zero').diagnostics[0]?.message).toBe(
      'Cannot read /dev/zero: not a regular file.',
    );
    expect(readTextFile(scratch).diagnostics[0]?.message).toContain('not a regular file');
  });
});
