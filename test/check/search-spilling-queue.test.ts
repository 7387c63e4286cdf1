import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/check/model.js';
import { bfs, MemoryStateQueue } from '../../src/check/search/index.js';
import { SpillingStateQueue } from '../../src/check/search/spilling-queue.js';
import { makeRecord, makeSet } from '../../src/check/value/index.js';
import { action, toyModel } from '../fixtures/search/toy-model.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'spill-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const stateOf = (i: number): State => [i, `s${i % 7}`, makeSet([i % 3, 5]), makeRecord(['k'], [i])];

describe('a queue that spills to disk beyond its memory budget', () => {
  it('gives the states back in order, with their ids, across segments on disk', () => {
    const dir = tempDir();
    const q = new SpillingStateQueue({ memoryBytes: 2000, variables: 4, dir, segmentStates: 16 });
    const out = { state: [] as State, id: -1 };
    let next = 0;
    for (let i = 0; i < 500; i++) {
      q.enqueue(stateOf(i), 1000 + i);
      if (i % 3 === 0) {
        expect(q.dequeue(out)).toBe(true);
        expect(out.id).toBe(1000 + next);
        expect(out.state).toEqual(stateOf(next));
        next++;
      }
    }
    expect(q.segmentsSpilled).toBeGreaterThan(0);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    expect(q.bytesInMemory).toBeLessThan(2000 + 16 * 40 * 4);
    while (q.dequeue(out)) {
      expect(out.id).toBe(1000 + next);
      next++;
    }
    expect(next).toBe(500);
    expect(q.size).toBe(0);
    expect(readdirSync(dir)).toEqual([]); // each segment file is removed once read
  });

  it('leaves the search unchanged: same counts and counterexample as the in-memory queue', () => {
    const model = () =>
      toyModel({
        variables: ['x', 'y'],
        init: [[0, 0]],
        actions: [
          action('X', (s) => ((s[0] as number) < 40 ? [[(s[0] as number) + 1, s[1]!]] : [])),
          action('Y', (s) => ((s[1] as number) < 40 ? [[s[0]!, (s[1] as number) + 1]] : [])),
        ],
        invariants: { Sum: (s) => (s[0] as number) + (s[1] as number) < 70 },
      });
    const memory = bfs(model(), { queue: new MemoryStateQueue() });
    const dir = tempDir();
    const spilling = new SpillingStateQueue({ memoryBytes: 512, variables: 2, dir, segmentStates: 8 });
    const spilled = bfs(model(), { queue: spilling });
    expect(spilling.segmentsSpilled).toBeGreaterThan(0);
    const { durationMs: _a, ...m } = memory;
    const { durationMs: _b, ...s } = spilled;
    expect(s).toEqual(m);
    expect(m.result).toBe('invariant-violation');
    spilling.dispose();
    expect(existsSync(dir)).toBe(true); // a folder given by the caller stays; its files are gone
    expect(readdirSync(dir)).toEqual([]);
  });
});
