import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/check/search/index.js';

describe('a seen-state store filled without lookups (the parallel search)', () => {
  it('numbers the states in order and finds them all once it is looked up again', () => {
    const store = new MemoryStateStore(16);
    expect(store.add(7, 7, -1)).toBe(0);
    // Far more than the initial capacity, so the arrays grow while the table is not kept.
    for (let i = 1; i < 5000; i++) expect(store.addNew(i * 31, i, i - 1)).toBe(i);
    expect(store.size).toBe(5000);
    expect(store.has(31 * 2500, 2500)).toBe(true);
    expect(store.has(1, 1)).toBe(false);
    expect(store.add(31 * 4999, 4999, 0)).toBe(-1); // a duplicate of an unlooked-up state
    expect(store.add(1, 1, 4999)).toBe(5000);
    expect(store.parentOf(4999)).toBe(4998);
    const fp = new Uint32Array(2);
    store.fingerprintOf(1234, fp);
    expect([...fp]).toEqual([31 * 1234, 1234]);
  });
});
