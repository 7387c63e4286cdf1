/**
 * The hand-written canonical JSON parser against JSON.parse: it accepts
 * exactly the texts JSON.parse accepts, and two texts get one canonical form
 * exactly when they encode one value (up to key order and number spelling).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeJson } from '../../../src/impl/idempotency/index.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Texts near JSON: valid documents with one character changed, dropped or inserted. */
const nearJson = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom(...'{}[],:"\\ 0-.eE+tfnu1'),
    fc.constantFrom('set', 'drop', 'insert'),
  )
  .map(([text, at, c, how]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (how === 'set') return text.slice(0, i) + c + text.slice(i + 1);
    if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + c + text.slice(i);
  });

/** Reorders object keys at every level. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const rotated = keys
    .slice(seed % Math.max(1, keys.length))
    .concat(keys.slice(0, seed % Math.max(1, keys.length)));
  return Object.fromEntries(
    rotated.reverse().map((k) => [k, shuffled((value as Record<string, unknown>)[k], seed)]),
  );
}

describe('canonical JSON', () => {
  it('accepts exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), nearJson, fc.string()), (text) => {
        expect(canonicalizeJson(text).kind === 'json').toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives one form to one value whatever the key order and spacing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        const a = canonicalizeJson(JSON.stringify(value));
        const b = canonicalizeJson(JSON.stringify(shuffled(value, seed), null, 2));
        expect(b).toEqual(a);
      }),
    );
  });

  it('gives different forms to different values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => {
        const a = canonicalizeJson(JSON.stringify(x));
        const b = canonicalizeJson(JSON.stringify(y));
        // JSON.stringify of a canonical re-parse compares values with keys sorted.
        const same =
          JSON.stringify(sortKeys(JSON.parse(JSON.stringify(x)))) ===
          JSON.stringify(sortKeys(JSON.parse(JSON.stringify(y))));
        expect(a.kind === 'json' && b.kind === 'json' && a.text === b.text).toBe(same);
      }),
    );
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
