import { describe, expect, it } from 'vitest';
import { bfs, simulate } from '../../src/check/search/index.js';
import { action, toyModel } from '../fixtures/search/toy-model.js';

/** x counts up to 99: 100 distinct states, one per BFS level. */
const counter = () =>
  toyModel({
    variables: ['x'],
    init: [[0]],
    actions: [action('Next', (s) => ((s[0] as number) < 99 ? [[(s[0] as number) + 1]] : []))],
  });

/** A stop request that answers `reason` from its `after`-th call on. */
function stopAfter(after: number, reason = 'SIGINT') {
  let calls = 0;
  return () => (++calls > after ? reason : undefined);
}

describe('stopping a search (SIGINT, SIGTERM)', () => {
  it('bfs stops with the counts so far and says the state space was not fully explored', () => {
    const r = bfs(counter(), { checkDeadlock: false, stop: stopAfter(10, 'SIGTERM') });
    expect(r.result).toBe('error');
    expect(r.message).toMatch(/stopped \(SIGTERM\).*not fully explored/);
    // 10 states explored; the 11th, taken off the queue but not explored, is still left on it.
    expect(r).toMatchObject({ distinctStates: 11, totalStates: 11, statesLeftOnQueue: 1, depth: 11 });
  });

  it('bfs without a stop request runs to the end', () => {
    const r = bfs(counter(), { checkDeadlock: false, stop: () => undefined });
    expect(r).toMatchObject({ result: 'ok', distinctStates: 100, statesLeftOnQueue: 0 });
  });

  it('simulation stops before the next behaviour with the counts so far', () => {
    const r = simulate(counter(), {
      behaviours: 1000,
      depth: 5,
      seed: 1,
      checkDeadlock: false,
      stop: stopAfter(3),
    });
    expect(r.result).toBe('error');
    expect(r.message).toContain('stopped (SIGINT)');
    // The initial state, then 4 successors in each of the 3 behaviours of 5 states walked.
    expect(r).toMatchObject({ totalStates: 1 + 3 * 4, depth: 5 });
  });
});
