import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CheckOptions, registerCheckCommand, runCheck } from '../../src/cli/check.js';
import { captureIO } from './capture-io.js';

const suite = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/search/suite');

async function run(paths: string[], options: CheckOptions = {}) {
  const { io, out } = captureIO();
  const code = await runCheck(paths, { engine: 'embedded', ...options }, io);
  const lines = out.stdout.trim().split('\n');
  return { code, ...out, lastLine: lines[lines.length - 1]! };
}

describe('tlaw check: bad input', () => {
  it('reports a missing file as a usage error (152), in the JSON too', async () => {
    const r = await run([join(suite, 'Missing.tla')], { json: true });
    expect(r.code).toBe(152);
    const json = JSON.parse(r.lastLine);
    expect(json.result).toBe('error');
    expect(json.exitCode).toBe(152);
    expect(json.diagnostics[0].message).toMatch(/Missing\.tla/);
  });

  it('reports a syntax error with file:line:col and exit 150', async () => {
    const r = await run([join(suite, 'Broken.tla')]);
    expect(r.code).toBe(150);
    expect(r.stderr).toMatch(/Broken\.tla:3:\d+: /);
    const json = JSON.parse((await run([join(suite, 'Broken.tla')], { json: true })).lastLine);
    expect(json).toMatchObject({ result: 'error', exitCode: 150, distinctStates: null });
    expect(json.diagnostics[0].loc.line).toBe(3);
  });

  it('reports a cfg naming an unknown definition with exit 151', async () => {
    const r = await run([join(suite, 'BadCfg.tla')], { json: true });
    expect(r.code).toBe(151);
    expect(
      JSON.parse(r.lastLine)
        .diagnostics.map((d: { message: string }) => d.message)
        .join(),
    ).toMatch(/NoSuchInvariant/);
  });

  it('searches with several workers on the embedded engine, with the outcome of one', async () => {
    const one = await run([join(suite, 'Counter.tla')], { workers: 1 });
    const two = await run([join(suite, 'Counter.tla')], { workers: 2 });
    expect(two.code).toBe(one.code);
    expect(two.stdout.replace(/\d+ms|\d+(\.\d+)?s\b/g, '')).toBe(
      one.stdout.replace(/\d+ms|\d+(\.\d+)?s\b/g, ''),
    );
  });

  it('rejects --depth without --simulate', async () => {
    expect((await run([join(suite, 'Counter.tla')], { depth: 5 })).code).toBe(152);
  });
});

describe('tlaw check: a folder with models.json', () => {
  it('checks every model, prints one line each, and fails when one does not match', async () => {
    const r = await run([suite]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^PASS broken-is-an-error: error/);
    expect(lines[1]).toMatch(/^FAIL bad-cfg-expected-ok: error.*expected ok/);
    expect(lines[2]).toBe('1 of 2 models as expected.');
  });

  it('prints a JSON array with the expectation and whether it matched', async () => {
    const r = await run([suite], { json: true });
    const rows = JSON.parse(r.lastLine);
    expect(rows.map((m: { name: string; matched: boolean }) => [m.name, m.matched])).toEqual([
      ['broken-is-an-error', true],
      ['bad-cfg-expected-ok', false],
    ]);
  });
});

describe('tlaw check: model checking a spec', () => {
  it('finds the invariant violation with TLC counts', async () => {
    const r = await run([join(suite, 'Counter.tla')], { json: true });
    const json = JSON.parse(r.lastLine);
    expect(json).toMatchObject({
      result: 'invariant-violation',
      violated: 'Small',
      distinctStates: 4,
      depth: 4,
    });
    expect(r.code).toBe(12);
  });

  it('writes the counterexample as an ITF trace with --dump-trace', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tlaw-check-')), 'trace.itf.json');
    await run([join(suite, 'Counter.tla')], { json: true, dumpTrace: file });
    const itf = JSON.parse(readFileSync(file, 'utf8'));
    expect(itf.vars).toEqual(['x']);
    expect(itf.states.map((s: { x: unknown }) => s.x)).toEqual(
      [0, 1, 2, 3].map((x) => ({ '#bigint': String(x) })),
    );
  });

  it('prints the TLC-style report in text mode', async () => {
    const r = await run([join(suite, 'Counter.tla')]);
    expect(r.stdout).toContain('Error: Invariant Small is violated.');
    expect(r.stdout).toContain('State 1: <Initial predicate>');
    expect(r.stdout).toContain('4 states generated, 4 distinct states found, 0 states left on queue.');
  });
});

describe('tlaw check: deadlock, simulation, folders', () => {
  const stuck = join(suite, '../plain/Stuck.tla');

  it('reports a deadlock (exit 11) unless --no-deadlock is given', async () => {
    const r = await run([stuck], { json: true });
    expect(JSON.parse(r.lastLine)).toMatchObject({ result: 'deadlock', distinctStates: 3, depth: 3 });
    expect(r.code).toBe(11);
    const off = await run([stuck], { json: true, deadlock: false });
    expect(JSON.parse(off.lastLine)).toMatchObject({ result: 'ok', distinctStates: 3 });
    expect(off.code).toBe(0);
  });

  it('simulates with a seed, reproducibly', async () => {
    const a = JSON.parse(
      (await run([join(suite, 'Counter.tla')], { json: true, simulate: 5, seed: 3 })).lastLine,
    );
    const b = JSON.parse(
      (await run([join(suite, 'Counter.tla')], { json: true, simulate: 5, seed: 3 })).lastLine,
    );
    expect(a.result).toBe('invariant-violation');
    expect(a.distinctStates).toBeNull();
    expect(b.trace).toEqual(a.trace);
  });

  it('checks every .tla with a .cfg in a folder without models.json', async () => {
    const r = await run([join(suite, '../plain')]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^FAIL Stuck: deadlock, 3 distinct states/);
    expect(lines[1]).toBe('0 of 1 models as expected.');
    expect(r.code).toBe(11);
  });
});

describe('tlaw check: command line', () => {
  afterEach(() => vi.restoreAllMocks());

  it('parses options through commander and prints JSON on stdout', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const program = new Command('tlaw').exitOverride();
    registerCheckCommand(program);
    const before = process.exitCode;
    await program.parseAsync([
      'node',
      'tlaw',
      'check',
      '--json',
      '--no-deadlock',
      join(suite, 'Missing.tla'),
    ]);
    const code = process.exitCode;
    process.exitCode = before;
    expect(code).toBe(152);
    expect(JSON.parse(out.join('').trim()).result).toBe('error');
  });
});
