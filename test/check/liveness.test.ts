/**
 * Verdicts of the liveness checker: TLC's results on the tier-3 conformance
 * cases (copied under test/fixtures/liveness), and hand-made specs where
 * weak fairness suffices, where only strong fairness does, and where
 * properties quantify over constants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWithLiveness } from '../../src/check/liveness/index.js';
import type { CheckResult } from '../../src/check/result.js';
import { bfs } from '../../src/check/search/index.js';
import { printValue } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/liveness');
const HAND = join(FIXTURES, 'hand');

function load(dir: string, spec: string, cfg: string) {
  const loaded = loadModel(join(dir, spec), join(dir, cfg), { print: () => {} });
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return { model: loaded.model, config: loaded.config };
}

function check(dir: string, spec: string, cfg: string) {
  const { model, config } = load(dir, spec, cfg);
  return checkWithLiveness(model, config);
}

interface Expected {
  module: string;
  cfg: string;
  result: string;
  violated: string | null;
  distinctStates: number | null;
  totalStates: number | null;
  depth: number | null;
  tlcExitCode: number;
}

const cases = readdirSync(FIXTURES)
  .filter((d) => /^\d\d-/.test(d))
  .sort()
  .map((dir) => ({
    dir,
    expected: JSON.parse(readFileSync(join(FIXTURES, dir, 'expected.json'), 'utf8')) as Expected,
  }));

describe('liveness: TLC verdicts on the tier-3 conformance cases', () => {
  it('has the ten tier-3 cases', () => {
    expect(cases.map((c) => Number(c.dir.slice(0, 2)))).toEqual([38, 39, 40, 41, 42, 43, 44, 45, 46, 47]);
  });

  it.each(cases)('$dir', ({ dir, expected }) => {
    const { result, unchecked } = check(join(FIXTURES, dir), `${expected.module}.tla`, expected.cfg);
    expect(unchecked).toEqual([]);
    expect(result.result).toBe(expected.result);
    expect(result.violated).toBe(expected.violated);
    expect(result.exitCode).toBe(expected.tlcExitCode);
    // The liveness check runs on the complete state graph: TLC's counts of the whole search.
    expect(result.distinctStates).toBe(expected.distinctStates);
    expect(result.totalStates).toBe(expected.totalStates);
    expect(result.depth).toBe(expected.depth);
    if (expected.result === 'liveness-violation') {
      expect(result.message).toBe(`Temporal property ${expected.violated} was violated.`);
    }
  });
});

describe('liveness: fairness', () => {
  it('holds <>P when weak fairness keeps a continuously enabled action from being ignored', () => {
    const { result } = check(HAND, 'WfEnough.tla', 'WfEnough.cfg');
    expect(result.result).toBe('ok');
    expect(result.exitCode).toBe(0);
  });

  it('violates the same <>P without fairness on that action', () => {
    const { result } = check(HAND, 'WfEnough.tla', 'WfEnoughUnfair.cfg');
    expect(result).toMatchObject({ result: 'liveness-violation', violated: 'Arrives', exitCode: 13 });
    // The counterexample never arrives.
    for (const step of result.trace!) expect(Object.fromEntries(step.state).arrived).toBe(false);
  });

  it('does not let weak fairness force an action that is only enabled now and then', () => {
    const { result } = check(HAND, 'Door.tla', 'DoorWeak.cfg');
    expect(result).toMatchObject({ result: 'liveness-violation', violated: 'GetsIn' });
    // The cycle passes through a state where Enter is enabled (the door is open).
    const cycle = result.trace!.slice(result.loop);
    expect(cycle.some((s) => Object.fromEntries(s.state).open === true)).toBe(true);
  });

  it('lets strong fairness force it: <>P and P ~> Q hold', () => {
    const { result, unchecked } = check(HAND, 'Door.tla', 'DoorStrong.cfg');
    expect(unchecked).toEqual([]);
    expect(result.result).toBe('ok');
  });
});

describe('liveness: temporal assumptions of the SPECIFICATION', () => {
  it("checks properties only on behaviours that satisfy the spec's own temporal conjuncts", () => {
    const { result, unchecked } = check(HAND, 'Assumed.tla', 'Assumed.cfg');
    // The spec's []<>(x = 0) /\ []<>(x = 1) is assumed, not reported as a property.
    expect(unchecked).toEqual([]);
    expect(result.result).toBe('ok');
  });

  it('still finds violations under those assumptions, with a cycle that meets them', () => {
    const { result } = check(HAND, 'Assumed.tla', 'AssumedFail.cfg');
    expect(result).toMatchObject({ result: 'liveness-violation', violated: 'SettlesAtZero', loop: 0 });
    expect(result.trace!.map((s) => Object.fromEntries(s.state).x)).toEqual([0, 1, 2, 3]);
  });

  it('finds the stuttering violation once the assumption is gone', () => {
    const { result } = check(HAND, 'Assumed.tla', 'AssumedLoose.cfg');
    expect(result).toMatchObject({ result: 'liveness-violation', violated: 'InfOftenTwo', stuttering: true });
  });
});

describe('liveness: formulas', () => {
  it('expands \\A over a constant set and parameterised temporal operators', () => {
    // Also `\A p, q \in S` and `\A <<p, q>> \in S \X S`.
    const { result, unchecked } = check(HAND, 'Procs.tla', 'ProcsAll.cfg');
    expect(unchecked).toEqual([]);
    expect(result.result).toBe('ok');
  });

  it('reports the first violated property in cfg order under partial fairness', () => {
    const { result } = check(HAND, 'Procs.tla', 'ProcsOne.cfg');
    // OneFinishes and SomeoneFinishes hold (process 1 is treated fairly); AllSettle does not.
    expect(result).toMatchObject({ result: 'liveness-violation', violated: 'AllSettle' });
    // It ends stuttering with process 2 never done.
    expect(result.stuttering).toBe(true);
    expect(printValue(Object.fromEntries(result.trace!.at(-1)!.state).done!)).toBe('<<TRUE, FALSE>>');
  });

  it('reads properties through an INSTANCE with a refinement mapping (I!Spec, I!Live)', () => {
    const dir = join(FIXTURES, 'refine');
    const fair = check(dir, 'Impl.tla', 'Impl.cfg');
    expect(fair.unchecked).toEqual([]);
    expect(fair.result.result).toBe('ok');
    const lazy = check(dir, 'Impl.tla', 'ImplLazy.cfg');
    expect(lazy.result).toMatchObject({
      result: 'liveness-violation',
      violated: 'EventuallyDone',
      stuttering: true,
    });
  });

  it('checks temporal properties of an INIT/NEXT model (no fairness: stuttering is allowed)', () => {
    const { result } = check(HAND, 'Stall.tla', 'Stall.cfg');
    expect(result).toMatchObject({ result: 'liveness-violation', violated: 'Reach', stuttering: true });
  });

  it('lists a property it cannot read as unchecked, checks the model, and does not call it verified', () => {
    const { result, unchecked } = check(HAND, 'Stall.tla', 'StallUnsupported.cfg');
    expect(result).toMatchObject({ result: 'error', exitCode: 255, distinctStates: expect.any(Number) });
    expect(result.message).toContain('PROPERTY NotBoth was not checked');
    expect(unchecked).toHaveLength(1);
    expect(unchecked[0]!.name).toBe('NotBoth');
    expect(unchecked[0]!.reason).toMatch(/-\+->/);
    expect(unchecked[0]!.loc?.line).toBe(16);
  });

  it('does not pass a model whose property has a tableau over the limit', () => {
    const { result, unchecked } = check(HAND, 'BigTableau.tla', 'BigTableau.cfg');
    expect(unchecked.map((u) => u.reason)).toEqual([expect.stringMatching(/tableau exceeds/)]);
    expect(result).toMatchObject({ result: 'error', exitCode: 255 });
    expect(result.message).toContain('PROPERTY Big was not checked');
  });

  it('is exactly the safety search for a model without temporal properties', () => {
    const dir = join(FIXTURES, '46-safety-property-fail');
    const { model, config } = load(dir, 'SafetyPropFail.tla', 'SafetyPropFail.cfg');
    const withLiveness: CheckResult = checkWithLiveness(model, config).result;
    const plain = bfs(model);
    expect({ ...withLiveness, durationMs: 0 }).toEqual({ ...plain, durationMs: 0 });
  });
});

describe('fairness quantified over processes', () => {
  it('`\\A p \\in Procs : WF_vars(Step(p))` (through a definition) makes every process finish', () => {
    const { result } = check(HAND, 'QuantifiedFairness.tla', 'QuantifiedFairness.cfg');
    expect(result.result).toBe('ok');
    expect(result.distinctStates).toBe(9);
  });

  it('without it, a process may stop forever', () => {
    const { result } = check(HAND, 'QuantifiedFairness.tla', 'QuantifiedFairnessUnfair.cfg');
    expect(result.result).toBe('liveness-violation');
    expect(result.violated).toBe('Done');
    expect(result.exitCode).toBe(13);
  });
});
