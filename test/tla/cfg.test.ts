import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { parseConfigFile, parseConfigText } from '../../src/tla/cfg/index.js';
import { caseIt } from '../support/known-failures.js';
import { SHARED_CASES } from '../support/shared.js';

function parseOk(text: string) {
  const r = parseConfigText(text, 'M.cfg');
  expect(r.diagnostics).toEqual([]);
  return r.value!;
}

function errorsOf(text: string): string[] {
  const r = parseConfigText(text, 'M.cfg');
  expect(r.value).toBeUndefined();
  return r.diagnostics.map(formatDiagnostic);
}

describe('parseConfigText: behaviour keywords', () => {
  it('reads INIT and NEXT with their locations', () => {
    const cfg = parseOk('INIT Init\nNEXT  Next\n');
    expect(cfg.init).toEqual({ name: 'Init', loc: { file: 'M.cfg', line: 1, col: 6 } });
    expect(cfg.next).toEqual({ name: 'Next', loc: { file: 'M.cfg', line: 2, col: 7 } });
    expect(cfg.specification).toBeUndefined();
  });

  it('reads SPECIFICATION', () => {
    expect(parseOk('SPECIFICATION Spec').specification?.name).toBe('Spec');
  });

  it('reads SYMMETRY, VIEW and ALIAS', () => {
    const cfg = parseOk('SYMMETRY Perms\nVIEW View\nALIAS Alias');
    expect([cfg.symmetry?.name, cfg.view?.name, cfg.alias?.name]).toEqual(['Perms', 'View', 'Alias']);
  });

  it('reads CHECK_DEADLOCK TRUE and FALSE, absent by default', () => {
    expect(parseOk('CHECK_DEADLOCK FALSE').checkDeadlock).toBe(false);
    expect(parseOk('CHECK_DEADLOCK TRUE').checkDeadlock).toBe(true);
    expect(parseOk('INIT I').checkDeadlock).toBeUndefined();
  });

  it('accepts TYPE_CONSTRAINT without effect', () => {
    expect(parseOk('TYPE_CONSTRAINT TC\nINIT I').init?.name).toBe('I');
  });
});

describe('parseConfigText: list keywords', () => {
  it('collects INVARIANT and INVARIANTS over several names and lines', () => {
    const cfg = parseOk('INVARIANTS TypeOK Facts\nINVARIANT Third\n  Fourth\nINIT Init');
    expect(cfg.invariants.map((r) => r.name)).toEqual(['TypeOK', 'Facts', 'Third', 'Fourth']);
    expect(cfg.invariants[3].loc).toEqual({ file: 'M.cfg', line: 3, col: 3 });
    expect(cfg.init?.name).toBe('Init');
  });

  it('collects PROPERTY/PROPERTIES', () => {
    expect(parseOk('PROPERTY A\nPROPERTIES B C').properties.map((r) => r.name)).toEqual(['A', 'B', 'C']);
  });

  it('collects CONSTRAINT(S) and ACTION_CONSTRAINT(S) separately', () => {
    const cfg = parseOk('CONSTRAINT A\nACTION_CONSTRAINT B\nCONSTRAINTS C\nACTION_CONSTRAINTS D E');
    expect(cfg.constraints.map((r) => r.name)).toEqual(['A', 'C']);
    expect(cfg.actionConstraints.map((r) => r.name)).toEqual(['B', 'D', 'E']);
  });

  it('collects POSTCONDITION(S)', () => {
    expect(parseOk('POSTCONDITION P\nPOSTCONDITIONS Q').postconditions.map((r) => r.name)).toEqual([
      'P',
      'Q',
    ]);
  });
});

describe('parseConfigText: constants', () => {
  it('reads integers (also negative), strings, booleans and model values', () => {
    const cfg = parseOk('CONSTANTS\n  N = 3\n  M = -7\n  S = "a\\"b"\n  B = TRUE\n  Nil = Nil\n');
    expect(cfg.constants).toEqual([
      { kind: 'value', name: 'N', value: { kind: 'int', value: 3 }, loc: { file: 'M.cfg', line: 2, col: 3 } },
      {
        kind: 'value',
        name: 'M',
        value: { kind: 'int', value: -7 },
        loc: { file: 'M.cfg', line: 3, col: 3 },
      },
      {
        kind: 'value',
        name: 'S',
        value: { kind: 'string', value: 'a"b' },
        loc: { file: 'M.cfg', line: 4, col: 3 },
      },
      {
        kind: 'value',
        name: 'B',
        value: { kind: 'bool', value: true },
        loc: { file: 'M.cfg', line: 5, col: 3 },
      },
      {
        kind: 'value',
        name: 'Nil',
        value: { kind: 'modelValue', name: 'Nil' },
        loc: { file: 'M.cfg', line: 6, col: 3 },
      },
    ]);
  });

  it('reads sets and tuples, nested and empty', () => {
    const cfg = parseOk('CONSTANT Procs = {p1, p2} T = <<1, {}, <<"x">>>>');
    expect(cfg.constants.map((c) => (c.kind === 'value' ? c.value : c))).toEqual([
      {
        kind: 'set',
        elems: [
          { kind: 'modelValue', name: 'p1' },
          { kind: 'modelValue', name: 'p2' },
        ],
      },
      {
        kind: 'tuple',
        elems: [
          { kind: 'int', value: 1 },
          { kind: 'set', elems: [] },
          { kind: 'tuple', elems: [{ kind: 'string', value: 'x' }] },
        ],
      },
    ]);
  });

  it('reads substitutions and module overrides', () => {
    const cfg = parseOk('CONSTANTS\n  Step <- Inc\n  Max <- [Helper] SmallMax\n  K = [Helper] 2');
    expect(cfg.constants).toEqual([
      { kind: 'substitution', name: 'Step', by: 'Inc', loc: { file: 'M.cfg', line: 2, col: 3 } },
      {
        kind: 'substitution',
        name: 'Max',
        by: 'SmallMax',
        module: 'Helper',
        loc: { file: 'M.cfg', line: 3, col: 3 },
      },
      {
        kind: 'value',
        name: 'K',
        value: { kind: 'int', value: 2 },
        module: 'Helper',
        loc: expect.anything(),
      },
    ]);
  });

  it('ends a CONSTANTS section at the next keyword', () => {
    const cfg = parseOk('CONSTANT N = 3 INIT Init');
    expect(cfg.constants).toHaveLength(1);
    expect(cfg.init?.name).toBe('Init');
  });
});

describe('parseConfigText: comments', () => {
  it('skips line comments and nested block comments', () => {
    const cfg = parseOk(
      '\\* a comment INIT Wrong\n(* block (* nested *) NEXT Wrong *)\nINIT Init \\* trailing\nNEXT Next',
    );
    expect(cfg.init).toEqual({ name: 'Init', loc: { file: 'M.cfg', line: 3, col: 6 } });
    expect(cfg.next?.name).toBe('Next');
  });
});

describe('parseConfigText: errors with locations', () => {
  it('rejects a non-keyword at the start of a section', () => {
    expect(errorsOf('INIT Init\nFOO Bar')).toEqual([
      "M.cfg:2:1: Expected a keyword such as INIT or CONSTANT but found `FOO'.",
    ]);
  });

  it('rejects a missing name after INIT', () => {
    expect(errorsOf('INIT\nNEXT Next')).toEqual(["M.cfg:2:1: Expected a name after INIT but found `NEXT'."]);
  });

  it('rejects a keyword given twice', () => {
    expect(errorsOf('INIT A\nINIT B')).toEqual(['M.cfg:2:1: The keyword INIT appears twice.']);
  });

  it('rejects a bad CHECK_DEADLOCK value', () => {
    expect(errorsOf('CHECK_DEADLOCK maybe')).toEqual([
      "M.cfg:1:16: Expected TRUE or FALSE after CHECK_DEADLOCK but found `maybe'.",
    ]);
  });

  it('rejects a constant without = or <-, and keeps going to report later errors', () => {
    expect(errorsOf('CONSTANT N 3\nINIT Init\nNEXT\n')).toEqual([
      "M.cfg:1:12: Expected `=' or `<-' after N but found `3'.",
      'M.cfg:4:1: Expected a name after NEXT but found end of file.',
    ]);
  });

  it('rejects an unclosed set and an unterminated comment', () => {
    expect(errorsOf('CONSTANT S = {1, 2\nINIT I')).toEqual(["M.cfg:2:1: Expected `}' but found `INIT'."]);
    expect(errorsOf('INIT I (* open')).toEqual(['M.cfg:1:8: Unterminated comment.']);
  });

  it('rejects an unexpected character and an integer out of 32-bit range', () => {
    expect(errorsOf('INIT I;')).toEqual(["M.cfg:1:7: Unexpected character `;'."]);
    expect(errorsOf('CONSTANT N = 2147483648')).toEqual(['M.cfg:1:14: The number 2147483648 is too large.']);
  });
});

describe('parseConfigFile', () => {
  it('reads a file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-cfg-'));
    const file = join(dir, 'A.cfg');
    writeFileSync(file, 'SPECIFICATION Spec\n');
    const r = parseConfigFile(file);
    expect(r.value?.specification).toEqual({ name: 'Spec', loc: { file, line: 1, col: 15 } });
  });

  it('reports a missing file as an io diagnostic', () => {
    const r = parseConfigFile('/nonexistent/X.cfg');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0].code).toBe('io');
  });
});

const CASES = SHARED_CASES;
describe.skipIf(!existsSync(CASES))('conformance .cfg files', () => {
  const files = existsSync(CASES)
    ? readdirSync(CASES).flatMap((d) =>
        readdirSync(join(CASES, d))
          .filter((f) => f.endsWith('.cfg'))
          .map((f) => join(CASES, d, f)),
      )
    : [];
  for (const file of files)
    caseIt('cfg', file)(`${file} parses`, () => {
      const r = parseConfigFile(file);
      expect(r.diagnostics).toEqual([]);
      // Every case gives a behaviour but 60, whose spec has no variables (checkConfig decides that).
      if (!file.includes('60-no-behavior')) expect(r.value!.specification ?? r.value!.init).toBeDefined();
    });
});
