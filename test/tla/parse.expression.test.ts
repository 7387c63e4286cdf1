import { describe, expect, it } from 'vitest';
import { parseExpressionText } from '../../src/tla/parse/index.js';

describe('parseExpressionText', () => {
  it('parses a value as TLC prints it, with locations relative to the text', () => {
    const r = parseExpressionText('[a |-> 1, b |-> {"x", "y"}]', 'state');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toMatchObject({
      kind: 'RecordCtor',
      loc: { file: 'state', line: 1, col: 1, endLine: 1, endCol: 28 },
      fields: [{ name: 'a' }, { name: 'b', value: { kind: 'SetEnum', loc: { line: 1, col: 17 } } }],
    });
  });

  it('parses a multi-line junction list', () => {
    const r = parseExpressionText('/\\ x = 1\n/\\ y = <<1, "a">>', 'state');
    expect(r.value).toMatchObject({
      kind: 'OpApp',
      name: '/\\',
      loc: { line: 1, col: 1, endLine: 2, endCol: 18 },
      args: [
        { name: '=', loc: { line: 1, col: 4 } },
        { name: '=', loc: { line: 2, col: 4 } },
      ],
    });
  });

  it('reports syntax errors at positions in the expression text', () => {
    const r = parseExpressionText('1 2', 'e');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      { code: 'syntax', message: 'Encountered "2" at line 1, column 3', loc: { line: 1, col: 3 } },
    ]);
  });

  it('rejects text that is not one expression', () => {
    expect(parseExpressionText('', 'e').value).toBeUndefined();
    expect(parseExpressionText('A == 1', 'e').diagnostics.length).toBeGreaterThan(0);
  });
});
