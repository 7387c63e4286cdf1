import { describe, expect, it } from 'vitest';
import type { Module } from '../../src/tla/ast.js';
import { parseModuleText } from '../../src/tla/parse/index.js';

function parse(body: string, header = '---- MODULE M ----'): Module {
  const r = parseModuleText(`${header}\n${body}\n====\n`, '/specs/M.tla');
  expect(r.diagnostics).toEqual([]);
  return r.value!;
}

describe('module structure', () => {
  it('reads the name, EXTENDS list and file', () => {
    const m = parse('EXTENDS Naturals, Sequences\nA == 1', '------------- MODULE M -------------');
    expect(m.name).toBe('M');
    expect(m.file).toBe('/specs/M.tla');
    expect(m.extends.map((e) => e.name)).toEqual(['Naturals', 'Sequences']);
    expect(m.extends[1]!.loc).toMatchObject({ line: 2, col: 19, endCol: 28 });
  });

  it('reads CONSTANT(S) with operator constants and VARIABLE(S)', () => {
    const m = parse('CONSTANTS N, Op(_, _), _ ** _\nCONSTANT K\nVARIABLES x, y\nVARIABLE z');
    expect(m.units).toMatchObject([
      {
        kind: 'ConstantDecl',
        names: [
          { name: 'N', arity: 0 },
          { name: 'Op', arity: 2 },
          { name: '**', arity: 2 },
        ],
      },
      { kind: 'ConstantDecl', names: [{ name: 'K', arity: 0 }] },
      { kind: 'VariableDecl', names: [{ name: 'x' }, { name: 'y' }] },
      { kind: 'VariableDecl', names: [{ name: 'z', loc: { line: 5, col: 10 } }] },
    ]);
  });

  it('reads operator definitions with ordinary and higher-order parameters', () => {
    const m = parse('Twice(F(_), v) == F(F(v))\nFold(Op(_, _), a, b) == Op(a, b)');
    expect(m.units).toMatchObject([
      {
        kind: 'OperatorDef',
        name: 'Twice',
        params: [
          { name: 'F', arity: 1 },
          { name: 'v', arity: 0 },
        ],
        local: false,
        recursive: false,
        loc: { line: 2, col: 1 },
      },
      { kind: 'OperatorDef', name: 'Fold', params: [{ name: 'Op', arity: 2 }, { name: 'a' }, { name: 'b' }] },
    ]);
  });

  it('reads user-defined infix, prefix and postfix operators under canonical names', () => {
    const m = parse('a (+) b == a + b\nx \\oplus y == x\n-. a == 0 - a\na ^+ == a');
    expect(
      m.units.map((u) => (u.kind === 'OperatorDef' ? [u.name, u.params.map((p) => p.name)] : u.kind)),
    ).toEqual([
      ['(+)', ['a', 'b']],
      ['(+)', ['x', 'y']],
      ['-.', ['a']],
      ['^+', ['a']],
    ]);
  });

  it('reads definitions of the standard sets, as standard modules write them', () => {
    const m = parse('Nat == {}\nInt == {}\nx - y == 0');
    expect(m.units.map((u) => (u.kind === 'OperatorDef' ? u.name : u.kind))).toEqual(['Nat', 'Int', '-']);
  });

  it('marks definitions named by RECURSIVE', () => {
    const m = parse(
      'RECURSIVE Fact(_), Other(_)\nFact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)\nPlain == 1',
    );
    expect(m.units).toMatchObject([
      { kind: 'RecursiveDecl', ops: [{ name: 'Fact', arity: 1 }, { name: 'Other' }] },
      { kind: 'OperatorDef', name: 'Fact', recursive: true },
      { kind: 'OperatorDef', name: 'Plain', recursive: false },
    ]);
  });

  it('reads recursive function definitions with several bounds', () => {
    const m = parse('f[n \\in Nat, <<a, b>> \\in S] == f[n - 1, <<a, b>>]');
    expect(m.units[0]).toMatchObject({
      kind: 'FunctionDef',
      name: 'f',
      bounds: [
        { names: ['n'], tuple: false },
        { names: ['a', 'b'], tuple: true },
      ],
      body: { kind: 'FcnApp' },
      local: false,
    });
  });

  it('reads LOCAL definitions and instances', () => {
    const m = parse('LOCAL A == 1\nLOCAL f[x \\in S] == x\nLOCAL INSTANCE Naturals\nB == 2');
    expect(m.units).toMatchObject([
      { kind: 'OperatorDef', name: 'A', local: true },
      { kind: 'FunctionDef', name: 'f', local: true },
      { kind: 'Instance', module: 'Naturals', local: true },
      { kind: 'OperatorDef', name: 'B', local: false },
    ]);
  });

  it('reads unnamed, named and parameterised INSTANCE with substitutions', () => {
    const m = parse(
      'INSTANCE Counter WITH c <- a, Limit <- 2\nB == INSTANCE Counter WITH c <- b\nP(v, lim) == INSTANCE Counter WITH c <- v, Limit <- lim, + <- -',
    );
    expect(m.units).toMatchObject([
      {
        kind: 'Instance',
        module: 'Counter',
        substitutions: [
          { name: 'c', value: { kind: 'Ident', name: 'a' } },
          { name: 'Limit', value: { kind: 'Num', value: '2' } },
        ],
      },
      {
        kind: 'InstanceDef',
        name: 'B',
        params: [],
        instance: { module: 'Counter', substitutions: [{ name: 'c' }] },
      },
      {
        kind: 'InstanceDef',
        name: 'P',
        params: [{ name: 'v' }, { name: 'lim' }],
        instance: {
          substitutions: [
            { name: 'c' },
            { name: 'Limit' },
            { name: '+', value: { kind: 'Ident', name: '-' } },
          ],
        },
      },
    ]);
  });

  it('reads ASSUME / ASSUMPTION, named or not, and keeps theorems', () => {
    const m = parse('ASSUME N > 0\nASSUMPTION Pos == N >= 0\nTHEOREM T1 == TRUE\nLEMMA TRUE\nPROOF OBVIOUS');
    expect(m.units).toMatchObject([
      { kind: 'Assume', expr: { kind: 'OpApp', name: '>' } },
      { kind: 'Assume', name: 'Pos', expr: { kind: 'OpApp', name: '>=' } },
      { kind: 'Theorem', name: 'T1' },
      { kind: 'Theorem' },
    ]);
    expect(m.units[0]).not.toHaveProperty('name');
  });

  it('keeps nested modules as units, in order, and skips separators', () => {
    const m = parse('A == 1\n----\n---- MODULE Inner ----\nZ == 2\n====\nB == Inner!Z');
    expect(m.units.map((u) => u.kind)).toEqual(['OperatorDef', 'Module', 'OperatorDef']);
    expect(m.units[1]).toMatchObject({
      kind: 'Module',
      name: 'Inner',
      units: [{ kind: 'OperatorDef', name: 'Z' }],
    });
  });

  it('ignores comments', () => {
    const m = parse(
      '(* block *)\nA == 1 \\* line comment\n(* another\n   block *)\nB == /\\ 1 (* inline *)\n     /\\ 2',
    );
    expect(m.units.map((u) => (u.kind === 'OperatorDef' ? u.name : u.kind))).toEqual(['A', 'B']);
  });

  it('picks the module named after the file and ignores text after it', () => {
    const text = '---- MODULE M ----\nA == 1\n====\n---- CONFIG M ----\nINIT\n    Init\n====\n';
    const r = parseModuleText(text, '/specs/M.tla');
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.name).toBe('M');
  });
});
