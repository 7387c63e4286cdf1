import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJava, runTlc, type TlcProgress } from '../../src/tlc/index.js';
import { FIXTURES } from './conformance-cases.js';

const FAKE_JAVA_HOME = resolve(import.meta.dirname, '..', '..', 'tools', 'fake-java');
let work: string;
let jar: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tlaw-runner-test-'));
  jar = join(work, 'tla2tools.jar');
  writeFileSync(jar, 'not a real jar: the stand-in java never opens it');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fakeEnv(caseName: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JAVA_HOME: FAKE_JAVA_HOME, ...extra };
  env.TLAW_FAKE_JAVA_CASE = join(FIXTURES, caseName);
  return env;
}

function specOf(caseName: string, module: string): string {
  return join(FIXTURES, caseName, `${module}.tla`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('runTlc with a stand-in java', () => {
  it('runs TLC with -tool in the spec folder and reports an invariant violation with its trace', async () => {
    const argsFile = join(work, 'args.json');
    const traceJson = join(work, 'trace.json');
    const result = await runTlc({
      spec: specOf('22-second-invariant', 'TwoInvariants'),
      tlcJar: jar,
      env: fakeEnv('22-second-invariant', { TLAW_FAKE_JAVA_ARGS_FILE: argsFile }),
      traceJson,
    });
    const { args, cwd } = JSON.parse(readFileSync(argsFile, 'utf8')) as { args: string[]; cwd: string };
    expect(cwd).toBe(join(FIXTURES, '22-second-invariant'));
    expect(args.slice(0, 4)).toEqual(['-XX:+UseParallelGC', '-cp', jar, 'tlc2.TLC']);
    expect(args).toContain('-tool');
    expect(args.slice(args.indexOf('-workers'), args.indexOf('-workers') + 2)).toEqual(['-workers', '1']);
    expect(args.slice(-3)).toEqual([
      '-config',
      join(FIXTURES, '22-second-invariant', 'TwoInvariants.cfg'),
      'TwoInvariants.tla',
    ]);
    expect(existsSync(traceJson)).toBe(true);

    expect(result.result).toBe('invariant-violation');
    expect(result.violated).toBe('Bounded');
    expect(result.exitCode).toBe(12);
    expect([result.distinctStates, result.totalStates, result.statesLeftOnQueue, result.depth]).toEqual([
      11, 14, 3, 5,
    ]);
    expect(result.initialStates).toBe(1);
    expect(result.trace).toHaveLength(5);
    expect(result.trace?.[4]?.state).toEqual([
      ['x', 4],
      ['y', 0],
    ]);
    expect(result.trace?.[1]?.action.name).toBe('Next');
    expect(result.trace?.[1]?.action.loc).toEqual({
      file: join(FIXTURES, '22-second-invariant', 'TwoInvariants.tla'),
      line: 10,
      col: 12,
      endLine: 10,
      endCol: 46,
    });
    expect(result.message).toBe('Invariant Bounded is violated.');
  });

  it('reports a deadlock (exit 11) and a clean run (exit 0)', async () => {
    const dead = await runTlc({
      spec: specOf('15-deadlock', 'Deadlock'),
      tlcJar: jar,
      env: fakeEnv('15-deadlock'),
    });
    expect([dead.result, dead.exitCode, dead.distinctStates, dead.trace?.length]).toEqual([
      'deadlock',
      11,
      6,
      3,
    ]);
    const ok = await runTlc({ spec: specOf('01-arith', 'Arith'), tlcJar: jar, env: fakeEnv('01-arith') });
    expect([ok.result, ok.exitCode, ok.distinctStates, ok.totalStates, ok.depth, ok.trace]).toEqual([
      'ok',
      0,
      64,
      228,
      4,
      null,
    ]);
  });

  it('reports a lasso counterexample with the state it loops back to', async () => {
    const r = await runTlc({
      spec: specOf('40-always-eventually-fail', 'InfOftenFail'),
      tlcJar: jar,
      env: fakeEnv('40-always-eventually-fail'),
    });
    expect([r.result, r.violated, r.exitCode, r.loop, r.stuttering]).toEqual([
      'liveness-violation',
      'InfOftenZero',
      13,
      1,
      false,
    ]);
    expect(r.trace?.map((s) => s.state)).toEqual([[['x', 0]], [['x', 1]], [['x', 2]]]);
  });

  it('says which input file is missing without starting Java', async () => {
    const r = await runTlc({ spec: join(work, 'Nope.tla'), tlcJar: jar, env: fakeEnv('01-arith') });
    expect([r.exitCode, r.diagnostics[0]?.message]).toEqual([
      152,
      `Cannot read ${join(work, 'Nope.tla')}: file not found.`,
    ]);
  });

  it('reads PROPERTY names from the cfg to report a violated []P as a property violation', async () => {
    const r = await runTlc({
      spec: specOf('46-safety-property-fail', 'SafetyPropFail'),
      tlcJar: jar,
      env: fakeEnv('46-safety-property-fail'),
    });
    expect([r.result, r.violated, r.exitCode]).toEqual(['property-violation', 'NonNegative', 12]);
  });

  it('reports a parse error (exit 150) as a diagnostic at the place SANY names', async () => {
    const r = await runTlc({
      spec: specOf('48-parse-error', 'ParseError'),
      tlcJar: jar,
      env: fakeEnv('48-parse-error'),
    });
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(150);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'syntax',
      message: 'Encountered "Beginning of definition" at line 11, column 1 and token "1"',
      loc: { file: join(FIXTURES, '48-parse-error', 'ParseError.tla'), line: 11, col: 1 },
    });
  });

  it('reports progress while TLC runs', async () => {
    const seen: TlcProgress[] = [];
    await runTlc({
      spec: specOf('22-second-invariant', 'TwoInvariants'),
      tlcJar: jar,
      env: fakeEnv('22-second-invariant'),
      onProgress: (p) => seen.push(p),
    });
    expect(seen).toEqual([
      { phase: 'initial', distinct: 1 },
      { phase: 'progress', depth: 5, generated: 14, distinct: 11, leftOnQueue: 3 },
    ]);
  });

  it('stops TLC and every process it started when the timeout passes', async () => {
    const pidFile = join(work, 'child.pid');
    const r = await runTlc({
      spec: specOf('22-second-invariant', 'TwoInvariants'),
      tlcJar: jar,
      env: fakeEnv('22-second-invariant', {
        TLAW_FAKE_JAVA_SLEEP_MS: '600000',
        TLAW_FAKE_JAVA_CHILD_PID_FILE: pidFile,
      }),
      timeoutMs: 1000,
      killGraceMs: 200,
    });
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(255);
    expect(r.diagnostics[0]?.message).toBe(
      'TLC did not finish within 1000 ms and was stopped after 1 distinct state found.',
    );
    const child = Number(readFileSync(pidFile, 'utf8'));
    await expect.poll(() => isAlive(child), { timeout: 10_000 }).toBe(false);
  });

  it('stops TLC when the caller aborts', async () => {
    const controller = new AbortController();
    const running = runTlc({
      spec: specOf('22-second-invariant', 'TwoInvariants'),
      tlcJar: jar,
      env: fakeEnv('22-second-invariant', { TLAW_FAKE_JAVA_SLEEP_MS: '600000' }),
      signal: controller.signal,
      // The first message arrives before the stand-in pauses.
      onItem: () => controller.abort(),
    });
    const r = await running;
    expect(r.diagnostics[0]?.message).toMatch(/^TLC was interrupted and stopped/);
  });

  it('says in one sentence when Java is missing', async () => {
    const r = await runTlc({ spec: specOf('01-arith', 'Arith'), tlcJar: jar, env: { PATH: work } });
    expect(r.exitCode).toBe(152);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'Java was not found: install a Java 11 or newer runtime and put `java` on PATH, or set JAVA_HOME.',
    ]);
  });

  it('says in one sentence when tla2tools.jar is missing, and how to get it', async () => {
    const r = await runTlc({
      spec: specOf('01-arith', 'Arith'),
      env: { JAVA_HOME: FAKE_JAVA_HOME, PATH: process.env.PATH },
      projectRoot: work,
    });
    expect(r.exitCode).toBe(152);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'tla2tools.jar was not found: run `tlaw tlc install`, pass --tlc-jar <path>, or set TLA2TOOLS_JAR.',
    ]);
    const named = await runTlc({
      spec: specOf('01-arith', 'Arith'),
      env: { JAVA_HOME: FAKE_JAVA_HOME, PATH: process.env.PATH, TLA2TOOLS_JAR: join(work, 'nope.jar') },
    });
    expect(named.diagnostics[0]?.message).toContain(
      `TLA2TOOLS_JAR names a file that does not exist: ${join(work, 'nope.jar')}`,
    );
  });

  it('reports a JVM that fails before TLC starts', async () => {
    const r = await runTlc({
      spec: specOf('01-arith', 'Arith'),
      tlcJar: jar,
      env: fakeEnv('does-not-exist'),
    });
    expect([r.result, r.exitCode]).toEqual(['error', 255]);
    expect(r.diagnostics[0]?.message).toMatch(
      /^TLC did not start \(exit code 1\): Error: Could not find or load main class tlc2\.TLC; check that .* is tla2tools\.jar\.$/,
    );
  });
});

const REAL_JAR = process.env.TLA2TOOLS_JAR;
const HAS_REAL_TLC = !!REAL_JAR && existsSync(REAL_JAR) && findJava() !== undefined;

describe('runTlc with real Java', () => {
  it.skipIf(findJava() === undefined)('reports a jar that is not tla2tools.jar', async () => {
    const r = await runTlc({ spec: specOf('01-arith', 'Arith'), tlcJar: jar, timeoutMs: 120_000 });
    expect(r.result).toBe('error');
    expect(r.diagnostics[0]?.message).toMatch(
      /^TLC did not start \(exit code 1\): .*tlc2\.TLC.*; check that /,
    );
  });
});

describe('runTlc with real TLC', () => {
  it.skipIf(!HAS_REAL_TLC)('agrees with the recorded result of a conformance case', async () => {
    const r = await runTlc({ spec: specOf('22-second-invariant', 'TwoInvariants'), timeoutMs: 120_000 });
    expect([r.result, r.violated, r.distinctStates, r.exitCode]).toEqual([
      'invariant-violation',
      'Bounded',
      11,
      12,
    ]);
  });
});
