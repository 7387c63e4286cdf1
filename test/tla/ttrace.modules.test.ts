import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Module, OperatorDef, StrLit } from '../../src/tla/ast.js';
import { loadFromModule, loadSpec } from '../../src/tla/modules/index.js';
import { parseModuleText } from '../../src/tla/parse/index.js';
import { checkSpec } from '../../src/tla/semantic/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ttrace');
const monolith = join(fixtures, 'monolith', 'Monolith.tla');

function def(m: Module, name: string): OperatorDef {
  const d = m.units.find((u): u is OperatorDef => u.kind === 'OperatorDef' && u.name === name);
  if (!d) throw new Error(`no definition ${name}`);
  return d;
}

describe('several top-level modules in one file', () => {
  it('parses the modules after the main one as its siblings, with locations in the file', () => {
    const text = [
      '---- MODULE Main ----', // line 1
      'EXTENDS Extra',
      'A == B + 1',
      '====',
      '',
      'free text between modules',
      '---- MODULE Extra ----', // line 7
      'EXTENDS Naturals',
      'B == 41',
      '====',
    ].join('\n');
    const r = parseModuleText(text, '/specs/Main.tla');
    expect(r.diagnostics).toEqual([]);
    const main = r.value!;
    expect(main.name).toBe('Main');
    expect(main.siblings?.map((m) => m.name)).toEqual(['Extra']);
    const extra = main.siblings![0]!;
    expect(extra.file).toBe('/specs/Main.tla');
    expect(extra.loc.line).toBe(7);
    expect(def(extra, 'B').loc).toMatchObject({ line: 9, col: 1 });
  });

  it('leaves siblings absent when the file holds one module', () => {
    const r = parseModuleText('---- MODULE Solo ----\nA == 1\n====\n', '/specs/Solo.tla');
    expect(r.value!.siblings).toBeUndefined();
  });

  it('ignores a commented-out module header, as TLC does', () => {
    const r = parseModuleText(
      '---- MODULE Main ----\nA == 1\n====\n\\* ---- MODULE Ghost ----\n\\* G == {\n',
      '/specs/Main.tla',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.siblings).toBeUndefined();
  });

  it('does not take a module nested in the main module for a sibling', () => {
    const text = '---- MODULE Main ----\n---- MODULE Inner ----\nI == 1\n====\nA == 1\n====\n';
    const r = parseModuleText(text, '/specs/Main.tla');
    expect(r.diagnostics).toEqual([]);
    expect(r.value!.siblings).toBeUndefined();
    expect(r.value!.units.some((u) => u.kind === 'Module' && u.name === 'Inner')).toBe(true);
  });

  it('reports a broken sibling as a located warning and keeps the main module', () => {
    const text = '---- MODULE Main ----\nA == 1\n====\n\n---- MODULE Bad ----\nB == (1 +\n====\n';
    const r = parseModuleText(text, '/specs/Main.tla');
    expect(r.value?.name).toBe('Main');
    expect(r.value!.siblings).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) {
      expect(d.severity).toBe('warning');
      expect(d.loc?.line).toBeGreaterThanOrEqual(5);
    }
  });

  it('a spec that needs a broken sibling fails to load, naming the module', () => {
    const text = '---- MODULE Main ----\nEXTENDS Bad\n====\n\n---- MODULE Bad ----\nB == (1 +\n====\n';
    const parsed = parseModuleText(text, join(fixtures, 'Main.tla'));
    const r = loadFromModule(parsed.value!, {}, parsed.diagnostics);
    expect(r.value).toBeUndefined();
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message)).toEqual([
      `Cannot find source file for module Bad extended in module Main. Searched for Bad.tla in ${fixtures}, then among the bundled modules; add a folder to the search path with --lib <dir>.`,
    ]);
    expect(errors[0]!.loc).toMatchObject({ line: 2, col: 9 });
  });
});

describe('loading a monolith spec', () => {
  it('finds the modules the main module extends and instantiates in its own file', () => {
    const r = loadSpec(monolith);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const spec = r.value!;
    expect(spec.modules.get('Helper')?.file).toBe(monolith);
    // A module nested in a sibling is available too.
    expect(spec.modules.get('Inner')?.file).toBe(monolith);
    expect(checkSpec(spec).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('prefers a module file of the same name over the module in the root file (TLC does)', () => {
    const spec = loadSpec(monolith).value!;
    const shadowed = spec.modules.get('Shadowed')!;
    expect(shadowed.file).toBe(join(fixtures, 'monolith', 'Shadowed.tla'));
    expect((def(shadowed, 'Which').body as StrLit).value).toBe('the module in Shadowed.tla');
  });

  it('loads the bundled Toolbox module with the names trace specs use', () => {
    const r = loadSpec(join(fixtures, 'TwoInvariants_TTrace_1795438127.tla'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const toolbox = r.value!.modules.get('Toolbox')!;
    expect(toolbox.file).toBe('<builtin>/Toolbox.tla');
    const defs = toolbox.units.filter((u): u is OperatorDef => u.kind === 'OperatorDef');
    expect(defs.filter((d) => !d.local).map((d) => d.name)).toEqual(['_TETrace', '_TEPosition']);
    expect(defs.find((d) => d.name === '_TETraceLength')?.local).toBe(true);
    expect(r.value!.modules.get('TwoInvariants_TETrace')?.file).toBe(
      join(fixtures, 'TwoInvariants_TTrace_1795438127.tla'),
    );
  });
});
