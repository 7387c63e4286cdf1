import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BuiltinSet,
  IntervalValue,
  ModelValue,
  makeFcn,
  makeRecord,
  makeSet,
  printValue,
  TupleValue,
  type Value,
  valueEquals,
} from '../../src/check/value/index.js';
import {
  formatItf,
  fromItfValue,
  readItf,
  type Trace,
  toItfValue,
  traceFilePath,
  writeItf,
} from '../../src/trace/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'trace');
const p1 = ModelValue.of('p1');
const p2 = ModelValue.of('p2');

/** Through JSON text and back. */
function roundTrip(v: Value): Value {
  return fromItfValue(JSON.parse(JSON.stringify(toItfValue(v))));
}

describe('ITF values', () => {
  const kinds: [string, Value, unknown][] = [
    ['TRUE', true, true],
    ['FALSE', false, false],
    ['a negative integer', -7, { '#bigint': '-7' }],
    ['a string with escapes', 'a"b\\c\n', 'a"b\\c\n'],
    ['a model value', p1, { '#unserializable': 'p1' }],
    ['a set', makeSet([3, 1, 2]), { '#set': [{ '#bigint': '1' }, { '#bigint': '2' }, { '#bigint': '3' }] }],
    ['the empty set', makeSet([]), { '#set': [] }],
    ['a tuple', new TupleValue([1, 'a']), [{ '#bigint': '1' }, 'a']],
    ['the empty sequence', TupleValue.empty, []],
    ['a record', makeRecord(['b', 'a'], [true, 'x']), { a: 'x', b: true }],
    [
      'a function on strings that are not field names',
      makeFcn(['a b', 'c-d'], [1, 2]),
      {
        '#map': [
          ['a b', { '#bigint': '1' }],
          ['c-d', { '#bigint': '2' }],
        ],
      },
    ],
    [
      'a function on model values',
      makeFcn([p1, p2], [true, false]),
      {
        '#map': [
          [{ '#unserializable': 'p1' }, true],
          [{ '#unserializable': 'p2' }, false],
        ],
      },
    ],
    [
      'a function on 0..1',
      makeFcn([0, 1], ['z', 'o']),
      {
        '#map': [
          [{ '#bigint': '0' }, 'z'],
          [{ '#bigint': '1' }, 'o'],
        ],
      },
    ],
    ['Nat', new BuiltinSet('Nat'), { '#unserializable': 'Nat' }],
  ];
  for (const [what, value, itf] of kinds) {
    it(`writes and reads back ${what}`, () => {
      expect(toItfValue(value)).toEqual(itf);
      const back = roundTrip(value);
      expect(printValue(back)).toBe(printValue(value));
      if (!(value instanceof BuiltinSet)) expect(valueEquals(back, value)).toBe(true);
    });
  }

  it('writes an interval as the set it is', () => {
    expect(valueEquals(roundTrip(new IntervalValue(2, 4)), makeSet([2, 3, 4]))).toBe(true);
  });

  it('round-trips nested values: functions from tuples to sets of records', () => {
    const v = makeFcn(
      // Canonical domain order: model values sort before integers.
      [new TupleValue([p1, 'x']), new TupleValue([1, 2])],
      [makeSet([]), makeSet([makeRecord(['f'], [p2]), makeRecord(['f'], [makeSet([])])])],
    );
    const back = roundTrip(v);
    expect(valueEquals(back, v)).toBe(true);
    expect(printValue(back)).toBe(printValue(v));
  });

  it('reads an object whose keys are not field names as a function on strings', () => {
    const v = fromItfValue({ 'b c': 1, a: 2 });
    expect(printValue(v)).toBe('("a" :> 2 @@ "b c" :> 1)');
    expect(valueEquals(v, makeFcn(['a', 'b c'], [2, 1]))).toBe(true);
  });

  it('reads the forms other tools write: plain numbers, #tup, #map with keys 1..n', () => {
    expect(fromItfValue(5)).toBe(5);
    expect(fromItfValue({ '#tup': [1, 'a'] })).toEqual(new TupleValue([1, 'a']));
    expect(
      valueEquals(
        fromItfValue({
          '#map': [
            [2, 'b'],
            [1, 'a'],
          ],
        }),
        new TupleValue(['a', 'b']),
      ),
    ).toBe(true);
  });

  it('names the place of a value it cannot read', () => {
    expect(() => fromItfValue({ '#set': [1, { '#bigint': 'x' }] })).toThrow(
      '$["#set"][1]: "#bigint" must hold a decimal string',
    );
    expect(() =>
      fromItfValue({
        '#map': [
          [1, 2],
          [1, 3],
        ],
      }),
    ).toThrow('"#map" has a key twice');
    expect(() => fromItfValue({ '#unserializable': 'SUBSET Nat' })).toThrow('cannot be loaded');
    expect(() => fromItfValue(1.5)).toThrow('1.5 is not an integer');
    expect(() => fromItfValue({ '#bigint': '9007199254740993' })).toThrow('too large');
  });
});

const sample: Trace = {
  spec: 'Mutex',
  model: 'Mutex',
  property: 'Safe',
  result: 'invariant-violation',
  vars: ['pc', 'owner'],
  states: [
    {
      action: { name: 'Initial predicate', params: [] },
      values: { pc: makeFcn([p1, p2], ['idle', 'idle']), owner: p1 },
    },
    {
      action: {
        name: 'Enter',
        module: 'Mutex',
        loc: { file: 'specs/Mutex.tla', line: 12, col: 3, endLine: 14, endCol: 20 },
        params: [
          ['self', p2],
          ['n', 3],
        ],
      },
      values: { pc: makeFcn([p1, p2], ['idle', 'cs']), owner: p2 },
    },
  ],
  loop: 0,
  loopAction: { name: 'Leave', params: [['self', p2]] },
};

describe('ITF traces', () => {
  it('writes #meta for the trace and for each state, with the action, its location and parameters', () => {
    const itf = writeItf(sample);
    expect(itf['#meta']).toMatchObject({
      format: 'ITF',
      spec: 'Mutex',
      model: 'Mutex',
      property: 'Safe',
      source: 'Mutex.tla',
    });
    expect(itf.vars).toEqual(['pc', 'owner']);
    expect(itf.loop).toBe(0);
    expect(itf.states[1]?.['#meta']).toEqual({
      index: 1,
      action: {
        name: 'Enter',
        module: 'Mutex',
        location: { file: 'specs/Mutex.tla', line: 12, col: 3, endLine: 14, endCol: 20 },
        params: { self: { '#unserializable': 'p2' }, n: { '#bigint': '3' } },
      },
    });
    expect(itf.states[1]?.owner).toEqual({ '#unserializable': 'p2' });
  });

  it('reads back what it writes', () => {
    const { value, diagnostics } = readItf(formatItf(sample));
    expect(diagnostics).toEqual([]);
    expect(value).toEqual(sample);
  });

  it('reads an Apalache trace', () => {
    const text = readFileSync(join(FIXTURES, 'apalache-bank.itf.json'), 'utf8');
    const { value, diagnostics } = readItf(text, 'apalache-bank.itf.json');
    expect(diagnostics).toEqual([]);
    expect(value?.spec).toBe('MC_Bank');
    expect(value?.vars).toEqual(['balances', 'owners', 'log']);
    expect(value?.loop).toBe(1);
    expect(value?.states).toHaveLength(3);
    expect(printValue(value!.states[0]!.values.balances!)).toBe('[alice |-> 10, bob |-> 5]');
    expect(printValue(value!.states[2]!.values.log!)).toBe('<<<<"transfer", 3>>, <<"refund", -3>>>>');
    expect(printValue(value!.states[0]!.values.owners!)).toBe('{"p1_OF_PROC", "p2_OF_PROC"}');
    expect(value?.states[0]?.action).toBeUndefined();
  });

  it('reads a Quint trace, taking the action from mbt::actionTaken and mbt::nondetPicks', () => {
    const text = readFileSync(join(FIXTURES, 'quint-counter.itf.json'), 'utf8');
    const trace = readItf(text).value!;
    expect(trace.spec).toBe('counter');
    expect(trace.vars).toEqual(['counter::count', 'counter::seen']);
    expect(trace.states.map((s) => s.action)).toEqual([
      { name: 'init', params: [] },
      { name: 'step', params: [['by', 2]] },
    ]);
    expect(trace.states[1]?.values['counter::count']).toBe(2);
    expect(printValue(trace.states[1]!.values['counter::seen']!)).toBe('(2 :> TRUE)');
  });

  it('reports a broken trace with the file and the JSON path', () => {
    expect(readItf('{', 'a.itf.json').diagnostics[0]?.message).toMatch(/^a\.itf\.json: not valid JSON/);
    expect(readItf({ vars: ['x'], states: [{}] }, 'b.itf.json').diagnostics[0]?.message).toBe(
      'b.itf.json: $.states[0]: variable x has no value',
    );
    expect(readItf({ vars: ['x'], states: [{ x: { '#set': 1 } }] }).diagnostics[0]?.message).toBe(
      '<itf>: $.states[0].x: "#set" must hold a JSON array',
    );
    expect(readItf({ vars: [], states: [{}], loop: 3 }).diagnostics[0]?.message).toMatch(
      /"loop" must be the index/,
    );
  });
});

describe('traceFilePath', () => {
  it('is traces/<spec>/<model>-<property>.itf.json', () => {
    expect(traceFilePath('Mutex', 'MC', 'Safe')).toBe(join('traces', 'Mutex', 'MC-Safe.itf.json'));
    expect(traceFilePath('Mutex', 'MC', null, { dir: '/p/traces', kind: 'deadlock' })).toBe(
      '/p/traces/Mutex/MC-deadlock.itf.json',
    );
    expect(traceFilePath('../x', 'a/b', 'P Q')).toBe(join('traces', '__x', 'a_b-P_Q.itf.json'));
  });
});
