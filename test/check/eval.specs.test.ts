import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/check/eval/index.js';
import { printValue } from '../../src/check/value/index.js';
import { loadFromModule } from '../../src/tla/modules/index.js';
import { parseModuleText } from '../../src/tla/parse/index.js';
import { bfs, config, FIXTURES, modelFromFiles, modelFromText, ref } from '../fixtures/check/build.js';

const fixture = (name: string) =>
  modelFromFiles(join(FIXTURES, `${name}.tla`), join(FIXTURES, `${name}.cfg`));

describe('small specs end to end', () => {
  it('INSTANCE: unnamed, named and parameterised, substituting variables used primed', () => {
    const m = fixture('CheckInstances');
    expect(bfs(m)).toMatchObject({ result: 'ok', distinct: 12 });
    const [init] = [...m.initialStates({ level: 1 })];
    const succ = [...m.successors(init.state, { level: 1 })];
    expect(succ.map((t) => `${t.action.name}@${t.action.module}`)).toEqual([
      'Next@CheckInstances',
      'Next@CheckInstances',
    ]);
  });

  it('INSTANCE substituting a constant operator by a LAMBDA', () => {
    expect(bfs(fixture('CheckOuterOp'))).toMatchObject({ result: 'ok', distinct: 4 });
  });

  it('SYMMETRY keeps one state per orbit', () => {
    const m = fixture('CheckSymmetry');
    expect(bfs(m)).toMatchObject({ result: 'ok', distinct: 4 });
    const out1 = new Uint32Array(2);
    const out2 = new Uint32Array(2);
    const [init] = [...m.initialStates({ level: 1 })];
    const [s1, s2] = [...m.successors(init.state, { level: 1 })].map((t) => t.state);
    m.fingerprint(s1, out1);
    m.fingerprint(s2, out2);
    expect([...out1]).toEqual([...out2]);
  });

  it('without SYMMETRY every state counts', () => {
    const text = `---- MODULE NoSym ----
EXTENDS Naturals
CONSTANT Procs
VARIABLE held
Init == held = [p \\in Procs |-> FALSE]
Next == \\E p \\in Procs : held' = [held EXCEPT ![p] = ~@]
====`;
    const loc = { file: 'c', line: 1, col: 1 };
    const m = modelFromText(text, {
      init: { name: 'Init', loc },
      next: { name: 'Next', loc },
      constants: [
        {
          kind: 'value',
          name: 'Procs',
          loc,
          value: {
            kind: 'set',
            elems: ['p1', 'p2', 'p3'].map((name) => ({ kind: 'modelValue' as const, name })),
          },
        },
      ],
    });
    expect(bfs(m)).toMatchObject({ result: 'ok', distinct: 8 });
  });

  it('VIEW identifies states by the view, ALIAS renames the displayed fields', () => {
    const m = fixture('CheckView');
    expect(bfs(m)).toMatchObject({ result: 'ok', distinct: 6, depth: 6 });
    const [init] = [...m.initialStates({ level: 1 })];
    // Fields in TLC's string order: `steps` is met before `parity` in the spec's text.
    expect(m.display(init.state).map(([n, v]) => `${n}=${printValue(v)}`)).toEqual([
      'steps=0',
      'parity=FALSE',
    ]);
  });

  it('cfg substitutions: a constant operator and an overridden definition', () => {
    expect(bfs(fixture('CheckOverride'))).toMatchObject({ result: 'ok', distinct: 5 });
  });

  it('TLCGet("level") in a CONSTRAINT is the level of the state checked', () => {
    expect(bfs(fixture('CheckLevel'))).toMatchObject({ result: 'ok', distinct: 6 });
  });
});

describe('typed model values', () => {
  it('refuse comparison with other kinds, while untyped ones are just unequal', () => {
    const loc = { file: 'c', line: 1, col: 1 };
    const mk = (name: string) =>
      modelFromText(
        `---- MODULE T ----
CONSTANT M
VARIABLE x
Init == x = 0
Next == x' = x
E == M = 1
====`,
        {
          init: { name: 'Init', loc },
          next: { name: 'Next', loc },
          constants: [{ kind: 'value', name: 'M', loc, value: { kind: 'modelValue', name } }],
        },
      );
    const ident = { kind: 'Ident' as const, name: 'E', loc: { ...loc, endLine: 1, endCol: 1 } };
    expect(mk('none').evaluate(ident)).toBe(false);
    expect(() => mk('a_1').evaluate(ident)).toThrow('Attempted to check equality of typed model value a_1');
  });
});

describe('buildModel diagnostics', () => {
  it('reports an unknown operator with its location instead of throwing', () => {
    const parsed = parseModuleText(
      `---- MODULE Bad ----
VARIABLE x
Init == x = Nope(1)
Next == x' = x
====`,
      join(FIXTURES, 'Bad.tla'),
    );
    const spec = loadFromModule(parsed.value!);
    const r = buildModel(spec.value!, config({ init: ref('Init'), next: ref('Next') }));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'undefined',
        message: 'Unknown operator: Nope.',
        loc: expect.objectContaining({ line: 3 }),
      }),
    ]);
  });

  it('reports a constant the cfg leaves without a value', () => {
    const parsed = parseModuleText(
      `---- MODULE NoConst ----
CONSTANT N
VARIABLE x
Init == x = N
Next == x' = x
====`,
      join(FIXTURES, 'NoConst.tla'),
    );
    const spec = loadFromModule(parsed.value!);
    const r = buildModel(spec.value!, config({ init: ref('Init'), next: ref('Next') }));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['cfg-missing-constant']);
  });
});
