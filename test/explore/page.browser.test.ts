/**
 * The explorer page in a real browser: the pages of saved traces of the
 * bundled specs, opened from disk, read, clicked and stepped through with
 * the keyboard.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { runExplore } from '../../src/cli/explore.js';
import { runGraph } from '../../src/cli/graph.js';
import { captureIO } from '../cli/capture-io.js';
import { ARTIFACTS, type Browser, CHROMIUM, launchBrowser } from './browser.js';

const dir = mkdtempSync(join(tmpdir(), 'explore-browser-'));

function writePage(trace: string, name: string, extra: { spec?: string; config?: string } = {}): string {
  const out = join(dir, `${name}.html`);
  const code = runExplore(trace, { out, ...extra }, captureIO().io);
  if (code !== 0) throw new Error(`tlaw explore ${trace} exited with ${code}`);
  return out;
}

describe.skipIf(!CHROMIUM)('explorer page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    // A self-contained page asks for nothing beyond its own file.
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) errors.push(`request: ${r.url()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<void> {
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]');
  }
  const texts = (selector: string) => page.locator(selector).allInnerTexts();

  it('shows the steps, their actions and parameters, and steps through them with the keyboard', async () => {
    await open(
      writePage('traces/idempotency/idempotency-check-then-act-AtMostOnceEffect.itf.json', 'check-then-act'),
    );
    expect(await page.title()).toBe('IdempotencyStore / CheckThenAct: AtMostOnceEffect invariant-violation');
    const actions = await texts('#states-body tr.step .action-name');
    expect(actions).toEqual([
      'Initial predicate',
      'Receive',
      'Receive',
      'Insert',
      'Process',
      'Insert',
      'Process',
    ]);
    expect(await texts('#state-2 .param')).toEqual(['w = "w1"', 'u = "alice"', 'k = "k1"', 'p = "p1"']);
    expect(await page.locator('#state-2 .where').innerText()).toBe('IdempotencyStore.tla:139-163');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#states-body tr.selected').getAttribute('id')).toBe('state-4');
    expect(await page.locator('#state-title').innerText()).toBe('State 4: Insert (w = "w1")');
    // The step's changes are highlighted, down to the nested field.
    expect(
      await page.locator('#state-vars .vars > li.changed').evaluateAll((l) => l.map((e) => e.dataset.path)),
    ).toEqual(['records', 'workers', 'nextToken']);
    const status = page.locator('#state-vars li[data-path$="\u241fstatus"]').first();
    expect(await status.getAttribute('class')).toBe('changed');
    expect(await status.innerText()).toBe('status = "pending"');
    // The spec source beside it, with the action's lines highlighted.
    expect(await page.locator('#source-title').innerText()).toBe('specs/IdempotencyStore.tla, lines 168-173');
    expect(await page.locator('#source-text .ln.hl').evaluateAll((l) => l.map((e) => e.dataset.n))).toEqual([
      '168',
      '169',
      '170',
      '171',
      '172',
      '173',
    ]);
    await page.keyboard.press('End');
    expect(await page.locator('#state-title').innerText()).toBe(
      'State 7: Process (w = "w2", outcome = "ok")',
    );
    await page.keyboard.press('Home');
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-initial.png') });
    await page.locator('#state-4').click();
    expect(await page.locator('#state-title').innerText()).toContain('State 4: Insert');
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
    expect(errors).toEqual([]);
  });

  it('compares two states side by side', async () => {
    await page.selectOption('#diff-a', '3');
    await page.selectOption('#diff-b', '4');
    expect(await page.locator('#diff-summary').innerText()).toBe('4 of 9 variables differ.');
    expect(
      await page.locator('#diff-body tr.differs').evaluateAll((l) => l.map((e) => e.dataset.var)),
    ).toEqual(['records', 'workers', 'effects', 'responses']);
    // Equal variables are hidden until asked for.
    expect(await page.locator('#diff-body tr.same').first().isVisible()).toBe(false);
    await page.locator('#diff-same').check();
    expect(await page.locator('#diff-body tr.same').first().isVisible()).toBe(true);
    await page.selectOption('#diff-b', '3');
    expect(await page.locator('#diff-summary').innerText()).toBe('The two states are equal.');
    await page.locator('#diff').screenshot({ path: join(ARTIFACTS, 'explorer-diff.png') });
  });

  it('marks the loop of a lasso and goes back to its start', async () => {
    await open(writePage('test/explore/fixtures/lasso.itf.json', 'lasso'));
    expect(await page.locator('#states-body tr.lasso').innerText()).toMatch(/Back to state 2: Next/);
    expect(await page.locator('#states-body tr.in-loop').count()).toBe(2);
    await page.keyboard.press('End');
    await page.locator('#states-body tr.lasso a').click();
    expect(await page.locator('#states-body tr.selected').getAttribute('id')).toBe('state-2');
    await open(writePage('test/explore/fixtures/stutter.itf.json', 'stutter'));
    expect(await page.locator('#states-body tr.stutter').innerText()).toMatch(
      /Stuttering: state 3 repeats forever/,
    );
  });

  it('shows the action coverage, with what never fired', async () => {
    const spec = 'test/explore/fixtures/Coverage.tla';
    const config = 'test/explore/fixtures/CoverageFail.cfg';
    const trace = join(dir, 'small.itf.json');
    await runCheck([spec], { config, dumpTrace: trace }, captureIO().io);
    await open(writePage(trace, 'coverage', { spec, config }));
    const never = await page.locator('#coverage tr.never').allInnerTexts();
    expect(never.some((t) => t.startsWith('Never'))).toBe(true);
    expect(await page.locator('#coverage-summary').innerText()).toMatch(
      /^Never fired: .*Never \(line 14\)\.$/,
    );
  });

  it('shows a state graph page with its marks', async () => {
    const out = join(dir, 'graph.html');
    const spec = 'test/explore/fixtures/Coverage.tla';
    expect(
      await runGraph(spec, { config: 'test/explore/fixtures/CoverageFail.cfg', out }, captureIO().io),
    ).toBe(0);
    await page.goto(pathToFileURL(out).href);
    expect(await page.locator('svg g.node.state').count()).toBe(12);
    expect(await page.locator('svg g.node.initial').count()).toBe(1);
    expect(await page.locator('svg g.node.bad text').allTextContents()).toContain('violates Small');
    const box = await page.locator('svg').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await page.screenshot({ path: join(ARTIFACTS, 'state-graph.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
