import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTextOutput, readTlcTraceJson } from '../../src/tlc/index.js';
import { FIXTURES, listCases } from './conformance-cases.js';

const fixture = (c: string) => readFileSync(join(FIXTURES, c, 'trace.json'), 'utf8');

describe('readTlcTraceJson', () => {
  it('reads states, variables and action labels with locations', () => {
    const { value, diagnostics } = readTlcTraceJson(fixture('22-second-invariant'));
    expect(diagnostics).toEqual([]);
    expect(value?.vars).toEqual(['x', 'y']);
    expect(value?.states.map((s) => s.values)).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 2, y: 0 },
      { x: 3, y: 0 },
      { x: 4, y: 0 },
    ]);
    expect(value?.states[0]?.action).toEqual({ name: 'Initial predicate' });
    expect(value?.states[1]?.action).toEqual({
      name: 'Next',
      location: { module: 'TwoInvariants', line: 10, col: 12, endLine: 10, endCol: 45 },
    });
    expect(value?.loop).toBeUndefined();
    expect(value?.stuttering).toBe(false);
  });

  it('reads a lasso: the last action goes back to an earlier state', () => {
    const trace = readTlcTraceJson(fixture('40-always-eventually-fail')).value!;
    expect(trace.states).toHaveLength(3);
    expect(trace.loop).toBe(1);
    expect(trace.loopAction?.location?.line).toBe(14);
    expect(trace.stuttering).toBe(false);
  });

  it('reads stuttering: the last action goes from the last state to itself', () => {
    const trace = readTlcTraceJson(fixture('39-liveness-stutter')).value!;
    expect(trace.states).toHaveLength(3);
    expect(trace.stuttering).toBe(true);
    expect(trace.loop).toBeUndefined();
  });

  it('names the file when the JSON is broken or not a trace', () => {
    const bad = readTlcTraceJson('{"counterexample": ', 'out/trace.json');
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics[0]?.message).toMatch(/^out\/trace\.json is not valid JSON/);
    expect(bad.diagnostics[0]?.loc?.file).toBe('out/trace.json');
    const other = readTlcTraceJson('{"states": []}');
    expect(other.diagnostics[0]?.message).toMatch(/no "counterexample" object/);
  });

  it('agrees with the text output on actions and length for every fixture with a trace.json', () => {
    for (const c of listCases(FIXTURES)) {
      if (!c.traceJson) continue;
      const json = readTlcTraceJson(c.traceJson).value!;
      const text = parseTextOutput(c.text).trace!;
      expect(json.states.length, c.name).toBe(text.states.length);
      // The same names and places; the arguments come printed in one, as JSON `context` in the other.
      const placeOf = ({ name, location }: { name: string; location?: unknown }) => ({ name, location });
      expect(
        json.states.map((s) => placeOf(s.action)),
        c.name,
      ).toEqual(text.states.map((s) => placeOf(s.action)));
      expect(json.loop, c.name).toBe(text.loop);
      expect(json.stuttering, c.name).toBe(text.stuttering);
      expect([...json.vars].sort(), c.name).toEqual([...text.vars].sort());
    }
  });
});
