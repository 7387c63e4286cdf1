import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

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
