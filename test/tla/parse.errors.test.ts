import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { parseModuleFile, parseModuleText } from '../../src/tla/parse/index.js';
import { SHARED_CASES } from '../support/shared.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'parse');

function errors(body: string) {
  const r = parseModuleText(`---- MODULE T ----\n${body}\n====\n`, 'T.tla');
  expect(r.value).toBeUndefined();
  return r.diagnostics;
}

describe('syntax errors', () => {
  it('points an unclosed parenthesis at the next definition, as SANY does', () => {
    const r = parseModuleFile(join(fixtures, 'ParseError.tla'));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'syntax', severity: 'error', loc: { line: 11, col: 1 } });
    expect(d.message).toContain('Encountered "Beginning of definition" at line 11, column 1');
    expect(d.message).toContain('unclosed "(" at line 9, column 14');
    expect(formatDiagnostic(d)).toMatch(/ParseError\.tla:11:1: Encountered/);
  });

  it('points an IF without ELSE at the definition that follows', () => {
    const [d] = errors('A == IF x THEN 1\nB == 2');
    expect(d).toMatchObject({ code: 'syntax', loc: { file: 'T.tla', line: 3, col: 1 } });
  });

  it('points an incomplete last definition at the end of the module', () => {
    const [d] = errors('A == 1 +\n');
    expect(d!.message).toBe('Encountered "====" at line 4, column 1');
  });

  it('names a stray closing bracket', () => {
    const [d] = errors('A == (1 + 2))\nB == 3');
    expect(d).toMatchObject({ message: 'Encountered ")" at line 2, column 13', loc: { line: 2, col: 13 } });
  });

  it('names an unclosed set brace', () => {
    const [d] = errors('A == {1, 2\nB == 3');
    expect(d!.message).toContain('unclosed "{" at line 2, column 6');
  });

  it('reports a missing module end', () => {
    const r = parseModuleText('---- MODULE T ----\nA == 1\n', 'T.tla');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]!.message).toContain('missing "===="');
  });

  it('collects several errors in one file', () => {
    const ds = errors('A == (1 + 2))\nB == 3\nC == {1, 2\nD == 4');
    expect(ds.map((d) => d.message)).toEqual([
      'Encountered ")" at line 2, column 13',
      'Encountered "Beginning of definition" at line 5, column 1 (unclosed "{" at line 4, column 6)',
    ]);
    expect(ds.every((d) => d.code === 'syntax')).toBe(true);
  });

  it('reports a file without a module header', () => {
    const r = parseModuleText('A == 1\n', 'T.tla');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'syntax', loc: { line: 1, col: 1 } });
  });

  it('reports a missing file as an io diagnostic, not an exception', () => {
    const r = parseModuleFile(join(fixtures, 'NoSuchSpec.tla'));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'io', severity: 'error' }]);
  });
});

describe('damaged specs', () => {
  it.each(
    readdirSync(fixtures).filter((f) => f.endsWith('.tla')),
  )('every one-line deletion of %s parses or gives located syntax diagnostics, never an exception', (file) => {
    const lines = readFileSync(join(fixtures, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      const r = parseModuleText(text, file);
      if (r.value === undefined) {
        expect(r.diagnostics.length).toBeGreaterThan(0);
        for (const d of r.diagnostics) expect(d.loc).toMatchObject({ file });
      }
    }
  });

  it('ignores a byte-order mark', () => {
    const r = parseModuleText('\uFEFF---- MODULE T ----\nA == 1\n====\n', 'T.tla');
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.units[0]!.loc).toMatchObject({ line: 2, col: 1 });
  });
});

describe('constructs outside the supported language', () => {
  it('reports real numbers as unsupported with their location', () => {
    const r = parseModuleText('---- MODULE T ----\nA == 3.14\n====\n', 'T.tla');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'unsupported', loc: { line: 2, col: 6 } }]);
  });
});

const shared = `${SHARED_CASES}/48-parse-error`;
describe.skipIf(!existsSync(shared))('conformance case 48-parse-error', () => {
  it('reports the line and column SANY reports', () => {
    const expected = JSON.parse(readFileSync(join(shared, 'expected.json'), 'utf8')) as {
      errorMessage: string;
    };
    const [, line, col] = /at line (\d+), column (\d+)/.exec(expected.errorMessage)!;
    const r = parseModuleFile(join(shared, 'ParseError.tla'));
    expect(r.diagnostics[0]!.loc).toMatchObject({ line: Number(line), col: Number(col) });
  });
});
