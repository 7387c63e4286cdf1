import { describe, expect, it } from 'vitest';
import type { Expr, OperatorDef } from '../../src/tla/ast.js';
import { parseModuleText } from '../../src/tla/parse/index.js';

/** Parse `X == <text>` inside a module and return X's body. */
function expr(text: string): Expr {
  const r = parseModuleText(`---- MODULE T ----\nX == ${text}\n====\n`, 'T.tla');
  expect(r.diagnostics).toEqual([]);
  const def = r.value!.units[0] as OperatorDef;
  return def.body;
}

/** A compact s-expression of an expression, for structural assertions. */
function sx(e: Expr): string {
  switch (e.kind) {
    case 'Num':
      return e.value;
    case 'Str':
      return JSON.stringify(e.value);
    case 'Bool':
      return String(e.value);
    case 'Ident':
      return e.name;
    case 'At':
      return '@';
    case 'OpApp':
      return `(${e.name} ${e.args.map(sx).join(' ')})`;
    case 'Prime':
      return `${sx(e.expr)}'`;
    case 'Tuple':
      return `<<${e.elems.map(sx).join(', ')}>>`;
    case 'SetEnum':
      return `{${e.elems.map(sx).join(', ')}}`;
    case 'FcnApp':
      return `${sx(e.fcn)}[${e.args.map(sx).join(', ')}]`;
    default:
      return e.kind;
  }
}

describe('literals', () => {
  it('reads numbers in every base as decimal values', () => {
    expect(sx(expr('\\b101 + \\o17 + \\hFF + \\HfF + 007'))).toBe('(+ (+ (+ (+ 5 15) 255) 255) 7)');
  });

  it('keeps integers beyond 32 bits exact', () => {
    expect(expr('12345678901234567890')).toMatchObject({ kind: 'Num', value: '12345678901234567890' });
  });

  it('decodes string escapes', () => {
    expect(expr('"a\\"b\\\\c\\nd\\te"')).toMatchObject({ kind: 'Str', value: 'a"b\\c\nd\te' });
  });

  it('reads TRUE/FALSE as booleans and BOOLEAN/STRING/Nat/Int as names', () => {
    expect(sx(expr('<<TRUE, FALSE, BOOLEAN, STRING, Nat, Int>>'))).toBe(
      '<<true, false, BOOLEAN, STRING, Nat, Int>>',
    );
  });
});

describe('operators and precedence', () => {
  it('makes unary minus "-." and follows TLC on -7 \\div 2 and -7 % 2', () => {
    expect(sx(expr('-7 \\div 2'))).toBe('(-. (\\div 7 2))');
    expect(sx(expr('-7 % 2'))).toBe('(% (-. 7) 2)');
    expect(sx(expr('1 - 2'))).toBe('(- 1 2)');
  });

  it('binds arithmetic tighter than comparison and comparison tighter than /\\', () => {
    expect(sx(expr('a + b * c = d /\\ e'))).toBe('(/\\ (= (+ a (* b c)) d) e)');
    expect(sx(expr('~a = b'))).toBe('(~ (= a b))');
    expect(sx(expr('1..n+1'))).toBe('(.. 1 (+ n 1))');
  });

  it('binds SUBSET, UNION and DOMAIN as SANY does (10-13): tighter than .. and \\cup, looser than ^', () => {
    expect(sx(expr('x \\in SUBSET 1..3'))).toBe('(\\in x (.. (SUBSET 1) 3))');
    expect(sx(expr('SUBSET (1..3)'))).toBe('(SUBSET (.. 1 3))');
    expect(sx(expr('UNION S \\cup T'))).toBe('(\\cup (UNION S) T)');
    expect(sx(expr('DOMAIN f = S'))).toBe('(= (DOMAIN f) S)');
    expect(sx(expr('SUBSET a ^ b'))).toBe('(SUBSET (^ a b))');
    expect(sx(expr('DOMAIN f[1]'))).toBe('(DOMAIN f[1])');
  });

  it('flattens an unparenthesised \\X chain into one n-ary product', () => {
    expect(sx(expr('A \\X B \\X C'))).toBe('(\\X A B C)');
    expect(sx(expr('(A \\X B) \\X C'))).toBe('(\\X (\\X A B) C)');
    expect(sx(expr('A \\times B'))).toBe('(\\X A B)');
  });

  it('reads prime, UNCHANGED, ENABLED, SUBSET, UNION and DOMAIN', () => {
    expect(sx(expr("x' = x + 1"))).toBe("(= x' (+ x 1))");
    expect(expr('UNCHANGED <<x, y>>')).toMatchObject({ kind: 'Unchanged', expr: { kind: 'Tuple' } });
    expect(expr('ENABLED A')).toMatchObject({ kind: 'Enabled', expr: { kind: 'Ident', name: 'A' } });
    expect(sx(expr('SUBSET UNION DOMAIN f'))).toBe('(SUBSET (UNION (DOMAIN f)))');
  });

  it('reads calls, nonfix symbol calls and higher-order arguments', () => {
    expect(sx(expr('Op(1, F, +)'))).toBe('(Op 1 F +)');
    expect(sx(expr('+(1, 2)'))).toBe('(+ 1 2)');
    const lam = expr('Map(LAMBDA a, b : a + b, s)');
    expect(lam).toMatchObject({
      kind: 'OpApp',
      name: 'Map',
      args: [{ kind: 'Lambda', params: ['a', 'b'] }, {}],
    });
  });

  it('keeps user operator symbols under their canonical name', () => {
    expect(sx(expr('a (+) b'))).toBe('((+) a b)');
    expect(sx(expr('a \\oplus b'))).toBe('((+) a b)');
    expect(sx(expr('a ++ b'))).toBe('(++ a b)');
  });
});

describe('junction lists', () => {
  it('turns bullets into one n-ary application in source order', () => {
    const e = expr('/\\ a\n     /\\ b\n     /\\ \\/ c\n        \\/ d\n     /\\ e');
    expect(sx(e)).toBe('(/\\ a b (\\/ c d) e)');
  });

  it('takes a single bullet as its item', () => {
    expect(sx(expr('/\\ a = 1'))).toBe('(= a 1)');
  });

  it('keeps infix /\\ and \\/ binary', () => {
    expect(sx(expr('a /\\ b \\/ c'))).toBe('(\\/ (/\\ a b) c)');
  });
});

describe('sets', () => {
  it('reads enumeration, filter with a tuple pattern and map with several bounds', () => {
    expect(sx(expr('{1, 2}'))).toBe('{1, 2}');
    expect(expr('{<<a, b>> \\in S \\X T : a < b}')).toMatchObject({
      kind: 'SetFilter',
      bound: { names: ['a', 'b'], tuple: true, set: { kind: 'OpApp', name: '\\X' } },
      pred: { kind: 'OpApp', name: '<' },
    });
    expect(expr('{x \\in S : x > 1}')).toMatchObject({
      kind: 'SetFilter',
      bound: { names: ['x'], tuple: false },
    });
    expect(expr('{a + b : a \\in S, b, c \\in T}')).toMatchObject({
      kind: 'SetMap',
      body: { kind: 'OpApp', name: '+' },
      bounds: [{ names: ['a'] }, { names: ['b', 'c'] }],
    });
  });
});

describe('functions, records and tuples', () => {
  it('reads function constructors, application and function sets', () => {
    expect(expr('[x \\in S, y \\in T |-> x]')).toMatchObject({
      kind: 'FcnCtor',
      bounds: [{ names: ['x'] }, { names: ['y'] }],
      body: { kind: 'Ident', name: 'x' },
    });
    expect(sx(expr('f[a][b, c]'))).toBe('f[a][b, c]');
    expect(expr('[S -> T]')).toMatchObject({ kind: 'FcnSet', domain: { name: 'S' }, range: { name: 'T' } });
  });

  it('reads records, record sets and field access', () => {
    expect(expr('[a |-> 1, b |-> 2]')).toMatchObject({
      kind: 'RecordCtor',
      fields: [
        { name: 'a', value: { value: '1' } },
        { name: 'b', value: { value: '2' } },
      ],
    });
    expect(expr('[a : Nat, b : STRING]')).toMatchObject({
      kind: 'RecordSet',
      fields: [{ name: 'a' }, { name: 'b' }],
    });
    expect(expr('r.f.g')).toMatchObject({
      kind: 'FieldAccess',
      field: 'g',
      record: { kind: 'FieldAccess', field: 'f' },
    });
  });

  it('reads EXCEPT with nested index and field paths and @', () => {
    expect(expr('[f EXCEPT ![1][2] = @ + 1, !.a = 3, ![p].log[2, 3] = 4]')).toMatchObject({
      kind: 'Except',
      fcn: { name: 'f' },
      updates: [
        {
          path: [
            { kind: 'index', args: [{ value: '1' }] },
            { kind: 'index', args: [{ value: '2' }] },
          ],
          value: { kind: 'OpApp', name: '+', args: [{ kind: 'At' }, { value: '1' }] },
        },
        { path: [{ kind: 'field', name: 'a' }] },
        { path: [{ kind: 'index' }, { kind: 'field', name: 'log' }, { kind: 'index', args: [{}, {}] }] },
      ],
    });
  });

  it('reads tuples, including the empty one', () => {
    expect(sx(expr('<<1, <<>>, "a">>'))).toBe('<<1, <<>>, "a">>');
  });
});

describe('binders', () => {
  it('reads bounded quantifiers with several bounds and tuple patterns', () => {
    expect(expr('\\A a, b \\in S, <<c, d>> \\in T : a')).toMatchObject({
      kind: 'Quant',
      quantifier: 'forall',
      bounds: [
        { names: ['a', 'b'], tuple: false },
        { names: ['c', 'd'], tuple: true },
      ],
      unbounded: [],
    });
    expect(expr('\\exists x \\in S : x')).toMatchObject({ kind: 'Quant', quantifier: 'exists' });
  });

  it('reads unbounded quantifiers and temporal quantifiers', () => {
    expect(expr('\\E x, y : x = y')).toMatchObject({
      kind: 'Quant',
      quantifier: 'exists',
      bounds: [],
      unbounded: ['x', 'y'],
    });
    expect(expr('\\EE h : h')).toMatchObject({ kind: 'TemporalQuant', quantifier: 'EE', names: ['h'] });
    expect(expr('\\AA h : h')).toMatchObject({ kind: 'TemporalQuant', quantifier: 'AA' });
  });

  it('reads bounded, unbounded and tuple CHOOSE', () => {
    expect(expr('CHOOSE x \\in S : x > 0')).toMatchObject({
      kind: 'Choose',
      names: ['x'],
      tuple: false,
      set: { name: 'S' },
    });
    const unbounded = expr('CHOOSE x : x = 1');
    expect(unbounded).toMatchObject({ kind: 'Choose', names: ['x'] });
    expect('set' in unbounded).toBe(false);
    expect(expr('CHOOSE <<a, b>> \\in S : a = b')).toMatchObject({
      kind: 'Choose',
      names: ['a', 'b'],
      tuple: true,
    });
  });
});

describe('control flow', () => {
  it('reads IF, CASE with OTHER and LET', () => {
    expect(expr('IF a THEN 1 ELSE 2')).toMatchObject({
      kind: 'If',
      cond: { name: 'a' },
      else: { value: '2' },
    });
    expect(expr('CASE x = 1 -> "a" [] x = 2 -> "b" [] OTHER -> "c"')).toMatchObject({
      kind: 'Case',
      arms: [{ body: { value: 'a' } }, { body: { value: 'b' } }],
      other: { value: 'c' },
    });
    expect('other' in expr('CASE x = 1 -> 2')).toBe(false);
    expect(expr('LET A(y) == y  f[n \\in Nat] == n IN A(1)')).toMatchObject({
      kind: 'Let',
      defs: [
        { kind: 'OperatorDef', name: 'A', params: [{ name: 'y', arity: 0 }] },
        { kind: 'FunctionDef', name: 'f' },
      ],
      body: { kind: 'OpApp', name: 'A' },
    });
  });

  it('marks LET operators declared RECURSIVE', () => {
    const e = expr('LET RECURSIVE F(_)  F(n) == IF n = 0 THEN 0 ELSE F(n - 1)  G == 1 IN F(3)');
    expect(e).toMatchObject({
      kind: 'Let',
      defs: [
        { kind: 'RecursiveDecl', ops: [{ name: 'F', arity: 1 }] },
        { kind: 'OperatorDef', name: 'F', recursive: true },
        { kind: 'OperatorDef', name: 'G', recursive: false },
      ],
    });
  });
});

describe('actions and temporal formulas', () => {
  it('reads [A]_v, <<A>>_v, WF and SF', () => {
    expect(expr('[][Next]_<<x, y>>')).toMatchObject({
      kind: 'OpApp',
      name: '[]',
      args: [{ kind: 'ActionBox', action: { name: 'Next' }, sub: { kind: 'Tuple' } }],
    });
    expect(expr('<<A>>_v')).toMatchObject({ kind: 'ActionAngle', action: { name: 'A' }, sub: { name: 'v' } });
    expect(expr('WF_vars(Next)')).toMatchObject({ kind: 'Fairness', strength: 'WF', sub: { name: 'vars' } });
    expect(expr('SF_<<x>>(A(1))')).toMatchObject({ kind: 'Fairness', strength: 'SF', action: { name: 'A' } });
  });

  it('reads [], <>, ~> and -+-> as operator applications', () => {
    expect(sx(expr('[]<>P'))).toBe('([] (<> P))');
    expect(sx(expr('P ~> Q'))).toBe('(~> P Q)');
    expect(sx(expr('P -+-> Q'))).toBe('(-+-> P Q)');
  });
});

describe('instance references', () => {
  it('reads I!Op(args), P(a, b)!Op and chained instances', () => {
    expect(expr('I!Op(1)')).toMatchObject({
      kind: 'InstanceRef',
      path: [{ name: 'I', args: [] }],
      name: 'Op',
      args: [{ value: '1' }],
    });
    expect(expr('P(a, 2)!COk')).toMatchObject({
      kind: 'InstanceRef',
      path: [{ name: 'P', args: [{ name: 'a' }, { value: '2' }] }],
      name: 'COk',
      args: [],
    });
    expect(expr('A!B!C')).toMatchObject({
      kind: 'InstanceRef',
      path: [{ name: 'A' }, { name: 'B' }],
      name: 'C',
    });
  });
});

describe('locations', () => {
  it('gives every node 1-based line/col and an end column just after the last character', () => {
    const e = expr('a + bb');
    expect(e.loc).toEqual({ file: 'T.tla', line: 2, col: 6, endLine: 2, endCol: 12 });
    if (e.kind !== 'OpApp') throw new Error('expected OpApp');
    expect(e.args[1]!.loc).toMatchObject({ line: 2, col: 10, endCol: 12 });
  });

  it('ends a junction list at its last item, not at the next definition', () => {
    const r = parseModuleText(
      '---- MODULE T ----\nA == /\\ x = 1\n     /\\ y = 2\n\nB == 1\n====\n',
      'T.tla',
    );
    const a = r.value!.units[0] as OperatorDef;
    expect(a.body.loc).toMatchObject({ line: 2, col: 6, endLine: 3, endCol: 14 });
    expect(a.loc).toMatchObject({ endLine: 3, endCol: 14 });
  });

  it('counts columns in characters, not bytes, after non-ASCII text', () => {
    const e = expr('"é∀" = b');
    if (e.kind !== 'OpApp') throw new Error('expected OpApp');
    expect(e.args[1]!.loc).toMatchObject({ line: 2, col: 13 });
  });
});
