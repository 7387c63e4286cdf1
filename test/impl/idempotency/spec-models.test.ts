/**
 * The contract between specs/models.json, the spec's models and the
 * implementation variants: every anti-pattern has a model that must be
 * refuted, with an existing config selecting the right variant, and an
 * implementation variant exported under the catalogued name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as antipatterns from '../../../src/impl/idempotency/antipatterns/index.js';

const specsDir = fileURLToPath(new URL('../../../specs/', import.meta.url));

interface ModelEntry {
  name: string;
  spec: string;
  config: string;
  expect: { result: string; violated?: string };
  antipattern?: number;
  traces?: string;
}

const models = (
  JSON.parse(readFileSync(specsDir + 'models.json', 'utf8')) as { models: ModelEntry[] }
).models.filter((m) => m.name.startsWith('idempotency-'));
const invariants = [
  'AtMostOnceEffect',
  'SameResponse',
  'ResponseMatchesRequest',
  'NoCrossUserLeak',
  'NoKeyBlockedForever',
];

describe('idempotency models in specs/models.json', () => {
  it('has one refuted model per anti-pattern, each with a listed invariant', () => {
    const numbers = models
      .flatMap((m) => (m.antipattern === undefined ? [] : [m.antipattern]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(antipatterns.ANTIPATTERNS.map((a) => a.number));
    for (const m of models.filter((m) => m.antipattern !== undefined)) {
      expect(m.expect.result).toBe('invariant-violation');
      expect(invariants).toContain(m.expect.violated);
    }
  });

  it('points at existing spec and config files; refuted configs check the expected invariant', () => {
    for (const m of models) {
      expect(existsSync(specsDir + m.spec), m.spec).toBe(true);
      expect(existsSync(specsDir + m.config), m.config).toBe(true);
      const cfg = readFileSync(specsDir + m.config, 'utf8');
      if (m.expect.violated !== undefined) expect(cfg).toMatch(new RegExp(`^\\s+${m.expect.violated}$`, 'm'));
      if (m.antipattern === undefined) {
        expect(cfg).toMatch(/Variant = "Correct"/);
        for (const inv of invariants) expect(cfg).toMatch(new RegExp(`^\\s+${inv}$`, 'm'));
      } else {
        expect(cfg).not.toMatch(/Variant = "Correct"/);
      }
    }
  });

  it('saves every idempotency counterexample under traces/idempotency (replayed by saved-traces.test.ts)', () => {
    expect(models.filter((m) => m.traces !== 'idempotency').map((m) => m.name)).toEqual([]);
  });

  it('every catalogued implementation variant is exported', () => {
    for (const a of antipatterns.ANTIPATTERNS) {
      expect(typeof (antipatterns as Record<string, unknown>)[a.implementation], a.implementation).toBe(
        'function',
      );
    }
  });
});
