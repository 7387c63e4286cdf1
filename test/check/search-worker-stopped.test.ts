/**
 * A parallel search whose worker thread stops (out of memory, a crash) ends
 * with an error naming the worker and the cause, instead of waiting for ever.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bfs } from '../../src/check/search/index.js';
import { WorkerLevelSearch } from '../../src/check/search/parallel/worker-level-search.js';
import { WorkerStoppedError } from '../../src/check/search/parallel/worker-pool.js';
import { resetStringOrder } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';

const fixtures = join(import.meta.dirname, '../fixtures/search/parallel');
const dyingEntry = new URL('../fixtures/search/parallel/dying-worker.ts', import.meta.url);

function searchWith(die: 'exit' | 'throw'): unknown {
  resetStringOrder();
  const model = loadModel(join(fixtures, 'Grid.tla'), join(fixtures, 'GridOk.cfg'), { print: () => {} })
    .model!;
  const levels = new WorkerLevelSearch({ workers: 2, entry: dyingEntry, source: { die } });
  try {
    bfs(model, { levels });
    return undefined;
  } catch (err) {
    return err;
  }
}

describe('a search worker that stops', () => {
  it('ends the search with the exit code it stopped with', () => {
    const err = searchWith('exit');
    expect(err).toBeInstanceOf(WorkerStoppedError);
    expect((err as Error).message).toMatch(/search worker [12] stopped: it exited with code 3/);
  }, 60_000);

  it('ends the search with the error it died of', () => {
    const err = searchWith('throw');
    expect(err).toBeInstanceOf(WorkerStoppedError);
    expect((err as Error).message).toMatch(/search worker [12] stopped: a crash in the worker/);
  }, 60_000);

  it('is not reused: the next search starts fresh threads (and meets the same end)', () => {
    for (let i = 0; i < 2; i++) {
      const err = searchWith('exit');
      expect((err as Error).message).toMatch(/search worker [12] stopped: it exited with code 3/);
    }
  }, 60_000);
});
