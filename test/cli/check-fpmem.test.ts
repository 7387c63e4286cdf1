/**
 * `tlaw check --fpmem`: memory for the seen-state store set aside up front
 * (TLC's -fpmem), with either engine.
 */
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/check/search/index.js';
import { runCheck } from '../../src/cli/check.js';
import { runTlcOptions } from '../../src/cli/check-tlc.js';
import { fpmemBytes, parseFpmem, storeCapacityFor } from '../../src/cli/fpmem.js';

const fixtures = join(import.meta.dirname, '../fixtures/search/parallel');

async function check(extra: Record<string, unknown>): Promise<Record<string, unknown>> {
  let stdout = '';
  await runCheck(
    [join(fixtures, 'Grid.tla')],
    { json: true, config: join(fixtures, 'GridOk.cfg'), engine: 'embedded', ...extra },
    { stdout: (t) => (stdout += t), stderr: () => {} },
  );
  const { durationMs: _d, ...rest } = JSON.parse(stdout.trim().split('\n').at(-1)!);
  return rest;
}

describe('--fpmem', () => {
  it('reads a fraction of the machine memory or megabytes, as TLC does', () => {
    expect(fpmemBytes(parseFpmem('0.25'))).toBe(Math.floor(totalmem() * 0.25));
    expect(fpmemBytes(parseFpmem('512'))).toBe(512 * 2 ** 20);
    expect(() => parseFpmem('0')).toThrow(/fraction of memory \(below 1\) or a number of MB/);
    expect(() => parseFpmem('lots')).toThrow(/fraction of memory/);
  });

  it('sizes the store for about 20 bytes a state, so that it need not grow on the way', () => {
    const states = storeCapacityFor(64); // 64 MB
    expect(states).toBe(Math.floor((64 * 2 ** 20) / 20));
    const store = new MemoryStateStore(states);
    const before = store.bytes;
    for (let i = 0; i < 100_000; i++) store.add(i * 2654435761, i, i - 1);
    // The table was not replaced: only chunks of per-state arrays were added.
    expect(store.bytes - before).toBe(Math.ceil(100_000 / 16_384) * 16_384 * 12);
  });

  it('gives the same result, with one worker or two', async () => {
    const plain = await check({});
    expect(await check({ fpmem: 16 })).toEqual(plain);
    expect(await check({ fpmem: 16, workers: 2 })).toEqual(plain);
  });

  it("is TLC's -fpmem with the TLC engine", () => {
    const options = runTlcOptions({ spec: 'S.tla', config: 'S.cfg' } as never, { fpmem: 0.5 });
    expect(options.tlcArgs).toEqual(['-fpmem', '0.5']);
  });
});
