import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { runExplore } from '../../src/cli/explore.js';
import { runTraceConvert } from '../../src/cli/trace.js';
import type { PageData } from '../../src/explore/index.js';
import { captureIO } from './capture-io.js';

const CHECK_THEN_ACT = 'traces/idempotency/idempotency-check-then-act-AtMostOnceEffect.itf.json';

/** The data a page embeds (what its script renders). */
function embedded(html: string): PageData {
  const m = /<script type="application\/json" id="trace-data">(.*?)<\/script>/s.exec(html);
  if (!m) throw new Error('no trace data in the page');
  return JSON.parse(m[1]!) as PageData;
}

describe('tlaw explore', () => {
  it('writes one self-contained page for a trace, with the spec source', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'explore-')), 'page.html');
    const { io, out: printed } = captureIO();
    expect(runExplore(CHECK_THEN_ACT, { out, json: true }, io)).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual({
      ok: true,
      exitCode: 0,
      pages: [{ trace: CHECK_THEN_ACT, page: out, states: 7 }],
    });
    const html = readFileSync(out, 'utf8');
    // Nothing is fetched: no external scripts, styles or links.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain("default-src 'none'");
    const data = embedded(html);
    expect(data.states).toHaveLength(7);
    expect(data.states[4]!.action).toMatchObject({
      name: 'Process',
      params: [
        ['w', '"w1"'],
        ['outcome', '"ok"'],
      ],
    });
    expect(Object.keys(data.sources)).toEqual(['specs/IdempotencyStore.tla']);
  });

  it('writes a page per trace of a folder and an index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-'));
    const { io, out } = captureIO();
    expect(runExplore('traces/idempotency', { out: dir }, io)).toBe(0);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'index.html');
    expect(pages).toHaveLength(
      readdirSync('traces/idempotency').filter((f) => f.endsWith('.itf.json')).length,
    );
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(
      'href="idempotency-no-fencing-AtMostOnceEffect.html"',
    );
    expect(out.stdout).toMatch(/index\.html lists the 13 pages/);
  });

  it("works for TLC's converted output, lasso included", () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-'));
    const itf = join(dir, 'tlc.itf.json');
    const convert = captureIO();
    expect(
      runTraceConvert('test/fixtures/tlc/40-always-eventually-fail/tlc.out', { out: itf }, convert.io),
    ).toBe(0);
    const page = join(dir, 'tlc.html');
    expect(runExplore(itf, { out: page }, captureIO().io)).toBe(0);
    const data = embedded(readFileSync(page, 'utf8'));
    expect(data.states.map((s) => s.values.x)).toEqual([
      { k: 'atom', t: '0' },
      { k: 'atom', t: '1' },
      { k: 'atom', t: '2' },
    ]);
    expect(data.backTo).toBe(2);
    expect(data.property).toBe('InfOftenZero');
  });

  it('adds the action coverage of the model with --spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-'));
    const spec = 'test/explore/fixtures/Coverage.tla';
    const config = 'test/explore/fixtures/CoverageFail.cfg';
    const trace = join(dir, 'small.itf.json');
    await runCheck([spec], { config, dumpTrace: trace }, captureIO().io);
    const page = join(dir, 'small.html');
    expect(runExplore(trace, { out: page, spec, config }, captureIO().io)).toBe(0);
    const data = embedded(readFileSync(page, 'utf8'));
    expect(data.property).toBe('Small');
    expect(data.coverage!.find((a) => a.name === 'Inc')!.generated).toBeGreaterThan(0);
    expect(data.coverage!.find((a) => a.name === 'Never')).toMatchObject({ generated: 0 });
  });

  it('check --explore writes a page per counterexample, with the coverage of the run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-'));
    const { io, out } = captureIO();
    const code = await runCheck(
      ['test/explore/fixtures/Coverage.tla'],
      { config: 'test/explore/fixtures/CoverageFail.cfg', explore: dir },
      io,
    );
    expect(code).toBe(12);
    const page = join(dir, 'Coverage', 'Coverage-Small.html');
    expect(out.stderr).toContain(`Wrote the explorer page ${page}`);
    // The coverage is counted for the page but printed only with --coverage.
    expect(out.stdout).not.toContain('Action coverage:');
    const data = embedded(readFileSync(page, 'utf8'));
    expect(data.states.at(-1)!.values).toMatchObject({ x: { t: '3' }, y: { t: '1' } });
    expect(data.coverage!.map((a) => a.name)).toEqual(['Initial predicate', 'Inc', 'Bump', 'Reset', 'Never']);
  });

  it('says why when the trace cannot be read', () => {
    const { io, out } = captureIO();
    expect(runExplore('no/such.itf.json', { out: join(tmpdir(), 'never.html') }, io)).toBe(152);
    expect(out.stderr).toMatch(/Cannot read no\/such\.itf\.json: file not found/);
    expect(existsSync(join(tmpdir(), 'never.html'))).toBe(false);
  });
});
