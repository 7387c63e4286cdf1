import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay, saveTrace } from '../../src/mbt/index.js';
import { listTraceFiles, replayTraceFile, traceTests } from '../../src/mbt/vitest.js';
import { readItf } from '../../src/trace/index.js';
import { forgetfulBinding, kvStoreBinding } from '../fixtures/mbt/kv/bindings.js';
import { KV_DIR } from './kv-model.js';

const TRACES = join(KV_DIR, 'traces');
const REGRESSION = join(TRACES, 'regressions', 'forgetful-delete.itf.json');
const COUNTEREXAMPLE = join(TRACES, 'counterexamples', 'KvStoreViolation-AtMostOneKey.itf.json');

// The helper under test: one test per saved trace, against each implementation.
describe('traceTests on the correct store', () => {
  traceTests(TRACES, kvStoreBinding);
});
describe('traceTests on the forgetful store (the regression trace expects a divergence at state 3)', () => {
  traceTests(TRACES, forgetfulBinding);
});

describe('traceTests: what it finds and what it demands', () => {
  it('finds every *.itf.json under the folder, recursively, in a stable order', () => {
    expect(listTraceFiles(TRACES)).toEqual([COUNTEREXAMPLE, REGRESSION]);
    expect(listTraceFiles(join(TRACES, 'missing'))).toEqual([]);
  });

  it('fails with the divergence when a trace that must pass diverges', async () => {
    await expect(replayTraceFile(REGRESSION, { ...forgetfulBinding, name: 'other' })).rejects.toThrow(
      /diverges from the trace at state 3 differs after Delete\(k = "a"\):\n\s+store\n\s+expected: \[a \|-> 0, b \|-> 0\]\n\s+actual:\s+\[a \|-> 1, b \|-> 0\]/,
    );
  });

  it('fails when a trace that must diverge replays cleanly', async () => {
    await expect(replayTraceFile(COUNTEREXAMPLE, kvStoreBinding, 'diverge')).rejects.toThrow(
      /expected kv-store to diverge from the trace, but all 3 states matched/,
    );
  });

  it('fails when the divergence comes at another state than #meta.divergesAt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-mbt-'));
    const trace = readItf(readFileSync(REGRESSION, 'utf8')).value!;
    const file = join(dir, 'pinned.itf.json');
    saveTrace(trace, file, { expect: 'diverge', divergesAt: 2 });
    await expect(replayTraceFile(file, forgetfulBinding)).rejects.toThrow(
      /expected a divergence at state 2, but it came at state 3/,
    );
  });

  it('fails when the binding lacks an action, even if a divergence is expected', async () => {
    const noDelete = { ...forgetfulBinding, actions: { Put: forgetfulBinding.actions.Put! } };
    await expect(replayTraceFile(REGRESSION, noDelete)).rejects.toThrow(/has no function for action Delete/);
  });

  it('reports an unreadable trace file with its path', async () => {
    await expect(replayTraceFile(join(TRACES, 'nope.itf.json'), kvStoreBinding)).rejects.toThrow(
      /nope\.itf\.json: file not found/,
    );
  });

  it('replays the model checker counterexample on both stores (it has no Delete)', async () => {
    const trace = readItf(readFileSync(COUNTEREXAMPLE, 'utf8')).value!;
    expect((await replay(trace, forgetfulBinding)).ok).toBe(true);
  });
});
