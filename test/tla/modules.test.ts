import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { loadSpec, type ModuleSymbol, moduleScope } from '../../src/tla/modules/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/modules');
const fixture = (p: string): string => join(FIXTURES, p);

function load(p: string, libPaths?: string[]) {
  const r = loadSpec(fixture(p), { libPaths });
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  return r.value!;
}

function describeSymbol(s: ModuleSymbol | undefined): string | undefined {
  if (s === undefined) return undefined;
  const via = 'via' in s && s.via ? ` via ${s.via.module}` : '';
  return `${s.kind} from ${s.module}${via}`;
}

describe('loadSpec: EXTENDS', () => {
  it('loads an EXTENDS chain and the standard modules it reaches', () => {
    const spec = load('chain/Root.tla');
    expect(spec.root.name).toBe('Root');
    expect([...spec.modules.keys()]).toEqual(
      expect.arrayContaining(['Root', 'Mid', 'Base', 'Naturals', 'Sequences']),
    );
    expect(spec.modules.get('Naturals')!.file).toBe('<builtin>/Naturals.tla');
    expect(spec.modules.get('Base')!.file).toBe(fixture('chain/Base.tla'));
  });

  it('imports constants and non-LOCAL definitions transitively, not LOCAL ones', () => {
    const spec = load('chain/Root.tla');
    const scope = moduleScope(spec, 'Root');
    expect(describeSymbol(scope.get('N'))).toBe('constant from Base');
    expect(describeSymbol(scope.get('Visible'))).toBe('operator from Base');
    expect(describeSymbol(scope.get('MidVisible'))).toBe('operator from Mid');
    expect(describeSymbol(scope.get('+'))).toBe('operator from Naturals');
    expect(describeSymbol(scope.get('x'))).toBe('variable from Root');
    expect(scope.has('Hidden')).toBe(false);
    expect(scope.has('MidHidden')).toBe(false);
    // Base's LOCAL INSTANCE Sequences is not passed on.
    expect(scope.has('Head')).toBe(false);
  });

  it('shows a module its own LOCAL definitions and LOCAL INSTANCE imports', () => {
    const spec = load('chain/Root.tla');
    const base = moduleScope(spec, 'Base');
    expect(describeSymbol(base.get('Hidden'))).toBe('operator from Base');
    expect(describeSymbol(base.get('Head'))).toBe('operator from Sequences via Sequences');
  });

  it('returns the same cached map for repeated calls', () => {
    const spec = load('chain/Root.tla');
    expect(moduleScope(spec, 'Root')).toBe(moduleScope(spec, 'Root'));
  });
});

describe('loadSpec: INSTANCE', () => {
  it('imports the definitions of an unnamed INSTANCE with `via`, not its constants or variables', () => {
    const spec = load('instance/Main.tla');
    const scope = moduleScope(spec, 'Main');
    const cinit = scope.get('CInit');
    expect(describeSymbol(cinit)).toBe('operator from Counter via Counter');
    expect(cinit?.kind === 'operator' && cinit.via?.substitutions.map((s) => s.name)).toEqual(['c', 'Limit']);
    expect(scope.has('Limit')).toBe(false);
    expect(scope.has('c')).toBe(false);
  });

  it('lists named and parameterised instances as instance symbols', () => {
    const scope = moduleScope(load('instance/Main.tla'), 'Main');
    const b = scope.get('B');
    const p = scope.get('P');
    expect(describeSymbol(b)).toBe('instance from Main');
    expect(p?.kind === 'instance' && p.def.params.map((x) => x.name)).toEqual(['v', 'lim']);
    expect(scope.has('CReset')).toBe(true);
  });

  it('does not import what an instantiated module brings in by LOCAL INSTANCE', () => {
    const scope = moduleScope(load('instance/Main.tla'), 'Main');
    // Wrapper has LOCAL INSTANCE Counter and defines WOk: only WOk comes through.
    expect(describeSymbol(scope.get('WOk'))).toBe('operator from Wrapper via Wrapper');
  });

  it('records every unnamed instance on the way to a definition, outermost first', () => {
    const spec = load('instance/Deep.tla');
    const s = moduleScope(spec, 'Deep').get('CInit');
    expect(s?.kind).toBe('operator');
    if (s?.kind !== 'operator') return;
    expect(s.viaChain?.map((step) => `${step.inModule}: INSTANCE ${step.instance.module}`)).toEqual([
      'Deep: INSTANCE Relay',
      'Relay: INSTANCE Counter',
    ]);
    expect(s.via?.module).toBe('Counter');
  });

  it('makes nested modules available by name', () => {
    const spec = load('nested/Outer.tla');
    expect(spec.modules.get('Inner')?.file).toBe(fixture('nested/Outer.tla'));
    expect(describeSymbol(moduleScope(spec, 'Inner').get('InnerOp'))).toBe('operator from Inner');
  });

  it('lets a nested module see what its enclosing module defines before it', () => {
    const inner = moduleScope(load('nested/Outer.tla'), 'Inner');
    expect(describeSymbol(inner.get('Base'))).toBe('operator from Outer');
    expect(describeSymbol(inner.get('+'))).toBe('operator from Naturals');
    expect(inner.has('After')).toBe(false);
    expect(inner.has('I')).toBe(false);
  });
});

describe('loadSpec: search path and errors', () => {
  it('finds modules in the library paths', () => {
    expect(loadSpec(fixture('libpath/Spec.tla')).value).toBeUndefined();
    const spec = load('libpath/Spec.tla', [fixture('libpath/lib')]);
    expect(spec.modules.get('LibMod')?.file).toBe(fixture('libpath/lib/LibMod.tla'));
  });

  it('reports each missing module at its EXTENDS or INSTANCE, LET instances included', () => {
    const r = loadSpec(fixture('missing/Missing.tla'));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, formatDiagnostic(d)])).toEqual([
      [
        'module-not-found',
        `${fixture('missing/Missing.tla')}:2:19: Cannot find source file for module NoSuchModule extended in module Missing. ` +
          `Searched for NoSuchModule.tla in ${fixture('missing')}, then among the bundled modules; ` +
          'add a folder to the search path with --lib <dir>.',
      ],
      [
        'module-not-found',
        `${fixture('missing/Missing.tla')}:3:16: Cannot find source file for module AlsoMissing instantiated in module Missing. ` +
          `Searched for AlsoMissing.tla in ${fixture('missing')}, then among the bundled modules; ` +
          'add a folder to the search path with --lib <dir>.',
      ],
    ]);
  });

  it('reports a cycle of EXTENDS', () => {
    const r = loadSpec(fixture('cycle/A.tla'));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      `${fixture('cycle/B.tla')}:2:9: Circular dependency among modules: A -> B -> A.`,
    ]);
  });

  it('reports a missing root file as io', () => {
    const r = loadSpec(fixture('nope/Nope.tla'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['io']);
  });
});

describe('moduleScope: TLC definitions in the root module', () => {
  it('offers the TLC module definitions to the root module without EXTENDS TLC, as TLC does', () => {
    const spec = load('chain/Root.tla');
    expect(describeSymbol(moduleScope(spec, 'Root').get(':>'))).toBe('operator from TLC');
    expect(moduleScope(spec, 'Mid').has(':>')).toBe(false);
    // TLC's own LOCAL INSTANCE Naturals is not passed on.
    expect(moduleScope(load('libpath/Spec.tla', [fixture('libpath/lib')]), 'Spec').has('+')).toBe(false);
  });
});
