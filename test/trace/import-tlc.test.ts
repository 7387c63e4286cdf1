import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelValue, makeFcn, makeRecord, makeSet, TupleValue } from '../../src/check/value/index.js';
import { cfgPropertyNames } from '../../src/tlc/index.js';
import {
  detectTlcOutputKind,
  importTlcOutput,
  matchesTlcJson,
  readItf,
  tlcOutputToTrace,
  writeItf,
} from '../../src/trace/index.js';
import { caseIt } from '../support/known-failures.js';
import { FIXTURES, listCases, SHARED_CASES } from '../tlc/conformance-cases.js';

describe('importTlcOutput', () => {
  const cases = listCases(FIXTURES);
  const byName = (n: string) => cases.find((c) => c.name === n)!;

  it('tells the three kinds of output apart', () => {
    const c = byName('22-second-invariant');
    expect(detectTlcOutputKind(c.tool)).toBe('tool');
    expect(detectTlcOutputKind(c.text)).toBe('text');
    expect(detectTlcOutputKind(c.traceJson!)).toBe('json');
  });

  it('gives the raw trace of each kind, with the summary for printed outputs', () => {
    const c = byName('40-always-eventually-fail');
    const tool = importTlcOutput(c.tool).value!;
    expect(tool.summary?.violated).toBe('InfOftenZero');
    expect(tool.trace.format).toBe('tla');
    expect(tool.trace.loop).toBe(1);
    const json = importTlcOutput(c.traceJson!).value!;
    expect(json.trace.format).toBe('json');
    expect(json.summary).toBeUndefined();
    expect(json.trace.states.map((s) => s.values)).toEqual([{ x: 0 }, { x: 1 }, { x: 2 }]);
  });

  it('says when an output holds no trace', () => {
    const r = importTlcOutput(byName('01-arith').text, 'auto', { file: 'tlc.out' });
    expect(r.diagnostics[0]?.message).toBe('tlc.out: holds no counterexample trace (TLC found no error)');
  });
});

function checkTraceConversion(c: ReturnType<typeof listCases>[number]) {
  const traceLength = c.expected.traceLength ?? null;
  const meta = { spec: String(c.expected.module), model: String(c.expected.module), specDir: c.dir };
  const r = tlcOutputToTrace(c.tool, meta, { properties: cfgPropertyNames(c.cfg) });
  if (traceLength === null) {
    expect(r.value).toBeUndefined();
    return;
  }
  expect(r.diagnostics).toEqual([]);
  const trace = r.value!;
  expect(trace.states).toHaveLength(Number(traceLength));
  expect(trace.result).toBe(c.expected.result);
  expect(trace.property ?? null).toBe(c.expected.violated ?? null);
  expect(trace.states[0]?.action?.name).toBe('Initial predicate');
  // The printed trace and the JSON one describe the same states.
  if (c.traceJson) {
    const json = importTlcOutput(c.traceJson).value!.trace;
    trace.states.forEach((s, i) => {
      for (const [name, v] of Object.entries(s.values)) {
        expect(matchesTlcJson(v, json.states[i]!.values[name]), `${c.name} state ${i + 1} ${name}`).toBe(
          true,
        );
      }
    });
  }
  expect(readItf(JSON.parse(JSON.stringify(writeItf(trace)))).value).toEqual(trace);
}

describe('TLC traces to ITF (fixtures)', () => {
  for (const c of listCases(FIXTURES)) it(c.name, () => checkTraceConversion(c));
});

describe.skipIf(!existsSync(SHARED_CASES))('TLC traces to ITF (whole conformance suite)', () => {
  for (const c of listCases(SHARED_CASES))
    caseIt('import-tlc', c.name)(c.name, () => checkTraceConversion(c));
});

describe('matchesTlcJson', () => {
  const mv = ModelValue.of('m1');
  it('accepts the lossy forms TLC writes', () => {
    expect(matchesTlcJson(makeSet([1, 2]), [2, 1])).toBe(true);
    expect(matchesTlcJson(new TupleValue([1, 2]), [1, 2])).toBe(true);
    expect(matchesTlcJson(makeRecord(['a'], [mv]), { a: 'm1' })).toBe(true);
    expect(matchesTlcJson(makeFcn([mv], [makeSet([])]), { m1: [] })).toBe(true);
    expect(matchesTlcJson(TupleValue.empty, {})).toBe(true);
  });
  it('rejects what TLC would have written differently', () => {
    expect(matchesTlcJson(new TupleValue([1, 2]), [2, 1])).toBe(false);
    expect(matchesTlcJson(makeSet([1, 2]), [1, 1])).toBe(false);
    expect(matchesTlcJson(makeRecord(['a'], [1]), { a: 1, b: 2 })).toBe(false);
    expect(matchesTlcJson(1, '1')).toBe(false);
  });
});
