import { describe, expect, it } from 'vitest';
import { FingerprintIndex } from '../../src/check/search/fingerprint-index.js';
import { Insert, LevelOwners } from '../../src/check/search/parallel/level-owners.js';
import { StateReader, StateWriter, StringTable } from '../../src/check/search/state-codec.js';
import { MemoryStateStore } from '../../src/check/search/store.js';
import {
  FcnValue,
  fingerprintValues,
  IntervalValue,
  ModelValue,
  makeRecord,
  makeSet,
  type RecordValue,
  TupleValue,
  type Value,
} from '../../src/check/value/index.js';

describe("a level's owners' table", () => {
  it('keeps the earliest generator of a level as owner, whichever came first', () => {
    const owners = new LevelOwners(16);
    // Level starting at id 10: state 15 finds it first, then state 12 takes it over.
    expect(owners.insert(7, 8, 15, 10)).toBe(Insert.added);
    expect(owners.insert(7, 8, 12, 10)).toBe(Insert.lowered);
    expect(owners.insert(7, 8, 14, 10)).toBe(Insert.owned);
    expect(owners.ownerOf(7, 8, 10)).toBe(12);
  });

  it('reuses the slots of earlier levels without clearing them', () => {
    const owners = new LevelOwners(1024);
    for (let i = 0; i < 700; i++) owners.insert(i, i * 7, 10 + (i % 5), 10);
    owners.addCount(700); // the inserting threads count in batches
    expect(owners.size).toBe(700);
    owners.startLevel(); // next level: ids from 20
    expect(owners.size).toBe(0);
    expect(owners.ownerOf(3, 21, 20)).toBeUndefined();
    // The same fingerprints again count as new, and the table does not fill up.
    for (let i = 0; i < 700; i++) expect(owners.insert(i, i * 7, 25, 20)).toBe(Insert.added);
    for (let i = 700; i < 750; i++) expect(owners.insert(i, i * 7, 26, 20)).toBe(Insert.added);
    expect(owners.ownerOf(3, 21, 20)).toBe(25);
    expect(owners.ownerOf(720, 720 * 7, 20)).toBe(26);
    expect(owners.ownerOf(9999, 1, 20)).toBeUndefined();
  });
});

describe("the store's fingerprints seen from another thread", () => {
  it('answers lookups from the shared buffers as the store does', () => {
    const store = new MemoryStateStore(16, { shared: true });
    for (let i = 0; i < 100_000; i++) store.add(i * 2654435761, i ^ 0x5bd1e995, i - 1);
    const reader = FingerprintIndex.ofView(structuredClone(store.view()));
    for (let i = 0; i < 100_000; i += 101) expect(reader.has(i * 2654435761, i ^ 0x5bd1e995)).toBe(true);
    expect(reader.has(3, 3)).toBe(false);
    // A view shares memory: states added into existing chunks are seen without a new view.
    const before = store.version;
    store.add(1, 1, 0);
    if (store.version === before) expect(reader.has(1, 1)).toBe(true);
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

  it('keep the hashes their values had computed, so decoded states are not hashed again', () => {
    const record = makeRecord(['a', 'b'], [makeSet([1, 2]), new TupleValue([3, 'x'])]);
    const fresh = makeRecord(['a'], [makeSet([4])]);
    const want = new Uint32Array(2);
    fingerprintValues([record], want); // computes and keeps the record's hash (and its parts')
    const writer = new StateWriter();
    writer.write([record, fresh]);
    const [decoded, decodedFresh] = new StateReader().read(writer.take(), 0, 2) as [RecordValue, RecordValue];
    expect([decoded.fpHi, decoded.fpLo]).toEqual([record.fpHi, record.fpLo]);
    expect(decoded.fpHi | decoded.fpLo).not.toBe(0);
    expect(decodedFresh.fpHi | decodedFresh.fpLo).toBe(0); // never hashed: computed when needed
    const got = new Uint32Array(2);
    fingerprintValues([decoded], got);
    expect([...got]).toEqual([...want]);
  });

  it('take one word per string with a string table', () => {
    const state: Value[] = [makeRecord(['status', 'user'], ['pending', 'alice'])];
    const inline = new StateWriter();
    inline.write(state);
    const numbered = new StateWriter(new StringTable());
    numbered.write(state);
    expect(numbered.length).toBe(4 + 2 * 3); // kind, hash (2), field count; per field: name, value kind, string
    expect(inline.length).toBeGreaterThan(numbered.length + 6);
  });
});
