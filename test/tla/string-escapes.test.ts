import { describe, expect, it } from 'vitest';
import { parseModuleText } from '../../src/tla/parse/index.js';

describe('string escapes', () => {
  it('a string escape other than \\" \\\\ \\n \\t \\r \\f', () => {
    const r = parseModuleText('---- MODULE S ----\nA == "ok \\n \\q"\n====\n', 'S.tla');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      { code: 'syntax', severity: 'error', loc: { file: 'S.tla', line: 2, col: 13 } },
    ]);
    expect(r.diagnostics[0]!.message).toContain('\\q');
  });

  it('the escapes TLA+ knows still decode', () => {
    const r = parseModuleText('---- MODULE S ----\nA == "\\" \\\\ \\n \\t \\r \\f"\n====\n', 'S.tla');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.units[0]).toMatchObject({ body: { kind: 'Str', value: '" \\ \n \t \r \f' } });
  });
});
