import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { parseConfigText } from '../../src/tla/cfg/index.js';
import { loadFromModule } from '../../src/tla/modules/index.js';
import { parseModuleText } from '../../src/tla/parse/index.js';
import { checkConfig } from '../../src/tla/semantic/index.js';

const SPEC = [
  '---- MODULE M ----',
  'EXTENDS Naturals',
  'CONSTANTS N, Step(_)',
  'VARIABLE x',
  'Init == x = 0',
  "Next == x' = Step(x) /\\ x < N",
  'Spec == Init /\\ [][Next]_x',
  'Inv == x <= N',
  'Inc(v) == v + 1',
  '====',
].join('\n');

function problems(cfgText: string): string[] {
  const spec = loadFromModule(parseModuleText(SPEC, '/virtual/M.tla').value!).value!;
  const cfg = parseConfigText(cfgText, 'M.cfg');
  expect(cfg.diagnostics).toEqual([]);
  return checkConfig(spec, cfg.value!).map((d) => `${d.code} ${formatDiagnostic(d)}`);
}

describe('checkConfig', () => {
  it('accepts a complete configuration', () => {
    expect(problems('CONSTANTS N = 3\n  Step <- Inc\nINIT Init\nNEXT Next\nINVARIANT Inv')).toEqual([]);
    expect(problems('CONSTANTS N = 3 Step <- Inc\nSPECIFICATION Spec\nPROPERTY Inv')).toEqual([]);
  });

  it('reports names the spec does not define, at their place in the cfg', () => {
    expect(problems('CONSTANTS N = 3 Step <- Inc\nINIT Init\nNEXT Nxt\nINVARIANT Inv Typo')).toEqual([
      'cfg-unknown-name M.cfg:3:6: The NEXT Nxt named in the configuration file is not defined in module M.',
      'cfg-unknown-name M.cfg:4:15: The INVARIANT Typo named in the configuration file is not defined in module M.',
    ]);
  });

  it('reports assignments to unknown constants and substitutions by unknown definitions', () => {
    expect(problems('CONSTANTS N = 3 Step <- Incr K = 1\nSPECIFICATION Spec')).toEqual([
      'cfg-unknown-name M.cfg:1:17: The configuration file substitutes Step by Incr, which is not defined in module M.',
      'cfg-unknown-name M.cfg:1:30: The configuration file assigns K, which is not a constant or definition of module M.',
    ]);
  });

  it('reports a constant without value or substitution, at its declaration', () => {
    expect(problems('CONSTANT N = 3\nSPECIFICATION Spec')).toEqual([
      'cfg-missing-constant /virtual/M.tla:3:14: The constant Step of module M is not assigned a value by the configuration file M.cfg.',
    ]);
  });

  it('reports a cfg without INIT/NEXT or SPECIFICATION, or with both', () => {
    expect(problems('CONSTANTS N = 3 Step <- Inc\nINVARIANT Inv')).toEqual([
      'cfg-no-behaviour M.cfg:1:1: The configuration file gives neither SPECIFICATION nor INIT and NEXT: TLC needs a SPECIFICATION or both INIT and NEXT.',
    ]);
    expect(problems('CONSTANTS N = 3 Step <- Inc\nINIT Init')).toEqual([
      'cfg-no-behaviour M.cfg:2:6: The configuration file gives neither SPECIFICATION nor NEXT: TLC needs a SPECIFICATION or both INIT and NEXT.',
    ]);
    expect(problems('CONSTANTS N = 3 Step <- Inc\nINIT Init NEXT Next SPECIFICATION Spec')).toEqual([
      'cfg-no-behaviour M.cfg:2:35: The configuration file gives both SPECIFICATION and INIT/NEXT: give only one of them.',
    ]);
  });
});
