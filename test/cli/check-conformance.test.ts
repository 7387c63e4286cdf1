/**
 * The shared TLC conformance suite through `tlaw check --json`, with the
 * runner's comparison rules: the result always, `violated` when expected,
 * distinct states, depth and states generated exactly for ok cases and
 * whenever reported for violations; the trace's actions and parameters where
 * the case records TLC's; only the result for errors. Every tier runs; the
 * cases of the ratchet (support/known-failures.json) run as expected
 * failures. Skipped when the suite is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { caseIt } from '../support/known-failures.js';
import { SHARED_CASES } from '../support/shared.js';

const casesDir = SHARED_CASES;

interface Expected {
  module: string;
  cfg: string;
  tier: number;
  result: string;
  violated: string | null;
  distinctStates: number | null;
  depth: number | null;
  totalStates?: number | null;
  traceActions?: unknown[];
}

const cases = existsSync(casesDir)
  ? readdirSync(casesDir)
      .sort()
      .map((dir) => ({
        dir,
        expected: JSON.parse(readFileSync(join(casesDir, dir, 'expected.json'), 'utf8')) as Expected,
      }))
  : [];

describe.skipIf(cases.length === 0)('conformance with TLC (every tier)', () => {
  for (const { dir, expected } of cases)
    caseIt('check', dir)(dir, async () => {
      let stdout = '';
      await runCheck(
        [join(casesDir, dir, `${expected.module}.tla`)],
        {
          json: true,
          config: join(casesDir, dir, expected.cfg),
          engine: 'embedded',
        },
        {
          stdout: (t) => {
            stdout += t;
          },
          stderr: () => {},
        },
      );
      const got = JSON.parse(stdout.trim().split('\n').at(-1)!);
      expect(got.result).toBe(expected.result);
      if (expected.result === 'error') return;
      if (expected.violated !== null) expect(got.violated).toBe(expected.violated);
      if (expected.result === 'ok' || got.distinctStates !== null)
        expect(got.distinctStates).toBe(expected.distinctStates);
      if (expected.result === 'ok' || got.depth !== null) expect(got.depth).toBe(expected.depth);
      if (expected.totalStates != null && (expected.result === 'ok' || got.totalStates != null))
        expect(got.totalStates).toBe(expected.totalStates);
      if (expected.traceActions) expect(got.traceActions).toEqual(expected.traceActions);
    });
});
