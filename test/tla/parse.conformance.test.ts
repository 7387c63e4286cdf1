import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InstanceRef, Module, OperatorDef } from '../../src/tla/ast.js';
import { parseModuleFile } from '../../src/tla/parse/index.js';
import { caseIt } from '../support/known-failures.js';
import { SHARED_CASES } from '../support/shared.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'parse');

function parseFixture(name: string): Module {
  const r = parseModuleFile(join(fixtures, name));
  expect(r.diagnostics).toEqual([]);
  return r.value!;
}

function def(m: Module, name: string): OperatorDef {
  const d = m.units.find((u): u is OperatorDef => u.kind === 'OperatorDef' && u.name === name);
  if (!d) throw new Error(`no definition ${name}`);
  return d;
}

describe('fixture specs', () => {
  it.each(
    readdirSync(fixtures).filter((f) => f.endsWith('.tla') && f !== 'ParseError.tla'),
  )('%s parses without diagnostics', (file) => {
    const m = parseFixture(file);
    expect(m.name).toBe(file.replace(/\.tla$/, ''));
    expect(m.units.length).toBeGreaterThan(0);
  });

  it('reads InstanceMain: instances and instance references', () => {
    const m = parseFixture('InstanceMain.tla');
    expect(m.units.map((u) => u.kind)).toEqual([
      'VariableDecl',
      'Instance',
      'InstanceDef',
      'InstanceDef',
      'OperatorDef',
      'OperatorDef',
      'OperatorDef',
    ]);
    const inv = def(m, 'Inv').body;
    expect(inv).toMatchObject({ kind: 'OpApp', name: '/\\' });
    if (inv.kind !== 'OpApp') return;
    expect(inv.args).toHaveLength(5);
    const pRef = inv.args[2] as InstanceRef;
    expect(pRef).toMatchObject({
      kind: 'InstanceRef',
      path: [{ name: 'P', args: [{ name: 'a' }, { value: '2' }] }],
      name: 'COk',
    });
    expect(pRef.loc).toMatchObject({ line: 23, col: 11 });
  });

  it('reads StrongFair: the spec formula with fairness', () => {
    const spec = def(parseFixture('StrongFair.tla'), 'Spec').body;
    expect(JSON.stringify(spec)).toContain('"kind":"Fairness","loc"');
    expect(spec).toMatchObject({
      kind: 'OpApp',
      name: '/\\',
      args: [
        { name: '/\\', args: [{ name: '/\\' }, { kind: 'Fairness', strength: 'WF' }] },
        { kind: 'Fairness', strength: 'SF', action: { name: 'Inc' } },
      ],
    });
  });

  it('reads Quantifiers: tuple patterns over a ternary product', () => {
    const facts = def(parseFixture('Quantifiers.tla'), 'Facts').body;
    if (facts.kind !== 'OpApp') throw new Error('expected a conjunction list');
    expect(facts.args[5]).toMatchObject({
      kind: 'Quant',
      bounds: [
        { names: ['u', 'v', 'w'], tuple: true, set: { kind: 'OpApp', name: '\\X', args: [{}, {}, {}] } },
      ],
    });
  });
});

const cases = SHARED_CASES;
describe.skipIf(!existsSync(cases))('every conformance spec', () => {
  const specs = existsSync(cases)
    ? readdirSync(cases).flatMap((c) =>
        readdirSync(join(cases, c))
          .filter((f) => f.endsWith('.tla'))
          .map((f) => [c, f] as const),
      )
    : [];
  for (const [c, f] of specs)
    caseIt('parse', c)(`${c}/${f} parses (syntax errors only in 48-parse-error)`, () => {
      const r = parseModuleFile(join(cases, c, f));
      if (c === '48-parse-error') {
        expect(r.diagnostics.some((d) => d.code === 'syntax')).toBe(true);
      } else {
        expect(r.diagnostics).toEqual([]);
        expect(r.value).toBeDefined();
      }
    });
});
