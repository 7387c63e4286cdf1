import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { loadFromModule } from '../../src/tla/modules/index.js';
import { parseModuleText } from '../../src/tla/parse/index.js';
import { checkModule, checkSpec } from '../../src/tla/semantic/index.js';
import { BUILTIN_OPERATORS, STANDARD_MODULES, standardModuleFile } from '../../src/tla/stdlib/index.js';

const FILE = '/virtual/T.tla';

/** Loads a one-module spec (standard modules only) and returns its semantic diagnostics as printed. */
function check(body: string): string[] {
  const parsed = parseModuleText(`---- MODULE T ----\n${body}\n====\n`, FILE);
  expect(parsed.diagnostics.map(formatDiagnostic)).toEqual([]);
  const loaded = loadFromModule(parsed.value!);
  expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
  return checkSpec(loaded.value!).map((d) => `${d.code} ${formatDiagnostic(d).replace(`${FILE}:`, '')}`);
}

describe('checkSpec: undefined names', () => {
  it('reports an undefined operator application like SANY, at the name', () => {
    expect(check("EXTENDS Naturals\nVARIABLE x\nNext == x' = Successor(x)")).toEqual([
      "undefined 4:14: Unknown operator: `Successor'.",
    ]);
  });

  it('reports an undefined identifier', () => {
    expect(check('Op == y + 1')).toEqual([
      "undefined 2:7: Unknown operator: `+'.",
      "undefined 2:7: Unknown operator: `y'.",
    ]);
  });

  it('takes operators such as + and Len only from extended standard modules', () => {
    expect(check('EXTENDS Naturals\nA == 1 + 2\nB == Len(<<1>>)')).toEqual([
      "undefined 4:6: Unknown operator: `Len'.",
    ]);
    expect(check('EXTENDS Naturals, Sequences, FiniteSets\nA == Len(<<1>>) + Cardinality({})')).toEqual([]);
  });

  it('always knows the language built-ins', () => {
    const body = [
      'VARIABLE x',
      'A == /\\ x \\in BOOLEAN',
      '     /\\ {"a"} \\subseteq STRING \\cup SUBSET {} \\cap UNION {{}}',
      '     /\\ DOMAIN <<>> = {} /\\ (x => ~x) /\\ (x <=> x) /\\ x # x /\\ x \\notin {} \\ {}',
      '     /\\ <<1, 2>> \\in BOOLEAN \\X BOOLEAN \\X BOOLEAN',
      "B == [][x' = x]_x /\\ <>(x) /\\ (x ~> x) /\\ ENABLED (x' = x) /\\ UNCHANGED x /\\ WF_x(x' = x)",
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('sees a top-level definition only after it, or after its RECURSIVE declaration', () => {
    expect(check('A == B\nB == 1')).toEqual(["undefined 2:6: Unknown operator: `B'."]);
    expect(check('RECURSIVE F(_)\nG(n) == F(n)\nF(n) == IF n = 0 THEN 0 ELSE F(0)')).toEqual([]);
    expect(check('F(n) == F(n)')).toEqual(["undefined 2:9: Unknown operator: `F'."]);
  });

  it('accepts every kind of binder', () => {
    const body = [
      'EXTENDS Naturals',
      'F(Op(_, _), v) == Op(v, v)',
      'fact[n \\in 0..5] == IF n = 0 THEN 1 ELSE n * fact[n - 1]',
      'H(s) == /\\ \\A x \\in s, y \\in s : x = y',
      '        /\\ \\E <<p, q>> \\in s \\X s : p = q',
      '        /\\ \\E z : z = 1',
      '        /\\ \\A w : w = w',
      '        /\\ (CHOOSE c \\in s : c = 1) = (CHOOSE <<k, l>> \\in s \\X s : k = l)',
      '        /\\ {e \\in s : e > 0} = {e + 1 : e \\in s}',
      '        /\\ {<<u, t>> \\in s \\X s : u < t} = {}',
      '        /\\ [m \\in s, o \\in s |-> m + o] = [f \\in s |-> f]',
      '        /\\ F(LAMBDA a, b : a + b, 1) = F(+, 2)',
      '        /\\ LET RECURSIVE Sum(_)',
      '               Sum(r) == IF r = {} THEN 0 ELSE 1 + Sum(r \\ {CHOOSE i \\in r : TRUE})',
      '               sq[i \\in s] == IF i = 0 THEN 0 ELSE sq[i - 1]',
      '               Twice(x) == x + x',
      '           IN  Sum(s) + sq[1] + Twice(2) = 0',
      '        /\\ [[g \\in s |-> 0] EXCEPT ![1] = @ + 1, ![2] = @] = <<>>',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('reports `@` outside an EXCEPT', () => {
    expect(check('A == @')).toEqual(["undefined 2:6: `@' is only allowed in the new value of an EXCEPT."]);
  });

  it('does not leak bound names out of their binder', () => {
    expect(check('A == (\\E x \\in {} : TRUE) /\\ x')).toEqual(["undefined 2:30: Unknown operator: `x'."]);
    expect(check('B == LET L == 1 IN L\nC == L')).toEqual(["undefined 3:6: Unknown operator: `L'."]);
  });
});

describe('checkSpec: arity', () => {
  it('reports an operator applied to the wrong number of arguments', () => {
    expect(check('Op(a, b) == a\nA == Op(1)')).toEqual([
      'arity 3:6: The operator Op requires 2 arguments but is applied to 1.',
    ]);
  });

  it('reports an operator used without its arguments', () => {
    expect(check('Op(a) == a\nA == Op')).toEqual(['arity 3:6: The operator Op requires 1 argument.']);
  });

  it('checks operators passed to higher-order parameters', () => {
    expect(check('F(Op(_, _)) == Op(1, 2)\nA == F(LAMBDA x : x)')).toEqual([
      'arity 3:8: The LAMBDA is passed where an operator of 2 arguments is expected.',
    ]);
    expect(check('F(Op(_, _)) == Op(1)')).toEqual([
      'arity 2:16: The operator Op requires 2 arguments but is applied to 1.',
    ]);
    expect(check('G(a) == a\nF(Op(_, _)) == Op(1, 2)\nA == F(G)')).toEqual([
      'arity 4:8: The operator G is passed where an operator of 2 arguments is expected.',
    ]);
  });

  it('checks the arity of constants declared with parameters', () => {
    expect(check('CONSTANT C(_)\nA == C(1, 2)')).toEqual([
      'arity 3:6: The operator C requires 1 argument but is applied to 2.',
    ]);
  });
});

describe('checkSpec: instances', () => {
  const counter = '---- MODULE Counter ----\nCONSTANT Limit\nVARIABLE c\nOk == c = Limit\nStep(n) == n\n====';

  it('checks instance references, their arguments and their targets', () => {
    const body = [
      counter,
      'VARIABLE v',
      'I == INSTANCE Counter WITH c <- v, Limit <- 1',
      'P(l) == INSTANCE Counter WITH c <- v, Limit <- l',
      'A == I!Ok /\\ P(2)!Ok /\\ I!Step(1) = 1',
      'B == I!Step(1, 2)',
      'C == P!Ok',
      'D == I!Missing',
      'E == J!Ok',
      'F == v!Ok',
    ].join('\n');
    expect(check(body)).toEqual([
      'arity 12:6: The operator I!Step requires 1 argument but is applied to 2.',
      'arity 13:6: The instance P requires 1 argument but is applied to 0.',
      "undefined 14:6: Unknown operator: `I!Missing'.",
      "undefined 15:6: Unknown operator: `J!Ok'.",
      "undefined 16:6: `v' in `v!Ok' is not a module instance.",
    ]);
  });

  it('checks substitutions: unknown names and constants with no substitution and no definition', () => {
    const body = [counter, 'VARIABLE c', 'I == INSTANCE Counter WITH Bogus <- 1'].join('\n');
    expect(check(body)).toEqual([
      "undefined 9:28: `Bogus' is not a constant or variable of module Counter.",
      "undefined 9:6: The INSTANCE of Counter has no substitution for `Limit' and no definition of that name is visible here.",
    ]);
  });

  it('imports an unnamed instance and finds its definitions', () => {
    expect(
      check([counter, 'VARIABLE v', 'INSTANCE Counter WITH c <- v, Limit <- 3', 'A == Ok'].join('\n')),
    ).toEqual([]);
  });
});

describe('checkSpec: duplicates', () => {
  it('reports a name defined twice at the top level, with the first place', () => {
    expect(check('A == 1\nA == 2')).toEqual([
      "duplicate 3:1: Multiply-defined symbol 'A': this definition or declaration conflicts with the one at line 2, col 1 of module T.",
    ]);
  });

  it('reports a definition that clashes with an extended one', () => {
    expect(check('EXTENDS Sequences\nVARIABLE x\nLen(s) == 0')).toEqual([
      "duplicate 4:1: Multiply-defined symbol 'Len': this definition or declaration conflicts with the one at line 11, col 1 of module Sequences.",
    ]);
  });

  it('accepts one standard module reached along several paths', () => {
    expect(check('EXTENDS Naturals, Integers, Sequences\nA == 1 + Len(<<>>)')).toEqual([]);
  });

  it('reports duplicates in a LET, in a binder and among parameters', () => {
    expect(check('A == LET X == 1\n         X == 2\n     IN X')).toEqual([
      "duplicate 3:10: Multiply-defined symbol 'X'.",
    ]);
    expect(check('B == \\E y \\in {}, y \\in {} : TRUE')).toEqual([
      "duplicate 2:6: Multiply-defined symbol 'y'.",
    ]);
    expect(check('C(p, p) == p')).toEqual(["duplicate 2:1: Multiply-defined symbol 'p'."]);
  });
});

describe('checkSpec: redeclaring a name', () => {
  it('reports a bound name, parameter or LET definition that reuses a defined name', () => {
    const again = "Multiply-defined symbol 'x': it is already defined where it is declared again.";
    expect(check('Op(x) == \\E x \\in {} : TRUE')).toEqual([`duplicate 2:10: ${again}`]);
    expect(check('x == 1\nB(x) == x')).toEqual([`duplicate 3:1: ${again}`]);
    expect(check('VARIABLE x\nC == LET x == 1 IN x')).toEqual([`duplicate 3:10: ${again}`]);
  });

  it('allows a name that is defined only later, and the TLC names a root module sees without EXTENDS', () => {
    expect(check('A == \\E x \\in {} : TRUE\nx == 1')).toEqual([]);
    expect(check('A == \\E Any \\in {} : Any')).toEqual([]);
  });
});

describe('standard modules', () => {
  it('each bundled module parses and passes the semantic checks', () => {
    for (const [name, text] of STANDARD_MODULES) {
      const parsed = parseModuleText(text, standardModuleFile(name));
      expect(parsed.diagnostics, name).toEqual([]);
      const loaded = loadFromModule(parsed.value!);
      expect(loaded.diagnostics, name).toEqual([]);
      expect(checkModule(loaded.value!, parsed.value!).map(formatDiagnostic), name).toEqual([]);
    }
  });

  it('defines every natively evaluated operator with its arity', () => {
    const parsed = new Map(
      [...STANDARD_MODULES].map(([name, text]) => [
        name,
        parseModuleText(text, standardModuleFile(name)).value!,
      ]),
    );
    for (const op of BUILTIN_OPERATORS) {
      const def = parsed.get(op.module)?.units.find((u) => u.kind === 'OperatorDef' && u.name === op.name);
      expect(def, `${op.module}!${op.name}`).toBeDefined();
      expect(def?.kind === 'OperatorDef' && def.params.length, `${op.module}!${op.name}`).toBe(op.arity);
    }
    expect(BUILTIN_OPERATORS.find((o) => o.name === '-.')).toEqual({
      module: 'Integers',
      name: '-.',
      arity: 1,
    });
  });
});

describe('checkSpec: nested modules', () => {
  it('checks a nested module in the context of its enclosing module', () => {
    const body = [
      'EXTENDS Naturals',
      'Base == 1',
      '---- MODULE Inner ----',
      'A == Base + Later',
      '====',
      'Later == 2',
    ];
    expect(check(body.join('\n'))).toEqual(["undefined 5:13: Unknown operator: `Later'."]);
  });
});
