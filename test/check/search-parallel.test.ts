import { describe, expect, it } from 'vitest';
import { Insert, SharedFingerprintSet } from '../../src/check/search/shared-fingerprints.js';
import { StateReader, StateWriter, StringTable } from '../../src/check/search/state-codec.js';
import {
  FcnValue,
  fingerprintValues,
  IntervalValue,
  ModelValue,
  makeRecord,
  makeSet,
  TupleValue,
  type Value,
} from '../../src/check/value/index.js';

describe('shared fingerprint set', () => {
  it('keeps the earliest generator of a level as owner, whichever came first', () => {
    const set = new SharedFingerprintSet(16);
    expect(set.insert(1, 2, -1, 0)).toBe(Insert.added); // an initial state
    // Level starting at id 10: state 15 finds it first, then state 12 takes it over.
    expect(set.insert(7, 8, 15, 10)).toBe(Insert.added);
    expect(set.insert(7, 8, 12, 10)).toBe(Insert.lowered);
    expect(set.insert(7, 8, 14, 10)).toBe(Insert.owned);
    expect(set.ownerOf(7, 8)).toBe(12);
    expect(set.insert(1, 2, 11, 10)).toBe(Insert.seenBefore);
    // The next level (starting at id 20) sees it as old.
    expect(set.insert(7, 8, 21, 20)).toBe(Insert.seenBefore);
    expect(set.size).toBe(2);
  });

  it('grows keeping the fingerprints of finished levels and dropping an unfinished one', () => {
    const set = new SharedFingerprintSet(16);
    for (let i = 0; i < 10; i++) set.insert(i, i * 7, i - 1, 0);
    const grown = set.rebuilt(4096, 5); // owners 5 and above were found in an unfinished level
    expect(grown.capacity).toBe(4096);
    expect(grown.size).toBe(6);
    expect(grown.ownerOf(3, 21)).toBe(2);
    expect(grown.ownerOf(8, 56)).toBeUndefined();
  });
});

describe('serialized states', () => {
  it('decode to equal values with the same fingerprint', () => {
    const states: Value[][] = [
      [true, false, -5, 2147483647, '', 'héllo wörld', 'odd'],
      [makeSet([3, 1, 2]), makeSet([]), new IntervalValue(2, 9), ModelValue.of('m_1')],
      [new TupleValue([1, 'a', makeSet(['x'])]), TupleValue.emptyFcn],
      [makeRecord(['b', 'a'], [makeRecord(['z'], [1]), 'v']), new FcnValue([makeSet([1]), 7], ['p', 'q'])],
    ];
    // Strings written inline (between threads), or numbered in a table (a queue of one thread).
    for (const table of [undefined, new StringTable()]) {
      const writer = new StateWriter(table);
      const offsets = states.map((s) => writer.write(s));
      const words = writer.take();
      const reader = new StateReader(table);
      const want = new Uint32Array(2);
      const got = new Uint32Array(2);
      states.forEach((s, i) => {
        const decoded = reader.read(words, offsets[i]!, s.length);
        fingerprintValues(s, want);
        fingerprintValues(decoded, got);
        expect([...got]).toEqual([...want]);
      });
    }
  });

  it('take one word per string with a string table', () => {
    const state: Value[] = [makeRecord(['status', 'user'], ['pending', 'alice'])];
    const inline = new StateWriter();
    inline.write(state);
    const numbered = new StateWriter(new StringTable());
    numbered.write(state);
    expect(numbered.length).toBe(2 + 2 * 3); // kind, field count; per field: name, value kind, string
    expect(inline.length).toBeGreaterThan(numbered.length + 6);
  });
});
