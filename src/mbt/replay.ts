/**
 * Replaying a trace against an implementation: run each step's action on a
 * fresh system under test and, after every step, compare the observed state
 * with the trace's state. The first divergence ends the replay with the step
 * number, the action, its parameters and a variable-by-variable diff.
 */
import { printValue, type Value } from '../check/value/index.js';
import type { ActionParams, Binding } from './binding.js';
import { diffState, formatDiff, type VariableDiff } from './compare.js';

/** One state of a trace as replay needs it: the action that led to it (absent for the initial state) and the variables. */
export interface ReplayStep {
  action?: { name: string; params?: ActionParams | [string, Value][] };
  values: Record<string, Value>;
}

export interface ReplayFailure {
  /** 1-based index of the trace state where the replay stopped (1 is the initial state). */
  step: number;
  action: string;
  params: ActionParams;
  reason: 'state-mismatch' | 'unbound-action' | 'implementation-error';
  diff: VariableDiff[];
  message: string;
}

export interface ReplayResult {
  ok: boolean;
  /** States checked before stopping (all of them on success). */
  stepsChecked: number;
  failure?: ReplayFailure;
}

export function paramsOf(action: ReplayStep['action']): ActionParams {
  const params = action?.params;
  if (!params) return {};
  return Array.isArray(params) ? Object.fromEntries(params) : params;
}

function describeCall(action: string, params: ActionParams): string {
  const args = Object.entries(params)
    .map(([k, v]) => `${k} = ${printValue(v)}`)
    .join(', ');
  return args ? `${action}(${args})` : action;
}

/** Replays `steps` (an initial state followed by action steps) on a fresh system from `binding`. */
export async function replay<Sut>(steps: readonly ReplayStep[], binding: Binding<Sut>): Promise<ReplayResult> {
  const sut = await binding.create();
  try {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const index = i + 1;
      const name = i === 0 ? 'Initial predicate' : (step.action?.name ?? '(unnamed action)');
      const params = paramsOf(step.action);
      if (i > 0) {
        const run = binding.actions[name];
        if (!run && !binding.ignoredActions?.includes(name)) {
          return fail(index, name, params, 'unbound-action', [], `the binding ${binding.name} has no function for action ${name}`);
        }
        if (run) {
          try {
            await run(sut, params);
          } catch (err) {
            const why = err instanceof Error ? err.message : String(err);
            return fail(index, name, params, 'implementation-error', [], `${describeCall(name, params)} threw: ${why}`);
          }
        }
      }
      const observed = await binding.observe(sut);
      const diff = diffState(step.values, observed);
      if (diff.length > 0) {
        const message = `state ${index} differs after ${describeCall(name, params)}:\n${formatDiff(diff)}`;
        return fail(index, name, params, 'state-mismatch', diff, message);
      }
    }
    return { ok: true, stepsChecked: steps.length };
  } finally {
    await binding.dispose?.(sut);
  }

  function fail(
    step: number,
    action: string,
    params: ActionParams,
    reason: ReplayFailure['reason'],
    diff: VariableDiff[],
    message: string,
  ): ReplayResult {
    return { ok: false, stepsChecked: step - 1, failure: { step, action, params, reason, diff, message } };
  }
}
