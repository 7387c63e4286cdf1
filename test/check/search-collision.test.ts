import { describe, expect, it } from 'vitest';
import { fingerprintCollisionProbability, formatProbability } from '../../src/check/search/collision.js';
import { bfs } from '../../src/check/search/index.js';
import { formatCheckReport } from '../../src/cli/report/index.js';
import { twoInvariantsModel } from '../fixtures/search/conformance-models.js';
import { action, toyModel } from '../fixtures/search/toy-model.js';

describe('fingerprint collision probability, as TLC calculates it', () => {
  it('gives the figures TLC prints for the same counts', () => {
    // (generated, distinct) → TLC's "calculated (optimistic)" line, from TLC runs.
    const cases: [number, number, string][] = [
      [561, 52, '1.4E-15'],
      [213_090, 112_167, '6.1E-10'],
      [4_612_656, 252_932, '6.0E-8'],
    ];
    for (const [generated, distinct, printed] of cases)
      expect(formatProbability(fingerprintCollisionProbability(distinct, generated))).toBe(printed);
  });

  it('is reported from the search counts, in the result and after a successful search', () => {
    const model = toyModel({
      variables: ['x'],
      init: [[0]],
      actions: [action('Up', (s) => ((s[0] as number) < 9 ? [[(s[0] as number) + 1], [0]] : [[0]]))],
    });
    const r = bfs(model);
    expect(r.result).toBe('ok');
    expect(r.collisionProbability).toBe((r.distinctStates! * (r.totalStates! - r.distinctStates!)) / 2 ** 64);
    const text = formatCheckReport(r).join('\n');
    expect(text).toContain('calculated (optimistic):  val = ');
    const failed = formatCheckReport(bfs(twoInvariantsModel())).join('\n');
    expect(failed).not.toContain('calculated (optimistic)');
  });
});
