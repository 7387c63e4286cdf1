import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchProgress } from '../../src/check/search/index.js';
import { runCheck } from '../../src/cli/check.js';
import { checkWithTlc } from '../../src/cli/check-tlc.js';
import { runTraceShow } from '../../src/cli/trace.js';

const root = resolve(import.meta.dirname, '..', '..');
const fixture = join(root, 'test', 'fixtures', 'tlc', '22-second-invariant');

function fakeTlc(): string {
  const jar = join(mkdtempSync(join(tmpdir(), 'tlaw-jar-')), 'tla2tools.jar');
  writeFileSync(jar, 'not a real jar: the stand-in java never opens it');
  vi.stubEnv('JAVA_HOME', join(root, 'tools', 'fake-java'));
  vi.stubEnv('TLAW_FAKE_JAVA_CASE', fixture);
  return jar;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

async function check(options: Parameters<typeof runCheck>[1]) {
  let stdout = '';
  let stderr = '';
  const code = await runCheck([join(fixture, 'TwoInvariants.tla')], options, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('tlaw check --engine tlc (stand-in java replaying a recorded TLC run)', () => {
  it("gives the embedded checker's result shape, with the trace's action parameters recovered", async () => {
    const jar = fakeTlc();
    const r = await check({ engine: 'tlc', tlcJar: jar, json: true });
    expect(r.code).toBe(12);
    const json = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(json).toMatchObject({ result: 'invariant-violation', violated: 'Bounded', distinctStates: 11 });
    expect(json.trace.length).toBeGreaterThan(1);
    expect(json.trace[1].action.name).not.toBe('Action');
  });

  it('saves the TLC counterexample as an ITF trace like the embedded one', async () => {
    const jar = fakeTlc();
    const dir = join(mkdtempSync(join(tmpdir(), 'tlaw-tlc-save-')), 'traces');
    const r = await check({ engine: 'tlc', tlcJar: jar, saveTraces: dir });
    expect(r.code).toBe(12);
    const itf = JSON.parse(
      readFileSync(join(dir, 'TwoInvariants', 'TwoInvariants-Bounded.itf.json'), 'utf8'),
    );
    expect(itf.states.length).toBeGreaterThan(1);
    expect(itf.states[1]['#meta'].action.name).toBeTruthy();
  });

  it('rejects --tlc-jar without --engine tlc', async () => {
    const r = await check({ engine: 'embedded', tlcJar: 'x.jar' });
    expect(r.code).toBe(152);
    expect(r.stderr).toContain('--tlc-jar applies to --engine tlc.');
  });
});

describe('tlaw check --engine tlc on a liveness violation', () => {
  it('prints the lasso with the action that closes it, recovered from the spec', async () => {
    const jar = join(mkdtempSync(join(tmpdir(), 'tlaw-jar-')), 'tla2tools.jar');
    writeFileSync(jar, 'stand-in');
    const dir = join(root, 'test', 'fixtures', 'tlc', '40-always-eventually-fail');
    vi.stubEnv('JAVA_HOME', join(root, 'tools', 'fake-java'));
    vi.stubEnv('TLAW_FAKE_JAVA_CASE', dir);
    const spec = readdirSync(dir).find((f) => f.endsWith('.tla') && !f.includes('_TTrace_'))!;
    let stdout = '';
    const code = await runCheck(
      [join(dir, spec)],
      { engine: 'tlc', tlcJar: jar },
      {
        stdout: (t) => (stdout += t),
        stderr: () => {},
      },
    );
    expect(code).toBe(13);
    expect(stdout).toMatch(/Back to state \d+: <\w+ line \d+/);
  });
});

function standInJar(caseDir: string, extra: Record<string, string> = {}): string {
  const jar = join(mkdtempSync(join(tmpdir(), 'tlaw-jar-')), 'tla2tools.jar');
  writeFileSync(jar, 'stand-in');
  vi.stubEnv('JAVA_HOME', join(root, 'tools', 'fake-java'));
  vi.stubEnv('TLAW_FAKE_JAVA_CASE', caseDir);
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
  return jar;
}

async function checkSpec(spec: string, options: Parameters<typeof runCheck>[1]) {
  let stdout = '';
  let stderr = '';
  const code = await runCheck([spec], options, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('tlaw check --engine tlc on parameterised actions (recorded run of case 55)', () => {
  const dir = join(root, 'test', 'fixtures', 'tlc', '55-param-actions');

  it('saves a trace whose every step names its action with its parameters', async () => {
    const jar = standInJar(dir);
    const saved = join(mkdtempSync(join(tmpdir(), 'tlaw-tlc-55-')), 'traces');
    const r = await checkSpec(join(dir, 'ParamActions.tla'), {
      engine: 'tlc',
      tlcJar: jar,
      saveTraces: saved,
    });
    expect(r.code).toBe(12);
    const itf = JSON.parse(readFileSync(join(saved, 'ParamActions', 'ParamActions-Inv.itf.json'), 'utf8'));
    const actions = itf.states.map((s: { '#meta': { action: { name: string; params: unknown } } }) => [
      s['#meta'].action.name,
      s['#meta'].action.params,
    ]);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).traceActions as [
      string,
      Record<string, unknown>,
    ][];
    expect(actions.map(([name]: [string]) => name)).toEqual(expected.map(([name]) => name));
    expect(actions[1][1]).toEqual({ w: 'b' });
    expect(actions[4][1]).toEqual({ w: 'b', n: { '#bigint': '1' } });

    let shown = '';
    const file = join(saved, 'ParamActions', 'ParamActions-Inv.itf.json');
    expect(runTraceShow(file, {}, { stdout: (t) => (shown += t), stderr: () => {} })).toBe(0);
    expect(shown).toMatch(
      /^State 5: <Finish\("b",1\) line 11, col 17 to line 11, col 103 of module ParamActions>$/m,
    );
  });

  it("prints each step's label with its parameter values, as current TLC does", async () => {
    const jar = standInJar(dir);
    const r = await checkSpec(join(dir, 'ParamActions.tla'), { engine: 'tlc', tlcJar: jar });
    expect(r.stdout).toContain(
      'State 2: <Start("b") line 10, col 13 to line 10, col 95 of module ParamActions>',
    );
    expect(r.stdout).toContain(
      'State 5: <Finish("b",1) line 11, col 17 to line 11, col 103 of module ParamActions>',
    );
  });
});

describe("tlaw check --engine tlc passes tlaw's options to TLC", () => {
  it('--lib, --workers, --simulate/--depth/--seed, --no-deadlock, --tlc-args and --java-opts', async () => {
    const argsFile = join(mkdtempSync(join(tmpdir(), 'tlaw-tlc-args-')), 'args.json');
    const jar = standInJar(fixture, { TLAW_FAKE_JAVA_ARGS_FILE: argsFile });
    await check({
      engine: 'tlc',
      tlcJar: jar,
      lib: ['/opt/tla-lib'],
      workers: 2,
      simulate: 5,
      depth: 20,
      seed: 3,
      deadlock: false,
      tlcArgs: '-fp 3 -coverage 1',
      javaOpts: '-Xmx2g',
    });
    const { args } = JSON.parse(readFileSync(argsFile, 'utf8')) as { args: string[] };
    expect(args.slice(0, 2)).toEqual(['-Xmx2g', '-DTLA-Library=/opt/tla-lib']);
    const optionValue = (flag: string) => args[args.indexOf(flag) + 1];
    expect([
      optionValue('-workers'),
      optionValue('-simulate'),
      optionValue('-depth'),
      optionValue('-seed'),
      optionValue('-fp'),
    ]).toEqual(['2', 'num=5', '20', '3', '3']);
    expect(args).toContain('-deadlock');
    expect(optionValue('-coverage')).toBe('1');
  });

  it('rejects --tlc-args and --java-opts without --engine tlc', async () => {
    const r = await check({ tlcArgs: '-fp 3' });
    expect([r.code, r.stderr]).toEqual([152, 'tlaw check: --tlc-args applies to --engine tlc.\n']);
  });
});

describe("tlaw check --engine tlc shows TLC's own error", () => {
  it('an invariant the spec does not define: TLC text and exit 151', async () => {
    const dir = join(root, 'test', 'tlc', 'fixtures', 'undefined-invariant');
    const jar = standInJar(dir);
    const r = await checkSpec(join(dir, 'UndefinedInvariant.tla'), { engine: 'tlc', tlcJar: jar });
    expect(r.code).toBe(151);
    expect(r.stdout).toContain(
      'Error: The invariant TypeOK specified in the configuration file\nis not defined in the specification.',
    );
  });
});

describe("TLC's progress", () => {
  it("reaches the progress line in the embedded search's terms", async () => {
    const jar = standInJar(fixture);
    const seen: SearchProgress[] = [];
    const spec = join(fixture, 'TwoInvariants.tla');
    await checkWithTlc(
      { name: 'TwoInvariants', spec, config: spec.replace(/\.tla$/, '.cfg') },
      { tlcJar: jar },
      (p) => seen.push(p),
    );
    expect(seen.map((p) => [p.totalStates, p.distinctStates, p.statesLeftOnQueue, p.level])).toEqual([
      [1, 1, 0, 1],
      [14, 11, 3, 5],
    ]);
  });
});

describe('tlaw check --engine tlc --json reports the action and parameters of every step', () => {
  it.each([
    ['55-param-actions', 'ParamActions'],
    ['55-param-actions-older-tlc', 'ParamActions'],
    ['56-unnamed-steps', 'UnnamedSteps'],
  ])('%s, as TLC labelled its steps', async (name, module) => {
    const dir = join(root, 'test', 'fixtures', 'tlc', name);
    const jar = standInJar(dir);
    const r = await checkSpec(join(dir, `${module}.tla`), { engine: 'tlc', tlcJar: jar, json: true });
    const json = JSON.parse(r.stdout.trim().split('\n').pop()!);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    expect([r.code, json.traceActions]).toEqual([12, expected.traceActions]);
  });
});
