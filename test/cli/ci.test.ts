import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CiIO, type CiOptions, runCi } from '../../src/cli/ci.js';
import { captureIO } from './capture-io.js';
import { COUNTER, counterProject, MODELS, SMALL_LINE, writeModels } from './ci-fixture.js';

async function gate(root: string, options: CiOptions = {}, env: Record<string, string> = {}) {
  const { io, out } = captureIO();
  const ciIO: CiIO = { ...io, stderrIsTTY: false, env };
  const code = await runCi(join(root, 'specs'), { traces: join(root, 'traces'), jobs: 2, ...options }, ciIO);
  const lines = out.stdout.trim().split('\n');
  return { code, ...out, lines, lastLine: lines[lines.length - 1]! };
}

describe('tlaw ci: every model as expected', () => {
  it('exits 0 with one JUnit testcase per model, saves new counterexamples and prints no annotation', async () => {
    const root = counterProject();
    const junit = join(root, 'out', 'junit.xml');
    const r = await gate(root, { junit }, { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS counter-ok: ok, 6 distinct states/);
    expect(r.stdout).toMatch(
      /PASS counter-simulated: invariant-violation \(Small\).*simulated 5 behaviours \(seed 1\)/,
    );
    expect(r.stdout).toMatch(/3 of 3 models as expected/);
    expect(r.stdout).not.toMatch(/::error/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toMatch(/tests="3" failures="0"/);
    expect(xml).not.toMatch(/<failure/);
    // counter-small's counterexample had no file yet: it is saved where `tlaw check --save-traces` puts it.
    const saved = join(root, 'traces', 'counter', 'counter-small-Small.itf.json');
    expect(existsSync(saved)).toBe(true);
    expect(JSON.parse(readFileSync(saved, 'utf8'))['#meta'].property).toBe('Small');
  });

  it('--json gives one object on the last line; --shard i/n keeps that share of the models', async () => {
    const root = counterProject();
    const r = await gate(root, { json: true, saveTraces: false, shard: '1/2' });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.lastLine);
    expect(json).toMatchObject({ ok: true, exitCode: 0, passed: 2, failed: 0, skipped: 0 });
    expect(json.shard).toEqual({ index: 1, count: 2 });
    expect(json.models.map((m: { name: string; status: string }) => `${m.name}:${m.status}`)).toEqual([
      'counter-ok:pass',
      'counter-simulated:pass',
    ]);
    expect(json.models[1].simulate).toEqual({ runs: 5, depth: 10, seed: 1 });
    expect(existsSync(join(root, 'traces'))).toBe(false);
  });
});

describe('tlaw ci: a broken expectation', () => {
  it("fails with TLC's code, a JUnit failure, an ::error at the invariant and a job summary", async () => {
    const root = counterProject();
    // counter-small now claims its invariant holds.
    writeModels(root, [MODELS[0]!, { ...MODELS[1]!, expect: { result: 'ok' } }]);
    const junit = join(root, 'junit.xml');
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '');
    const r = await gate(root, { junit }, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(12);
    expect(r.stdout).toMatch(/FAIL counter-small: invariant-violation \(Small\).*expected ok/);
    expect(r.stdout).toMatch(/1 of 2 models as expected/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/tests="2" failures="1"/);
    expect(xml).toMatch(
      /<testcase name="counter-small"[^>]*>\s*<failure message="expected ok, got invariant-violation \(Small\)"/,
    );
    const annotation = r.lines.find((l) => l.startsWith('::error '));
    expect(annotation).toBeDefined();
    expect(annotation).toContain(`Counter.tla,line=${SMALL_LINE},col=1,`);
    expect(annotation).toMatch(/::counter-small: expected ok, got invariant-violation \(Small\)/);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/1 of 2 models as expected/);
    expect(md).toMatch(/\| ❌ \| counter-small \| ok \| invariant-violation \(Small\) \|/);
  });

  it('exits 1 when an expected violation is not found, and prints annotations only under GitHub Actions', async () => {
    const root = counterProject([
      { ...MODELS[0]!, expect: { result: 'invariant-violation', violated: 'TypeOK' } },
    ]);
    const r = await gate(root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL counter-ok: ok.*expected invariant-violation \(TypeOK\), got ok/);
    expect(r.stdout).not.toMatch(/::error/);
  });

  it('fails on a saved counterexample the spec no longer produces, with the command that regenerates it', async () => {
    const root = counterProject([MODELS[1]!]);
    expect((await gate(root)).code).toBe(0); // saves traces/counter/counter-small-Small.itf.json
    // The spec changes: x now starts at 1, so the saved trace's first state is no initial state.
    writeFileSync(join(root, 'specs', 'Counter.tla'), COUNTER.replace('Init == x = 0', 'Init == x = 1'));
    const r = await gate(root, { json: true });
    expect(r.code).toBe(1);
    const model = JSON.parse(r.lastLine).models[0];
    expect(model.status).toBe('fail');
    expect(model.staleTrace.why).toMatch(/state 1 is not an initial state/);
    expect(model.staleTrace.regenerate).toMatch(
      /^npx tlaw check .*Counter\.tla --config .*Small\.cfg --dump-trace .*counter-small-Small\.itf\.json$/,
    );
  });

  it('stops a model that spends its time budget and fails it with exit 1', async () => {
    // An unbounded counter: the search never ends, so only the budget stops it.
    const unbounded = COUNTER.replace("x < 5 /\\ x' = x + 1", "x' = x + 1").replace(
      'TypeOK == x \\in 0..5',
      'TypeOK == x \\in Nat',
    );
    const root = counterProject([MODELS[0]!], unbounded);
    const r = await gate(root, { timeout: 1, json: true });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.lastLine).models[0]).toMatchObject({
      status: 'fail',
      reason: 'ran out of its time budget (1.00s)',
    });
  });
});

describe('tlaw ci: engines and bad input', () => {
  it('skips simulation models under --engine tlc (reported as skipped in JUnit)', async () => {
    const root = counterProject([MODELS[2]!]);
    const junit = join(root, 'junit.xml');
    const r = await gate(root, { engine: 'tlc', junit });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SKIP counter-simulated: checked by simulation/);
    expect(readFileSync(junit, 'utf8')).toMatch(/skipped="1"[\s\S]*<skipped message="checked by simulation/);
  });

  it('reports a missing manifest, a bad --shard and a bad simulate entry as usage errors (152)', async () => {
    const root = counterProject();
    const { io, out } = captureIO();
    expect(await runCi(join(root, 'nowhere'), {}, io)).toBe(152);
    expect(out.stderr).toMatch(/nowhere: file not found/);
    expect((await gate(root, { shard: '3/2' })).stderr).toMatch(/--shard 3\/2: expected i\/n/);
    writeModels(root, [{ ...MODELS[2]!, simulate: { runs: 0, depth: 1, seed: 1 } }]);
    const bad = await gate(root);
    expect(bad.code).toBe(152);
    expect(bad.stderr).toMatch(/models\[0\]: "simulate" must be/);
  });
});
