import { describe, expect, it } from 'vitest';
import { makeRecord, printValue } from '../../src/check/value/index.js';
import { formatItf, readItf, type Trace } from '../../src/trace/index.js';

/** Names that are special to JavaScript objects are plain names in TLA+. */
describe('ITF with variables and fields named like object internals', () => {
  const record = makeRecord(['__proto__', 'constructor'], [2, 1]);
  const trace: Trace = {
    spec: 'Proto',
    vars: ['__proto__', 'constructor', 'y'],
    states: [
      {
        values: Object.fromEntries([
          ['__proto__', record],
          ['constructor', 3],
          ['y', 0],
        ]),
      },
    ],
  };

  it('writes the value of a variable named __proto__ and a record field named __proto__', () => {
    const json = JSON.parse(formatItf(trace)) as { states: Record<string, unknown>[] };
    const state = json.states[0]!;
    expect(Object.keys(state)).toEqual(['#meta', '__proto__', 'constructor', 'y']);
    // (An object literal cannot state this: `{ __proto__: … }` sets a prototype.)
    const written = Object.getOwnPropertyDescriptor(state, '__proto__')?.value as object;
    expect(Object.keys(written)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(written)).toMatch(/^\{"__proto__":\{.*"2".*\},"constructor":/);
  });

  it('reads them back', () => {
    const { value, diagnostics } = readItf(formatItf(trace));
    expect(diagnostics).toEqual([]);
    const values = value!.states[0]!.values;
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor', 'y']);
    expect(printValue(Object.getOwnPropertyDescriptor(values, '__proto__')!.value)).toBe(
      '[__proto__ |-> 2, constructor |-> 1]',
    );
  });

  it('still says when a state has no value for a variable named __proto__', () => {
    const text = JSON.stringify({ vars: ['__proto__'], states: [{ y: 1 }] });
    expect(readItf(text).diagnostics[0]?.message).toContain('variable __proto__ has no value');
  });
});
