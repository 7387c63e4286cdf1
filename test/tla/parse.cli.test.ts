import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { moduleSummary, registerParseCommand } from '../../src/cli/parse.js';
import { parseModuleText } from '../../src/tla/parse/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'parse');
const scratch = mkdtempSync(join(tmpdir(), 'tlaw-parse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run `tlaw parse ...args` in-process, capturing stdout, stderr and the exit code. */
async function run(...args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const program = new Command('tlaw').exitOverride();
    registerParseCommand(program);
    await program.parseAsync(['node', 'tlaw', 'parse', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  return { out, err, code };
}

describe('tlaw parse', () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('prints a summary of a spec and the modules it loads', async () => {
    const { out, err, code } = await run(join(fixtures, 'InstanceMain.tla'));
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('MODULE InstanceMain');
    expect(out).toContain('extends: Naturals');
    expect(out).toContain('variables: a, b');
    expect(out).toContain('definitions: Init, Next, Inv');
    expect(out).toContain('instances: INSTANCE Counter, B == INSTANCE Counter, P/2 == INSTANCE Counter');
    expect(out).toMatch(/modules loaded: .*Counter/);
  });

  it('prints the AST as JSON with --json', async () => {
    const { out, code } = await run(join(fixtures, 'Operators.tla'), '--json');
    expect(code).toBe(0);
    const ast = JSON.parse(out) as { kind: string; name: string; units: { kind: string; name?: string }[] };
    expect(ast).toMatchObject({ kind: 'Module', name: 'Operators' });
    expect(ast.units.some((u) => u.kind === 'OperatorDef' && u.name === '(+)')).toBe(true);
  });

  it('prints syntax errors as file:line:col on stderr and exits 150', async () => {
    const { out, err, code } = await run(join(fixtures, 'ParseError.tla'));
    expect(code).toBe(150);
    expect(out).toBe('');
    expect(err).toMatch(/ParseError\.tla:11:1: Encountered "Beginning of definition" at line 11, column 1/);
  });

  it('prints diagnostics as JSON with --json on failure', async () => {
    const { out, code } = await run(join(fixtures, 'ParseError.tla'), '--json');
    expect(code).toBe(150);
    expect(JSON.parse(out)).toMatchObject({ diagnostics: [{ code: 'syntax', loc: { line: 11, col: 1 } }] });
  });

  it('prints the AST as one JSON object on one line', async () => {
    const { out, code } = await run(join(fixtures, 'Operators.tla'), '--json');
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints diagnostics as one JSON object on one line', async () => {
    const { out, code } = await run('/dev/zero', '--json');
    expect(code).toBe(152);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(out).diagnostics[0].message).toBe('Cannot read /dev/zero: not a regular file.');
  });

  it('reports a missing EXTENDS module with its location', async () => {
    const file = join(scratch, 'Lonely.tla');
    writeFileSync(file, '---- MODULE Lonely ----\nEXTENDS NoSuchModule\nA == 1\n====\n');
    const { err, code } = await run(file);
    expect(code).toBe(150);
    expect(err).toContain(`${file}:2:9:`);
    expect(err).toContain('NoSuchModule');
  });

  it('reports an undefined operator found by the semantic checks, exit 150', async () => {
    const file = join(scratch, 'Undef.tla');
    writeFileSync(file, '---- MODULE Undef ----\nVARIABLE x\nInit == x = Successor(0)\n====\n');
    const { err, code } = await run(file);
    expect(code).toBe(150);
    expect(err).toContain(`${file}:3:`);
    expect(err).toContain('Successor');
  });

  it('exits 152 when the file does not exist', async () => {
    const { err, code } = await run(join(fixtures, 'Missing.tla'));
    expect(code).toBe(152);
    expect(err).toContain('Missing.tla');
  });
});

describe('moduleSummary', () => {
  it('lists constants with arity, recursive and local definitions, and nested modules', () => {
    const text = [
      '---- MODULE S ----',
      'CONSTANTS N, Op(_, _)',
      'RECURSIVE F(_)',
      'F(n) == F(n)',
      'LOCAL G == 1',
      'f[x \\in {1}] == x',
      'ASSUME N > 0',
      '---- MODULE Inner ----',
      'Z == 1',
      '====',
      '====',
    ].join('\n');
    const m = parseModuleText(text, 'S.tla').value!;
    const s = moduleSummary(m);
    expect(s).toContain('constants: N, Op(_, _)');
    expect(s).toContain('definitions: F/1 (recursive), LOCAL G, f[x]');
    expect(s).toContain('assumptions: 1');
    expect(s).toContain('  MODULE Inner (S.tla)');
  });
});
