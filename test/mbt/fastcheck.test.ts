import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printValue } from '../../src/check/value/index.js';
import {
  checkSpecProperty,
  paramsOf,
  replay,
  saveTrace,
  stepsToTrace,
  traceToSteps,
} from '../../src/mbt/index.js';
import { replayTraceFile } from '../../src/mbt/vitest.js';
import { readItf, writeItf } from '../../src/trace/index.js';
import { forgetfulBinding, kvStoreBinding } from '../fixtures/mbt/kv/bindings.js';
import { kvModel } from './kv-model.js';

describe('checkSpecProperty: random spec behaviours run on the implementation', () => {
  const model = kvModel();

  it('passes on an implementation that follows the spec', async () => {
    const r = await checkSpecProperty(model, kvStoreBinding, { numRuns: 60, seed: 42 });
    expect(r).toEqual({ ok: true, numRuns: 60 });
  });

  it('fails on the forgetful store with a minimal behaviour: one Put, then the Delete of that key', async () => {
    const r = await checkSpecProperty(model, forgetfulBinding, { numRuns: 200, seed: 7 });
    if (r.ok) throw new Error('expected the forgetful store to fail');
    expect(r.steps).toHaveLength(3);
    expect(r.steps.map((s) => s.action?.name)).toEqual([undefined, 'Put', 'Delete']);
    expect(paramsOf(r.steps[2]!.action)).toEqual({ k: paramsOf(r.steps[1]!.action).k });
    expect(r.message).toMatch(/state 3 differs from the spec after Delete\(k = "[ab]"\)/);
    expect(r.message).toMatch(/store\n\s+expected: \[a \|-> 0, b \|-> 0\]/);
  });

  it('gives the shrunk behaviour as a trace that survives ITF and that replay also fails on', async () => {
    const r = await checkSpecProperty(model, forgetfulBinding, { numRuns: 200, seed: 7 });
    if (r.ok) throw new Error('expected the forgetful store to fail');
    expect(r.trace.spec).toBe('KvStore');
    expect(r.trace.vars).toEqual(['store', 'writes']);
    const reread = readItf(JSON.stringify(writeItf(r.trace))).value!;
    const failed = await replay(reread, forgetfulBinding);
    expect(failed.ok).toBe(false);
    expect(failed.failure).toMatchObject({ step: 3, action: 'Delete', reason: 'state-mismatch' });
    expect(failed.failure!.diff.map((d) => d.variable)).toEqual(['store']);
    // The correct store follows the same behaviour to the end.
    expect(await replay(traceToSteps(reread), kvStoreBinding)).toEqual({ ok: true, stepsChecked: 3 });
  });

  it('saving the shrunk behaviour makes it a regression test for both stores', async () => {
    const r = await checkSpecProperty(model, forgetfulBinding, { numRuns: 200, seed: 11 });
    if (r.ok) throw new Error('expected the forgetful store to fail');
    const file = join(mkdtempSync(join(tmpdir(), 'tlaw-fc-')), 'forgetful.itf.json');
    saveTrace(r.trace, file, {
      expect: { [kvStoreBinding.name]: 'pass', [forgetfulBinding.name]: 'diverge' },
      divergesAt: r.steps.length,
    });
    await replayTraceFile(file, kvStoreBinding);
    await replayTraceFile(file, forgetfulBinding);
  });

  it('stays inside the spec: generated Puts never exceed the write budget', async () => {
    const r = await checkSpecProperty(model, kvStoreBinding, { numRuns: 30, seed: 3, maxCommands: 12 });
    expect(r.ok).toBe(true);
  });

  it('explores no state beyond a CONSTRAINT, like the model checker', async () => {
    let mostWrites = 0;
    const watched = {
      ...kvStoreBinding,
      observe: (sut: Parameters<typeof kvStoreBinding.observe>[0]) => {
        mostWrites = Math.max(mostWrites, sut.writes);
        return kvStoreBinding.observe(sut);
      },
    };
    const r = await checkSpecProperty(kvModel('KvStoreBounded.cfg'), watched, { numRuns: 40, seed: 5 });
    expect(r.ok).toBe(true);
    // FewWrites == writes < 2: a state with 2 writes is reached but not left by another Put.
    expect(mostWrites).toBe(2);
  });

  it('reports an initial state the implementation does not have', async () => {
    const wrongStart = { ...kvStoreBinding, name: 'wrong-start', observe: () => ({ writes: 1 }) };
    const r = await checkSpecProperty(model, wrongStart, { numRuns: 5, seed: 1 });
    if (r.ok) throw new Error('expected a failure');
    expect(r.message).toMatch(/initial state differs/);
    expect(r.steps).toHaveLength(1);
    expect(printValue(r.steps[0]!.values.writes!)).toBe('0');
  });
});

describe('stepsToTrace', () => {
  it('labels the initial state and keeps each parameter once', () => {
    const trace = stepsToTrace(
      [
        { values: { x: 0 } },
        {
          action: {
            name: 'Inc',
            params: [
              ['n', 1],
              ['n', 1],
            ],
          },
          values: { x: 1 },
        },
      ],
      { spec: 'Counter' },
    );
    expect(trace.vars).toEqual(['x']);
    expect(trace.states[0]!.action).toEqual({ name: 'Initial predicate', params: [] });
    expect(trace.states[1]!.action).toEqual({ name: 'Inc', params: [['n', 1]] });
  });
});
