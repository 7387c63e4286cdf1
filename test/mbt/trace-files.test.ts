import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueEquals } from '../../src/check/value/index.js';
import {
  expectationOf,
  readTraceFile,
  saveTrace,
  stepsToTrace,
  tlaSeq,
  traceMismatch,
  traceToSteps,
} from '../../src/mbt/index.js';
import { KV_DIR, kvModel } from './kv-model.js';

const trace = stepsToTrace(
  [{ values: { q: tlaSeq([]) } }, { action: { name: 'Push', params: { x: 3 } }, values: { q: tlaSeq([3]) } }],
  { spec: 'Queue', model: 'Small', result: 'implementation-divergence' },
);

describe('saveTrace and readTraceFile', () => {
  it('writes formatted ITF, creating folders, and reads back the same trace and the expectation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-mbt-'));
    const file = join(dir, 'deep', 'er', 'push.itf.json');
    const saved = saveTrace(trace, file, { expect: { queue: 'pass' }, divergesAt: 2 });
    expect(saved).toEqual({ value: file, diagnostics: [] });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\{\n {2}"#meta": \{/);
    const read = readTraceFile(file).value!;
    expect(read.trace).toMatchObject({ spec: 'Queue', model: 'Small', vars: ['q'] });
    expect(read.trace.states[1]!.action).toMatchObject({ name: 'Push', params: [['x', 3]] });
    expect(valueEquals(read.trace.states[1]!.values.q!, tlaSeq([3]))).toBe(true);
    expect(expectationOf(read.meta, 'queue')).toEqual({ outcome: 'pass', divergesAt: 2 });
    expect(expectationOf(read.meta, 'other')).toEqual({ divergesAt: 2 });
  });

  it('gives a diagnostic, not an exception, for a folder it cannot create or a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-mbt-'));
    const file = join(dir, 'a.itf.json');
    saveTrace(trace, file);
    const r = saveTrace(trace, join(file, 'below.itf.json'));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]!.message).toMatch(/^Cannot write .*below\.itf\.json/);
    expect(existsSync(join(file, 'below.itf.json'))).toBe(false);
    expect(readTraceFile(join(dir, 'none.itf.json')).diagnostics[0]!.message).toMatch(/file not found/);
  });

  it('traceToSteps keeps the actions and the values of every state', () => {
    const steps = traceToSteps(trace);
    expect(steps).toHaveLength(2);
    expect(steps[1]!.action?.name).toBe('Push');
    expect(steps[0]!.values).toBe(trace.states[0]!.values);
  });

  it('expectationOf accepts one outcome for every binding and ignores nonsense', () => {
    expect(expectationOf({ expect: 'diverge' }, 'any')).toEqual({ outcome: 'diverge' });
    expect(expectationOf({ expect: 'maybe', divergesAt: 0 }, 'any')).toEqual({});
  });
});

describe('traceMismatch: is a saved trace still a behaviour of the spec?', () => {
  const saved = readTraceFile(
    join(KV_DIR, 'traces', 'counterexamples', 'KvStoreViolation-AtMostOneKey.itf.json'),
  ).value!.trace;
  const model = kvModel('KvStoreViolation.cfg');

  it('accepts the counterexample the model checker saved', () => {
    expect(traceMismatch(saved, model)).toBeUndefined();
  });

  it('names the first state the spec no longer reaches', () => {
    const states = saved.states.map((s, i) => (i === 2 ? { ...s, values: { ...s.values, writes: 5 } } : s));
    expect(traceMismatch({ ...saved, states }, model)).toMatch(
      /^state 3 \(Put\(k = "\w", v = \d\)\) is not a successor of state 2 in the spec$/,
    );
    const first = saved.states.map((s, i) => (i === 0 ? { ...s, values: { ...s.values, writes: 1 } } : s));
    expect(traceMismatch({ ...saved, states: first }, model)).toBe(
      'state 1 is not an initial state of the spec',
    );
  });

  it('wants the recorded action and parameters, not only the values', () => {
    const states = saved.states.map((s, i) =>
      i === 1 ? { ...s, action: { ...s.action!, name: 'Delete' } } : s,
    );
    expect(traceMismatch({ ...saved, states }, model)).toMatch(
      /^state 2 \(Delete\(.*\)\) is not a successor/,
    );
  });

  it('wants the named invariant still violated in the last state, and all variables present', () => {
    expect(traceMismatch({ ...saved, states: saved.states.slice(0, -1) }, model)).toBe(
      'the invariant AtMostOneKey holds in the last state',
    );
    expect(traceMismatch({ ...saved, property: 'Gone' }, model)).toBe(
      'the model does not check the invariant Gone',
    );
    expect(traceMismatch({ ...saved, vars: ['store'] }, model)).toBe(
      'the trace has no value for the variable(s) writes',
    );
  });
});
