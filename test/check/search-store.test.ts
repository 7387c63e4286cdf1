import { describe, expect, it } from 'vitest';
import { MemoryStateQueue, MemoryStateStore, pathIds } from '../../src/check/search/index.js';

/** Deterministic pseudo-random 32-bit numbers. */
function* randomUint32(seed: number): Generator<number> {
  let s = seed >>> 0;
  for (;;) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    yield s;
  }
}

describe('MemoryStateStore', () => {
  it('gives new fingerprints consecutive ids and reports repeats as seen', () => {
    const store = new MemoryStateStore(16);
    expect(store.add(1, 2, -1)).toBe(0);
    expect(store.add(1, 3, 0)).toBe(1);
    expect(store.add(2, 2, 0)).toBe(2);
    expect(store.add(1, 2, 1)).toBe(-1);
    expect(store.size).toBe(3);
    expect(store.has(2, 2)).toBe(true);
    expect(store.has(2, 3)).toBe(false);
    expect(store.parentOf(2)).toBe(0);
  });

  it('grows far beyond its initial capacity without losing or confusing fingerprints', () => {
    const store = new MemoryStateStore(16);
    const rnd = randomUint32(42);
    const fps: [number, number][] = [];
    const distinct = new Set<string>();
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) {
      const hi = rnd.next().value!;
      // Share high halves between many entries so both halves matter.
      const lo = i % 3 === 0 ? (fps[i - 1]?.[1] ?? 7) : rnd.next().value!;
      const key = `${hi}:${lo}`;
      const id = store.add(hi, lo, i - 1);
      if (distinct.has(key)) {
        if (id !== -1) wrong++;
      } else {
        if (id !== distinct.size) wrong++;
        distinct.add(key);
        fps.push([hi, lo]);
      }
    }
    expect(wrong).toBe(0);
    expect(store.size).toBe(distinct.size);
    const out = new Uint32Array(2);
    for (let id = 0; id < fps.length; id += 997) {
      store.fingerprintOf(id, out);
      expect([out[0], out[1]]).toEqual(fps[id]);
      expect(store.has(fps[id]![0], fps[id]![1])).toBe(true);
    }
    // Fingerprints that were never added are not seen.
    const other = randomUint32(7);
    let falseSeen = 0;
    for (let i = 0; i < 10_000; i++) if (store.has(other.next().value!, other.next().value!)) falseSeen++;
    expect(falseSeen).toBe(0);
  });

  it('stays under 50 bytes per stored state', () => {
    const store = new MemoryStateStore(16);
    for (let i = 0; i < 200_000; i++) store.add(i * 2654435761, i, i - 1);
    expect(store.bytes / store.size).toBeLessThan(50);
  });

  it('follows parent ids from a state back to its initial state', () => {
    const store = new MemoryStateStore();
    store.add(0, 1, -1);
    store.add(0, 2, -1);
    store.add(0, 3, 1);
    store.add(0, 4, 2);
    expect(pathIds(store, 3)).toEqual([1, 2, 3]);
    expect(pathIds(store, 0)).toEqual([0]);
  });
});

describe('MemoryStateQueue', () => {
  it('is first in, first out across compactions', () => {
    const q = new MemoryStateQueue();
    const entry = { state: [] as readonly unknown[], id: -1 };
    let next = 0;
    for (let i = 0; i < 20_000; i++) {
      q.enqueue([i], i);
      if (i % 3 === 0) {
        expect(q.dequeue(entry as never)).toBe(true);
        expect(entry.id).toBe(next++);
      }
    }
    expect(q.size).toBe(20_000 - next);
    while (q.dequeue(entry as never)) expect(entry.state).toEqual([next++]);
    expect(next).toBe(20_000);
    expect(q.size).toBe(0);
  });
});
