/**
 * Tests that need the TLC conformance suite (../shared/conformance, or
 * TLAW_SHARED_CASES) skip themselves when it is absent; without this file
 * they would vanish from the report, since their cases are listed from the
 * suite's folder. When the suite is absent, every test file that reads it is
 * reported here as one skipped test, so the run says how many were left out
 * and `.ci/run` (with CI=true) refuses to run at all. When it is present,
 * it must hold cases.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_CASES } from '../support/shared.js';

const testRoot = resolve(import.meta.dirname, '..');

/** Test files that use the shared suite (they import test/support/shared or its case lists). */
function filesNeedingSuite(dir = testRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : filesNeedingSuite(path);
    if (!e.name.endsWith('.test.ts') || path === import.meta.filename) return [];
    return /support\/shared\.js|conformance-cases\.js/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

const present = existsSync(SHARED_CASES);

describe('the TLC conformance suite', () => {
  it.skipIf(!present)(`is present at ${SHARED_CASES} and holds cases`, () => {
    expect(readdirSync(SHARED_CASES).length).toBeGreaterThan(0);
  });

  const needing = present ? [] : filesNeedingSuite();
  for (const file of needing) {
    it.skip(`${relative(testRoot, file)}: its conformance cases are skipped (${SHARED_CASES} is absent)`, () => {});
  }
});
