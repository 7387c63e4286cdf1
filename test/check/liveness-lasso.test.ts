/**
 * The shape of liveness counterexamples: a real behaviour of the spec
 * (initial state, then successor steps with their actions), closed either
 * by a step back into the trace ("Back to state k") or by stuttering forever,
 * and violating the property on its cycle. Where TLC's counterexample is
 * deterministic, the same lasso as TLC's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalModel } from '../../src/check/eval/index.js';
import { checkWithLiveness } from '../../src/check/liveness/index.js';
import type { State } from '../../src/check/model.js';
import type { CheckResult } from '../../src/check/result.js';
import { type Value, valueEquals } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/liveness');

function run(dir: string, spec: string, cfg: string): { model: EvalModel; result: CheckResult } {
  const loaded = loadModel(join(FIXTURES, dir, spec), join(FIXTURES, dir, cfg), { print: () => {} });
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return { model: loaded.model, result: checkWithLiveness(loaded.model, loaded.config).result };
}

const stateOf = (model: EvalModel, step: { state: [string, Value][] }): State => {
  const m = new Map(step.state);
  return model.variables.map((v) => m.get(v)!);
};
const same = (a: State, b: State) => a.every((v, i) => valueEquals(v, b[i]!));
const vars = (step: { state: [string, Value][] }) => Object.fromEntries(step.state);

/** The trace is a behaviour of the model and its lasso closes. */
function expectBehaviour(model: EvalModel, r: CheckResult): void {
  const trace = r.trace!;
  expect(trace.length).toBeGreaterThan(0);
  const states = trace.map((s) => stateOf(model, s));
  expect([...model.initialStates({ level: 1 })].some((t) => same(t.state, states[0]!))).toBe(true);
  expect(trace[0]!.action.name).toBe('Initial predicate');
  for (let i = 1; i < states.length; i++) {
    const step = [...model.successors(states[i - 1]!, { level: i })].find((t) => same(t.state, states[i]!));
    expect(step, `state ${i + 1} follows state ${i}`).toBeDefined();
    expect(step!.action.name).toBe(trace[i]!.action.name);
    // Stuttering steps are never printed inside the trace.
    expect(same(states[i - 1]!, states[i]!)).toBe(false);
  }
  expect(r.loop).toBeDefined();
  if (r.stuttering) {
    expect(r.loop).toBe(trace.length - 1);
    expect(r.loopAction).toBeUndefined();
  } else {
    const back = [...model.successors(states.at(-1)!, { level: states.length })].find((t) =>
      same(t.state, states[r.loop!]!),
    );
    expect(back, 'the last state steps back into the cycle').toBeDefined();
    expect(r.loopAction?.name).toBe(back!.action.name);
  }
}

interface Expected {
  lassoBackTo: number | null;
  stuttering: boolean;
  traceLength: number | null;
}
const expected = (dir: string): Expected =>
  JSON.parse(readFileSync(join(FIXTURES, dir, 'expected.json'), 'utf8')) as Expected;

describe('liveness counterexamples', () => {
  it('ends in stuttering where TLC does (39: 3 states, then "Stuttering" at x = 2)', () => {
    const { model, result } = run('39-liveness-stutter', 'LiveStutter.tla', 'LiveStutter.cfg');
    expectBehaviour(model, result);
    expect(result.stuttering).toBe(true);
    expect(result.trace).toHaveLength(expected('39-liveness-stutter').traceLength!);
    // <>(x = 3) is violated: x never reaches 3.
    expect(result.trace!.every((s) => vars(s).x !== 3)).toBe(true);
  });

  it.each([
    ['40-always-eventually-fail', 'InfOftenFail'],
    ['41-eventually-always-fail', 'SettleFail'],
    ['43-wf-insufficient', 'WeakFair'],
  ])('closes the same lasso as TLC (%s)', (dir, name) => {
    const { model, result } = run(dir, `${name}.tla`, `${name}.cfg`);
    expectBehaviour(model, result);
    const e = expected(dir);
    expect(result.stuttering).toBe(false);
    expect(result.loop! + 1).toBe(e.lassoBackTo);
    expect(result.trace).toHaveLength(e.traceLength!);
  });

  it('puts only violating states on the cycle of []<>P (40: x = 0 never comes back)', () => {
    const { result } = run('40-always-eventually-fail', 'InfOftenFail.tla', 'InfOftenFail.cfg');
    const cycle = result.trace!.slice(result.loop);
    expect(cycle.map((s) => vars(s).x)).toEqual([1, 2]);
  });

  it('keeps leaving P on the cycle of <>[]P (41: x keeps returning to 0)', () => {
    const { result } = run('41-eventually-always-fail', 'SettleFail.tla', 'SettleFail.cfg');
    const cycle = result.trace!.slice(result.loop);
    expect(cycle.some((s) => vars(s).x !== 1)).toBe(true);
  });

  it('gives a lasso for P ~> Q whose cycle keeps P pending (42)', () => {
    const { model, result } = run('42-leadsto-fail', 'LeadsToFail.tla', 'LeadsToFail.cfg');
    expectBehaviour(model, result);
    expect(result.stuttering).toBe(false);
    const cycle = result.trace!.slice(result.loop);
    expect(cycle.every((s) => vars(s).req === true && vars(s).grant === false)).toBe(true);
    // Weak fairness of Next holds on the cycle: it is made of Next steps, not stuttering.
    expect(cycle.length).toBeGreaterThan(1);
  });

  it('satisfies the fairness of the spec on the cycle (43: Toggle is taken, Inc never continuously enabled)', () => {
    const { result } = run('43-wf-insufficient', 'WeakFair.tla', 'WeakFair.cfg');
    const cycle = result.trace!.slice(result.loop);
    expect(cycle.some((s) => vars(s).flag === false)).toBe(true);
    expect(result.loopAction?.name).toBe('Toggle');
  });
});
