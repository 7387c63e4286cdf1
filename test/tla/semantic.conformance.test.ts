import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/errors.js';
import { parseConfigFile } from '../../src/tla/cfg/index.js';
import { loadSpec } from '../../src/tla/modules/index.js';
import { checkConfig, checkSpec } from '../../src/tla/semantic/index.js';
import { caseIt } from '../support/known-failures.js';
import { SHARED_CASES } from '../support/shared.js';

const CASES = SHARED_CASES;
const SKIPPED = new Set(['48-parse-error', '49-undefined-operator']);

const caseDirs = existsSync(CASES) ? readdirSync(CASES).sort() : [];
// TLC writes *_TTrace_*.tla files next to a spec; they need TLC's trace modules and are not specs of the suite.
const specFiles = caseDirs
  .filter((d) => !SKIPPED.has(d))
  .flatMap((d) =>
    readdirSync(join(CASES, d))
      .filter((f) => f.endsWith('.tla') && !f.includes('_TTrace_'))
      .map((f) => join(CASES, d, f)),
  );

describe.skipIf(!existsSync(CASES))('conformance specs pass the semantic checks', () => {
  for (const file of specFiles)
    caseIt('semantic', file)(file, () => {
      const r = loadSpec(file);
      expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(checkSpec(r.value!).map(formatDiagnostic)).toEqual([]);
    });

  for (const dir of caseDirs.filter((d) => !SKIPPED.has(d)))
    caseIt('semantic-cfg', dir)(`${dir}: the cfg passes checkConfig`, () => {
      const expected = JSON.parse(readFileSync(join(CASES, dir, 'expected.json'), 'utf8'));
      const spec = loadSpec(join(CASES, dir, `${expected.module}.tla`)).value!;
      const cfg = parseConfigFile(join(CASES, dir, expected.cfg));
      expect(cfg.diagnostics).toEqual([]);
      expect(checkConfig(spec, cfg.value!).map(formatDiagnostic)).toEqual([]);
    });

  it("49-undefined-operator gives SANY's message at SANY's place", () => {
    const dir = join(CASES, '49-undefined-operator');
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const r = loadSpec(join(dir, 'UndefinedOp.tla'));
    const diagnostics = checkSpec(r.value!);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].code).toBe('undefined');
    expect(diagnostics[0].message).toBe(expected.errorMessage);
    // errorText: "line 10, col 14 to line 10, col 22 of module UndefinedOp"
    expect(diagnostics[0].loc).toMatchObject({ line: 10, col: 14 });
  });
});
