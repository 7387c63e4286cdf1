import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGraph } from '../../src/cli/graph.js';
import { captureIO } from './capture-io.js';

const SPEC = 'test/explore/fixtures/Coverage.tla';
const FAILING = 'test/explore/fixtures/CoverageFail.cfg';
const tmp = () => mkdtempSync(join(tmpdir(), 'graph-'));

/** How many SVG groups carry a class (Graphviz writes DOT `class` attributes into the SVG). */
const countClass = (svg: string, cls: string) =>
  [...svg.matchAll(/<g id="[^"]*" class="([^"]*)"/g)].filter((m) => m[1]!.split(' ').includes(cls)).length;

describe('tlaw graph', () => {
  it('draws every state and transition, with the initial state, the violations and the path marked', async () => {
    const out = join(tmp(), 'g.svg');
    const { io, out: printed } = captureIO();
    expect(await runGraph(SPEC, { config: FAILING, out, json: true }, io)).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual({
      ok: true,
      exitCode: 0,
      out,
      format: 'svg',
      states: 12,
      nodes: 12,
      edges: 20,
      initial: 1,
      violating: 3,
      pathLength: 5,
    });
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(countClass(svg, 'state')).toBe(12);
    expect(countClass(svg, 'initial')).toBe(1);
    expect(countClass(svg, 'bad')).toBe(3);
    // The counterexample: Init, then Inc three times and Bump once to x = 3, y = 1.
    expect(countClass(svg, 'path')).toBe(5 + 4);
    expect(svg).toContain('violates Small');
  });

  it('projects on chosen variables', async () => {
    const out = join(tmp(), 'x.dot');
    const { io, out: printed } = captureIO();
    expect(await runGraph(SPEC, { out, vars: 'x' }, io)).toBe(0);
    expect(printed.stdout).toMatch(/12 distinct states, 4 nodes/);
    const dot = readFileSync(out, 'utf8');
    expect([...dot.matchAll(/label="x = (\d)\\l"/g)].map((m) => m[1])).toEqual(['0', '1', '2', '3']);
  });

  it("labels states by the cfg's VIEW", async () => {
    const out = join(tmp(), 'view.html');
    expect(await runGraph('test/fixtures/check/CheckView.tla', { out }, captureIO().io)).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain('<!DOCTYPE svg');
    expect(html).toContain('View = 5');
    expect(html).toContain('6 nodes, 6 edges');
  });

  it('refuses a graph above the size limit, saying how to narrow it', async () => {
    const out = join(tmp(), 'big.svg');
    const { io, out: printed } = captureIO();
    expect(await runGraph(SPEC, { out, maxStates: 5 }, io)).toBe(1);
    expect(printed.stderr).toMatch(/more than 5 states: too many to draw readably\. Narrow it with a VIEW/);
    expect(existsSync(out)).toBe(false);
  });

  it('names the variables when --vars gives an unknown one', async () => {
    const { io, out } = captureIO();
    expect(await runGraph(SPEC, { vars: 'x,z', out: join(tmp(), 'n.svg') }, io)).toBe(152);
    expect(out.stderr).toContain('no variable z (the variables are x, y)');
  });
});
