import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  embeddedConfigName,
  extractEmbeddedConfig,
  hasEmbeddedConfig,
  parseEmbeddedConfigFile,
  parseEmbeddedConfigText,
} from '../../src/tla/cfg/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ttrace');
const traceSpec = join(fixtures, 'TwoInvariants_TTrace_1795438127.tla');

const spec = (config: string[]): string =>
  ['---- MODULE Spec ----', 'VARIABLE x', 'Init == x = 0', '====', '', ...config].join('\n');

describe('embedded CONFIG section', () => {
  it('is named after the .tla file', () => {
    expect(embeddedConfigName('/a/b/Spec_TTrace_12.tla')).toBe('Spec_TTrace_12');
  });

  it('is extracted with the line it starts on, up to the next ==== line', () => {
    const text = spec(['---- CONFIG Spec ----', 'INIT Init', 'NEXT Next', '====', 'after']);
    expect(extractEmbeddedConfig(text, 'Spec')).toEqual({ text: 'INIT Init\nNEXT Next', line: 7 });
  });

  it('must carry the name of the file, as TLC requires', () => {
    const text = spec(['---- CONFIG Other ----', 'INIT Init', '====']);
    expect(extractEmbeddedConfig(text, 'Spec')).toBeUndefined();
  });

  it('is not found in a commented-out header', () => {
    const text = spec(['\\* ---- CONFIG Spec ----', 'INIT Init', '====']);
    expect(extractEmbeddedConfig(text, 'Spec')).toBeUndefined();
  });

  it("parses TLC's generated trace spec configuration, located in the .tla", () => {
    const r = parseEmbeddedConfigFile(traceSpec);
    expect(r.diagnostics).toEqual([]);
    const cfg = r.value!;
    expect(cfg.file).toBe(traceSpec);
    expect(cfg.invariants.map((i) => i.name)).toEqual(['_inv']);
    expect(cfg.init?.name).toBe('_init');
    expect(cfg.next?.name).toBe('_next');
    expect(cfg.alias?.name).toBe('_expression');
    expect(cfg.checkDeadlock).toBe(false);
    expect(cfg.constants).toMatchObject([{ kind: 'substitution', name: '_TETrace', by: '_trace' }]);
    // Locations point at the lines of the .tla file.
    const lines = readFileSync(traceSpec, 'utf8').split('\n');
    const invLine = cfg.invariants[0]!.loc.line;
    expect(lines[invLine - 1]!.trim()).toBe('_inv');
    expect(cfg.invariants[0]!.loc.col).toBe(lines[invLine - 1]!.indexOf('_inv') + 1);
  });

  it('reports a syntax error at its line and column in the .tla file', () => {
    const text = spec(['---- CONFIG Spec ----', 'INIT Init', 'CONSTANT N = {1,', '====']);
    const r = parseEmbeddedConfigText(text, '/specs/Spec.tla');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics[0]).toMatchObject({ code: 'cfg-syntax', loc: { file: '/specs/Spec.tla' } });
    expect(r.diagnostics[0]!.loc!.line).toBeGreaterThanOrEqual(8);
  });

  it('is a cfg error when the .tla holds no section of its name', () => {
    const r = parseEmbeddedConfigText(spec([]), '/specs/Spec.tla');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      { code: 'cfg-syntax', severity: 'error', loc: { file: '/specs/Spec.tla', line: 1, col: 1 } },
    ]);
    expect(r.diagnostics[0]!.message).toMatch(/---- CONFIG Spec ----/);
  });

  it('tells whether a file carries its own configuration', () => {
    expect(hasEmbeddedConfig(traceSpec)).toBe(true);
    expect(hasEmbeddedConfig(join(fixtures, 'TwoInvariants.tla'))).toBe(false);
    expect(hasEmbeddedConfig(join(fixtures, 'NoSuchFile.tla'))).toBe(false);
  });
});
