import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const plain = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/search/plain');

function suiteWithBenchmark(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tlaw-bench-'));
  const model = (name: string, benchmark: boolean) => ({
    name,
    spec: join(plain, 'Stuck.tla'),
    config: join(plain, 'Stuck.cfg'),
    expect: { result: 'deadlock' },
    ...(benchmark ? { benchmark: true } : {}),
  });
  writeFileSync(
    join(dir, 'models.json'),
    JSON.stringify({ models: [model('small', false), model('large', true)] }),
  );
  return dir;
}

async function names(dir: string, benchmarks: boolean): Promise<string[]> {
  let stdout = '';
  await runCheck(
    [dir],
    { engine: 'embedded', json: true, benchmarks },
    { stdout: (t) => (stdout += t), stderr: () => {} },
  );
  return (JSON.parse(stdout.trim().split('\n').pop()!) as { name: string }[]).map((r) => r.name);
}

describe('tlaw check on a folder with benchmark models', () => {
  it('skips models marked "benchmark" unless --benchmarks is given', async () => {
    const dir = suiteWithBenchmark();
    expect(await names(dir, false)).toEqual(['small']);
    expect(await names(dir, true)).toEqual(['small', 'large']);
  });
});
