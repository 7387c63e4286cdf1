import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageData, readSources, SEP } from '../../src/explore/index.js';
import { readItf, type Trace } from '../../src/trace/index.js';

function trace(file: string): Trace {
  const read = readItf(readFileSync(file, 'utf8'), file);
  if (!read.value) throw new Error(read.diagnostics.map((d) => d.message).join('; '));
  return read.value;
}

const CHECK_THEN_ACT = 'traces/idempotency/idempotency-check-then-act-AtMostOnceEffect.itf.json';

describe('explorer page data', () => {
  it('gives each step its action, parameters, location and the values it changed', () => {
    const data = pageData(trace(CHECK_THEN_ACT));
    expect(data.states.map((s) => s.action?.name)).toEqual([
      'Initial predicate',
      'Receive',
      'Receive',
      'Insert',
      'Process',
      'Insert',
      'Process',
    ]);
    const insert = data.states[3]!;
    expect(insert.action?.params).toEqual([['w', '"w1"']]);
    expect(insert.action?.loc).toMatchObject({ file: 'specs/IdempotencyStore.tla', line: 168, endLine: 173 });
    expect(insert.changed.filter((p) => !p.includes(SEP))).toEqual(['records', 'workers', 'nextToken']);
    // Nested changes are paths through records and functions.
    expect(insert.changed).toContain(`records${SEP}<<"alice", "k1">>${SEP}status`);
    expect(insert.changed).not.toContain(`records${SEP}<<"alice", "k1">>${SEP}createdAt`);
    expect(data.states[0]!.changed).toEqual([]);
    expect(data.title).toBe('IdempotencyStore / CheckThenAct: AtMostOnceEffect invariant-violation');
  });

  it('shows values as trees keyed by field, argument, position and element', () => {
    const data = pageData(trace(CHECK_THEN_ACT));
    const last = data.states[6]!.values;
    expect(last.workers).toMatchObject({
      k: 'record',
      c: [
        ['w1', { k: 'record' }],
        ['w2', { k: 'record' }],
      ],
    });
    const records = last.records!;
    expect(records.k).toBe('function');
    if (records.k === 'atom') throw new Error('records is a function');
    expect(records.c[0]![0]).toBe('<<"alice", "k1">>');
    expect(last.responses!.k).toBe('set');
  });

  it('marks where a lasso goes back to, and a behaviour that ends stuttering', () => {
    const lasso = pageData(trace('test/explore/fixtures/lasso.itf.json'));
    expect(lasso.backTo).toBe(2);
    expect(lasso.loopAction?.name).toBe('Next');
    expect(lasso.stuttering).toBe(false);
    const stutter = pageData(trace('test/explore/fixtures/stutter.itf.json'));
    expect(stutter.stuttering).toBe(true);
    expect(stutter.backTo).toBeUndefined();
  });

  it("finds the spec sources the trace's actions point into", () => {
    const t = trace(CHECK_THEN_ACT);
    const sources = readSources(t, CHECK_THEN_ACT);
    expect(Object.keys(sources)).toEqual(['specs/IdempotencyStore.tla']);
    expect(sources['specs/IdempotencyStore.tla']).toMatch(/-+ MODULE IdempotencyStore -+/);
  });
});
