import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bfs } from '../../src/check/search/index.js';
import { formatDiagnostic } from '../../src/errors.js';
import { loadSpec } from '../../src/tla/modules/index.js';
import { parseModuleFile } from '../../src/tla/parse/index.js';
import { modelFromFiles } from '../fixtures/check/build.js';
import { evaluatorIn } from '../fixtures/stdlib/evaluate.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'proofs');
const spec = (name: string): string => join(dir, `${name}.tla`);

describe('specs with proofs parse, and their proofs are skipped', () => {
  it('keeps definitions, assumptions and theorem names, and nothing from inside proofs', () => {
    const r = parseModuleFile(spec('Counter'));
    expect(r.diagnostics).toEqual([]);
    const units = r.value!.units;
    const names = (kind: string) =>
      units.filter((u) => u.kind === kind).map((u) => ('name' in u ? u.name : undefined));
    // DEFINE m == ... and PICK k inside the proof of Steps are not definitions of the module.
    expect(names('OperatorDef')).toEqual(['vars', 'Init', 'Next', 'Spec', 'TypeOK', 'Wrap']);
    expect(names('Assume')).toEqual(['NAssumption']);
    expect(names('Theorem')).toEqual([
      'ModRange',
      'TypeInvariant',
      'Trivial',
      'Pos',
      'Skipped',
      'Steps',
      undefined,
      undefined,
    ]);
  });

  it('loads the proof-system modules that the spec extends', () => {
    const r = loadSpec(spec('Counter'));
    expect(r.diagnostics).toEqual([]);
    for (const m of [
      'TLAPS',
      'NaturalsInduction',
      'WellFoundedInduction',
      'FunctionTheorems',
      'SequenceTheorems',
    ]) {
      expect(r.value!.modules.has(m)).toBe(true);
    }
  });

  it('model-checks a spec whose theorems carry numbered proofs (N = 3: x cycles through 0, 1, 2)', () => {
    const r = bfs(modelFromFiles(spec('Counter'), join(dir, 'Counter.cfg')));
    expect(r.result).toBe('ok');
    expect([r.distinctStates, r.totalStates, r.depth]).toEqual([3, 4, 3]);
  });

  it('model-checks a spec with BY ONLY, DEFS, <*> steps and nested ASSUME/PROVE (n stops at 2: deadlock)', () => {
    const r = bfs(modelFromFiles(spec('Styles'), join(dir, 'Styles.cfg')));
    expect(r.result).toBe('deadlock');
    expect(r.exitCode).toBe(11);
    expect([r.distinctStates, r.depth]).toEqual([3, 3]);
  });
});

describe('definitions of the proof-system modules that TLC can evaluate', () => {
  const work = mkdtempSync(join(tmpdir(), 'tlaw-proofs-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const exprs = [
    'OpToRel(<, 1..3)',
    'SetLessThan(3, OpToRel(<, 1..3), 1..3)',
    'IsTransitivelyClosedOn(OpToRel(<, 1..3), 1..3)',
    'FiniteNatInductiveDefConclusion(<<1, 2, 6>>, 1, LAMBDA v, i : v * i, 1, 3)',
    'FiniteNatInductiveDefConclusion(<<1, 2, 5>>, 1, LAMBDA v, i : v * i, 1, 3)',
    '<<SMT, Zenon, PTL, IsaT(10)>>',
  ];
  const evaluate = evaluatorIn(work, ['Integers', 'TLAPS', 'WellFoundedInduction'], exprs);

  it.each([
    [exprs[0], '{<<1, 2>>, <<1, 3>>, <<2, 3>>}'],
    [exprs[1], '{1, 2}'],
    [exprs[2], 'TRUE'],
    [exprs[3], 'TRUE'],
    [exprs[4], 'FALSE'],
    [exprs[5], '<<TRUE, TRUE, TRUE, TRUE>>'],
  ])('%s = %s', (expr, value) => {
    expect(evaluate(expr)).toBe(value);
  });

  it('a theorem library that is not bundled is reported with the folders searched', () => {
    const file = join(work, 'Uses.tla');
    writeFileSync(file, '---- MODULE Uses ----\nEXTENDS TLAPS, BagsTheorems\n====\n');
    const r = loadSpec(file);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      `${file}:2:16: Cannot find source file for module BagsTheorems extended in module Uses. ` +
        `Searched for BagsTheorems.tla in ${work}, then among the bundled modules; ` +
        'add a folder to the search path with --lib <dir>.',
    ]);
  });
});
