import { describe, expect, it } from 'vitest';
import type { ActionCoverage } from '../../src/check/coverage.js';
import { runCheck } from '../../src/cli/check.js';
import { captureIO } from '../cli/capture-io.js';

const FIXTURE = 'test/explore/fixtures/Coverage.tla';

async function checkJson(paths: string[], options: Record<string, unknown>) {
  const { io, out } = captureIO();
  await runCheck(paths, { json: true, ...options }, io);
  const lines = out.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as {
    distinctStates: number;
    totalStates: number;
    coverage?: ActionCoverage[];
  };
}

describe('check --coverage', () => {
  it('counts per action and per disjunct, and lists the actions that never fired', async () => {
    const r = await checkJson([FIXTURE], { coverage: true });
    const byName = new Map(r.coverage!.map((a) => [a.name, a]));
    expect([...byName.keys()]).toEqual(['Initial predicate', 'Inc', 'Bump', 'Reset', 'Never']);
    expect(byName.get('Inc')).toMatchObject({ enabled: 9, generated: 9 });
    expect(byName.get('Bump')).toMatchObject({ enabled: 8, generated: 8 });
    const reset = byName.get('Reset')!;
    expect(reset.disjuncts.map((d) => [d.loc?.line, d.generated, d.distinct])).toEqual([
      [11, 3, 0],
      [12, 0, 0],
    ]);
    expect(byName.get('Never')).toMatchObject({ enabled: 0, generated: 0, distinct: 0 });
    // Every generated and every distinct state is credited to exactly one action.
    const sum = (k: 'generated' | 'distinct') => r.coverage!.reduce((n, a) => n + a[k], 0);
    expect(sum('generated')).toBe(r.totalStates);
    expect(sum('distinct')).toBe(r.distinctStates);
  });

  it('counts a state once per action even when its successors alternate between actions', async () => {
    const r = await checkJson(['test/explore/fixtures/Alternating.tla'], { coverage: true });
    const rows = r.coverage!.map((a) => [a.name, a.enabled, a.generated]);
    expect(rows).toEqual([
      ['Initial predicate', 1, 1],
      ['A', 2, 4],
      ['B', 2, 4],
    ]);
  });

  it('prints a coverage table and the actions that never fired', async () => {
    const { io, out } = captureIO();
    const code = await runCheck([FIXTURE], { coverage: true }, io);
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/Action coverage:\n\s+action\s+enabled\s+generated\s+distinct/);
    expect(out.stdout).toMatch(
      /\n {2}Inc\s+9\s+9\s+3 {2}line 7, col 8 to line 7, col 41 of module Coverage\n/,
    );
    expect(out.stdout).toContain('Never fired: Reset (line 12), Never (line 14).');
  });

  it('leaves the search counts unchanged', async () => {
    const model = ['specs/IdempotencyStore.tla'];
    const config = 'specs/idempotency/CheckThenAct.cfg';
    const plain = await checkJson(model, { config });
    const counted = await checkJson(model, { config, coverage: true });
    expect(plain.coverage).toBeUndefined();
    expect([counted.distinctStates, counted.totalStates]).toEqual([plain.distinctStates, plain.totalStates]);
    expect(counted.coverage!.find((a) => a.name === 'Process')!.generated).toBeGreaterThan(0);
  });
});
