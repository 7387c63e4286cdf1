import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printValue } from '../../src/check/value/index.js';
import { buildProgram } from '../../src/cli/main.js';
import { runTraceConvert, runTraceShow } from '../../src/cli/trace.js';
import { readItf } from '../../src/trace/index.js';
import { captureIO } from './capture-io.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mbt');
const DEADLOCK = join(FIXTURES, 'tlc', '15-deadlock');
const LASSO = join(FIXTURES, 'tlc', '40-always-eventually-fail');
const STUTTER = join(FIXTURES, 'tlc', '39-liveness-stutter');
const KV = join(FIXTURES, 'kv');

function convert(file: string, opts: Parameters<typeof runTraceConvert>[1]) {
  const { out, io } = captureIO();
  return { code: runTraceConvert(file, opts, io), ...out };
}

function show(file: string, json = false) {
  const { out, io } = captureIO();
  return { code: runTraceShow(file, { json }, io), ...out };
}

/** TLC's printed behaviour in its plain output: from `State 1:` to the blank line after the last state or lasso line. */
function tlcBehaviour(tlcOut: string): string[] {
  const lines = tlcOut.split('\n');
  const start = lines.findIndex((l) => l.startsWith('State 1:'));
  let end = start;
  while (end < lines.length && !/^(Finished|\d+ states generated)/.test(lines[end]!)) end++;
  return lines.slice(start, end).filter((l, i, all) => !(l === '' && i === all.length - 1));
}

describe('tlaw trace convert', () => {
  it("converts TLC's plain output to ITF with the run's verdict, without a spec", () => {
    const r = convert(join(DEADLOCK, 'tlc.out'), {});
    expect(r.code).toBe(0);
    const trace = readItf(r.stdout).value!;
    expect(trace).toMatchObject({
      spec: 'Deadlock',
      result: 'deadlock',
      vars: ['lockA', 'lockB', 'pc1', 'pc2'],
    });
    expect(trace.states.map((s) => s.action?.name)).toEqual(['Initial predicate', 'P1a', 'P2a']);
    expect(printValue(trace.states[2]!.values.lockB!)).toBe('"p2"');
  });

  it('recovers typed values from a -dumpTrace json file with --spec, and writes --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-trace-'));
    const out = join(dir, 'sub', 'deadlock.itf.json');
    const r = convert(join(DEADLOCK, 'trace.json'), { spec: join(DEADLOCK, 'Deadlock.tla'), out });
    expect(r).toMatchObject({ code: 0, stdout: `Wrote 3 states to ${out}\n` });
    const trace = readItf(readFileSync(out, 'utf8')).value!;
    expect(trace).toMatchObject({
      spec: 'Deadlock',
      model: 'Deadlock',
      vars: ['pc1', 'pc2', 'lockA', 'lockB'],
    });
    expect(trace.states[1]!.action).toMatchObject({ name: 'P1a', loc: { line: 13, col: 8 } });
  });

  it('says a JSON trace needs --spec', () => {
    const r = convert(join(DEADLOCK, 'trace.json'), {});
    expect(r.code).toBe(152);
    expect(r.stderr).toMatch(/-dumpTrace json trace, which does not tell sets from sequences: pass --spec/);
  });

  it('reports the first state that is not a behaviour of the spec (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-trace-'));
    const json = JSON.parse(readFileSync(join(DEADLOCK, 'trace.json'), 'utf8'));
    json.counterexample.state[2][1].pc2 = 'cs';
    const file = join(dir, 'trace.json');
    writeFileSync(file, JSON.stringify(json));
    const r = convert(file, { spec: join(DEADLOCK, 'Deadlock.tla'), json: true });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.diagnostics[0].message).toMatch(
      /^state 3 diverges: none of the 1 successors of state 2 under action P2a/,
    );
    expect(out.diagnostics[0].loc.file).toBe(file);
  });

  it('prints the ITF document inside the JSON outcome with --json and no --out', () => {
    const r = convert(join(STUTTER, 'tlc-tool.out'), { spec: join(STUTTER, 'LiveStutter.tla'), json: true });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.states).toBe(3);
    expect(readItf(out.trace).value).toMatchObject({
      loop: 2,
      property: 'Reach',
      result: 'liveness-violation',
    });
  });

  it('reports unreadable inputs and a spec that does not load', () => {
    expect(convert(join(DEADLOCK, 'nothing.out'), {}).stderr).toMatch(/nothing\.out: file not found/);
    const noTrace = convert(join(DEADLOCK, 'Deadlock.cfg'), {});
    expect(noTrace.code).toBe(152);
    expect(noTrace.stderr).toMatch(/holds no counterexample trace/);
    const noCfg = convert(join(DEADLOCK, 'trace.json'), {
      spec: join(DEADLOCK, 'Deadlock.tla'),
      config: 'x.cfg',
    });
    expect(noCfg.code).toBe(152);
    expect(noCfg.stderr).toMatch(/x\.cfg: file not found/);
  });
});

describe('tlaw trace show', () => {
  it('prints a converted trace exactly as TLC printed the behaviour', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-trace-'));
    for (const [c, spec] of [
      [DEADLOCK, 'Deadlock'],
      [LASSO, 'InfOftenFail'],
      [STUTTER, 'LiveStutter'],
    ] as const) {
      const out = join(dir, `${spec}.itf.json`);
      expect(convert(join(c, 'trace.json'), { spec: join(c, `${spec}.tla`), out }).code).toBe(0);
      const r = show(out);
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.slice(1)).toEqual(tlcBehaviour(readFileSync(join(c, 'tlc.out'), 'utf8')));
    }
  });

  it('titles the trace with its spec, model and violated property', () => {
    const r = show(join(KV, 'traces', 'counterexamples', 'KvStoreViolation-AtMostOneKey.itf.json'));
    expect(r.stdout.split('\n')[0]).toBe('Trace of KvStore (KvStoreViolation.cfg): AtMostOneKey violated');
  });

  it('prints the ITF with --json, and reports a file that is not ITF', () => {
    const file = join(KV, 'traces', 'regressions', 'forgetful-delete.itf.json');
    expect(readItf(show(file, true).stdout).value?.states).toHaveLength(3);
    const bad = show(join(DEADLOCK, 'trace.json'));
    expect(bad.code).toBe(152);
    expect(bad.stderr).toMatch(/an ITF trace needs "vars"|an ITF trace needs "states"/);
  });
});

describe('tlaw trace (the program)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('wires convert and show', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const file = join(mkdtempSync(join(tmpdir(), 'tlaw-trace-')), 'd.itf.json');
    await buildProgram().parseAsync([
      'node',
      'tlaw',
      'trace',
      'convert',
      join(DEADLOCK, 'tlc-tool.out'),
      '--out',
      file,
    ]);
    expect(process.exitCode).toBe(0);
    await buildProgram().parseAsync(['node', 'tlaw', 'trace', 'show', file]);
    const printed = out.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toMatch(
      /^Wrote 3 states to .*\nTrace of Deadlock: deadlock\nState 1: <Initial predicate>\n/,
    );
    expect(process.exitCode).toBe(0);
  });
});
