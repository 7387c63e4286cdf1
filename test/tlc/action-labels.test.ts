/**
 * TLC's three ways of labelling a trace step, read from its outputs: the
 * name with argument values (`<Finish("b",1) line …>`, current TLC), the
 * name alone (older releases), and the enclosing definition (`<Next …>`).
 */
import { describe, expect, it } from 'vitest';
import { parseActionLabel, readTlcTraceJson } from '../../src/tlc/index.js';
import { FIXTURES, listCases } from './conformance-cases.js';

describe('parseActionLabel', () => {
  it('splits the name from the printed argument values', () => {
    const l = parseActionLabel('<Finish("b",1) line 11, col 17 to line 11, col 103 of module ParamActions>');
    expect(l.name).toBe('Finish');
    expect(l.args).toEqual(['"b"', '1']);
    expect(l.location).toMatchObject({ line: 11, col: 17, module: 'ParamActions' });
  });

  it('keeps structured arguments whole: tuples, records, sets, strings with commas', () => {
    const l = parseActionLabel(
      '<Send(<<1, 2>>, [a |-> 1, b |-> {2, 3}], "x, y") line 1, col 1 to line 1, col 9 of module M>',
    );
    expect(l.name).toBe('Send');
    expect(l.args).toEqual(['<<1, 2>>', '[a |-> 1, b |-> {2, 3}]', '"x, y"']);
  });

  it('reads the older form and the enclosing definition as a name without arguments', () => {
    expect(parseActionLabel('<Start line 10, col 13 to line 10, col 95 of module P>')).toMatchObject({
      name: 'Start',
    });
    expect(parseActionLabel('<Start line 10, col 13 to line 10, col 95 of module P>').args).toBeUndefined();
    expect(parseActionLabel('<Next line 19, col 12 to line 19, col 46 of module U>').name).toBe('Next');
    expect(parseActionLabel('<Initial predicate>')).toEqual({ name: 'Initial predicate' });
  });
});

describe('readTlcTraceJson', () => {
  it('keeps the parameter values TLC records as context', () => {
    const c = listCases(FIXTURES).find((x) => x.name === '55-param-actions')!;
    const trace = readTlcTraceJson(c.traceJson!).value!;
    expect(trace.states[4]!.action).toMatchObject({ name: 'Finish', context: { w: 'b', n: 1 } });
  });
});
