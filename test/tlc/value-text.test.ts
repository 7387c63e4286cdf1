import { describe, expect, it } from 'vitest';
import {
  FcnValue,
  IntervalValue,
  ModelValue,
  makeSet,
  printValue,
  RecordValue,
  TupleValue,
  type Value,
  valueEquals,
} from '../../src/check/value/index.js';
import { parseValueText } from '../../src/tlc/index.js';

function read(text: string): Value {
  const { value, error } = parseValueText(text);
  expect(error).toBeUndefined();
  return value!;
}

describe('parseValueText', () => {
  it('reads scalars: booleans, negative integers, strings with escapes', () => {
    expect(read('TRUE')).toBe(true);
    expect(read('FALSE')).toBe(false);
    expect(read('-42')).toBe(-42);
    expect(read('"a\\"b\\\\c\\nd"')).toBe('a"b\\c\nd');
  });

  it('reads bare identifiers as model values', () => {
    expect(read('p1')).toBe(ModelValue.of('p1'));
    expect(read('{p2, p1}')).toEqual(makeSet([ModelValue.of('p1'), ModelValue.of('p2')]));
  });

  it('reads sets into canonical order', () => {
    const s = read('{3, 1, 2, 2}');
    expect(printValue(s)).toBe('{1, 2, 3}');
    expect(printValue(read('{}'))).toBe('{}');
  });

  it('reads tuples, records and :>/@@ functions', () => {
    expect(read('<<1, "a">>')).toEqual(new TupleValue([1, 'a']));
    expect(read('<<>>')).toBe(TupleValue.empty);
    const r = read('[b |-> 2, a |-> 1]');
    expect(r).toBeInstanceOf(RecordValue);
    expect(printValue(r)).toBe('[a |-> 1, b |-> 2]');
    const f = read('(p2 :> 1 @@ p1 :> 2)');
    expect(f).toBeInstanceOf(FcnValue);
    expect(printValue(f)).toBe('(p1 :> 2 @@ p2 :> 1)');
  });

  it('gives functions their canonical form: 1..n domains are tuples, name domains records', () => {
    expect(valueEquals(read('(1 :> "x" @@ 2 :> "y")'), read('<<"x", "y">>'))).toBe(true);
    expect(read('("a" :> 1)')).toBeInstanceOf(RecordValue);
    expect(valueEquals(read('("a" :> 1)'), read('[a |-> 1]'))).toBe(true);
  });

  it('keeps the left value for a key repeated in @@, as TLA+ does', () => {
    expect(printValue(read('(1 :> "l" @@ 1 :> "r" @@ 3 :> "z")'))).toBe('(1 :> "l" @@ 3 :> "z")');
  });

  it('reads intervals and nested values, across line breaks', () => {
    expect(read('2..4')).toEqual(new IntervalValue(2, 4));
    const v = read('[q |-> <<{1, 2}, [x |-> -1]>>,\n   r |-> {<<1, 2>>, <<>>}]');
    expect(printValue(v)).toBe('[q |-> <<{1, 2}, [x |-> -1]>>, r |-> {<<>>, <<1, 2>>}]');
  });

  it('round-trips what the value printer prints', () => {
    const texts = [
      '{<<1, "a">>, <<2, "b">>}',
      '[a |-> {}, b |-> <<TRUE, FALSE>>, c |-> (p1 :> {1} @@ p2 :> {2})]',
      '<<[x |-> 1], [x |-> 2]>>',
      '(<<1, 2>> :> "pair" @@ <<3, 4>> :> "other")',
    ];
    for (const t of texts) expect(printValue(read(t))).toBe(t);
  });

  it('says where text stops being a value', () => {
    expect(parseValueText('{1, 2').error).toMatch(/expected `}`.*at the end/);
    expect(parseValueText('<<1 2>>').error).toMatch(/offset 4/);
    expect(parseValueText('"abc').error).toMatch(/unterminated string/);
    expect(parseValueText('1 2').error).toMatch(/unexpected text after the value/);
  });
});
