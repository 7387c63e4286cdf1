import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/cli/check-load.js';

const scratch = mkdtempSync(join(tmpdir(), 'tlaw-alias-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('ALIAS', () => {
  it('an ALIAS that is not a record: each state shows its variables and the error, as a failed ALIAS', () => {
    const spec = write(
      'Al.tla',
      "---- MODULE Al ----\nVARIABLE x\nAl == x\nInit == x = 0\nNext == x' = x\n====\n",
    );
    const cfg = write('Al.cfg', 'INIT Init\nNEXT Next\nALIAS Al\n');
    const { model } = loadModel(spec, cfg);
    const [init] = [...model!.initialStates({ level: 1 })];
    expect(model!.display(init!.state)).toEqual([
      ['x', 0],
      ['_ALIASEvalError', 'The ALIAS Al must evaluate to a record, not 0.'],
    ]);
  });
});
