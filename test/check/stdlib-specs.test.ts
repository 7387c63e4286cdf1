import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/result.js';
import { bfs } from '../../src/check/search/index.js';
import { printValue } from '../../src/check/value/index.js';
import { modelFromFiles } from '../fixtures/check/build.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'stdlib');
const check = (spec: string, cfg: string): CheckResult =>
  bfs(modelFromFiles(join(dir, `${spec}.tla`), join(dir, `${cfg}.cfg`)));
const counts = (r: CheckResult) => ({ distinct: r.distinctStates, total: r.totalStates, depth: r.depth });
const lastState = (r: CheckResult) => r.trace?.at(-1)?.state.map(([n, v]) => `${n} = ${printValue(v)}`);

describe('specs built on the community modules', () => {
  it('Stack: the fold and shape invariants hold on every stack of up to three 1s and 2s', () => {
    const r = check('Stack', 'Stack');
    expect(r.result).toBe('ok');
    // 1 + 2 + 4 + 8 stacks; generated: 1 initial + 2 + 2*3 + 4*3 + 8*1 successors.
    expect(counts(r)).toEqual({ distinct: 15, total: 29, depth: 4 });
  });

  it('Stack: Sorted fails when a 2 is pushed onto a 1', () => {
    const r = check('Stack', 'StackSorted');
    expect(r.result).toBe('invariant-violation');
    expect(r.violated).toBe('Sorted');
    expect(r.exitCode).toBe(12);
    // <<>>, then <<1>> and <<2>>, then from <<1>>: <<1, 1>> and the violating <<2, 1>>.
    expect(counts(r)).toMatchObject({ distinct: 5, total: 5 });
    expect(r.trace).toHaveLength(3);
    expect(lastState(r)).toEqual(['stack = <<2, 1>>']);
  });

  it('Links: Graphs and Relation agree on reachability over every set of links', () => {
    const r = check('Links', 'Links');
    expect(r.result).toBe('ok');
    // Every subset of the 6 links; each subset s has 6 - |s| successors: 1 + 6 * 2^5 generated.
    expect(counts(r)).toEqual({ distinct: 64, total: 193, depth: 7 });
  });

  it('Links: three links closing a cycle make the graph strongly connected', () => {
    const r = check('Links', 'LinksCycle');
    expect(r.violated).toBe('NotStronglyConnected');
    expect(r.trace).toHaveLength(4);
    expect(lastState(r)).toEqual(['links = {<<1, 2>>, <<2, 3>>, <<3, 1>>}']);
  });
});
