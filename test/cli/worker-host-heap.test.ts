/**
 * The thread that runs tlaw may grow its heap to 3/4 of the machine's
 * memory (V8's default is less than a large model's live queue needs),
 * unless the user sets the limit.
 */
import { totalmem } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { workerHeapMb } from '../../src/cli/worker-host.js';

const saved = { heap: process.env.TLAW_HEAP_MB, node: process.env.NODE_OPTIONS };
afterEach(() => {
  for (const [key, value] of [
    ['TLAW_HEAP_MB', saved.heap],
    ['NODE_OPTIONS', saved.node],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("the checker thread's heap limit", () => {
  it("is 3/4 of the machine's memory by default", () => {
    delete process.env.TLAW_HEAP_MB;
    delete process.env.NODE_OPTIONS;
    expect(workerHeapMb()).toBeGreaterThanOrEqual(Math.floor((totalmem() * 0.75) / 2 ** 20));
  });

  it('is TLAW_HEAP_MB when set', () => {
    process.env.TLAW_HEAP_MB = '9000';
    expect(workerHeapMb()).toBe(9000);
  });

  it('is left to Node when the user gives --max-old-space-size', () => {
    delete process.env.TLAW_HEAP_MB;
    process.env.NODE_OPTIONS = '--max-old-space-size=3000';
    expect(workerHeapMb()).toBeUndefined();
  });
});
