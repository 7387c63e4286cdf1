import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { readItf } from '../../src/trace/index.js';

const stuck = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/search/plain/Stuck.tla');

describe('tlaw check --save-traces', () => {
  it('saves the counterexample as traces/<spec>/<model>-<property>.itf.json that reads back', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'tlaw-save-')), 'traces');
    let stderr = '';
    const code = await runCheck(
      [stuck],
      { engine: 'embedded', saveTraces: root },
      { stdout: () => {}, stderr: (t) => (stderr += t) },
    );
    expect(code).toBe(11);
    const file = join(root, 'Stuck', 'Stuck-deadlock.itf.json');
    expect(stderr).toContain(`Saved the counterexample to ${file}`);
    const trace = readItf(readFileSync(file, 'utf8'), file);
    expect(trace.diagnostics).toEqual([]);
    expect(trace.value!.states.length).toBeGreaterThan(1);
  });

  it('writes nothing when the model has no error', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'tlaw-save-')), 'traces');
    const code = await runCheck(
      [stuck],
      { engine: 'embedded', saveTraces: root, deadlock: false },
      { stdout: () => {}, stderr: () => {} },
    );
    expect(code).toBe(0);
    expect(() => readFileSync(join(root, 'Stuck', 'Stuck-ok.itf.json'))).toThrow();
  });
});
