/**
 * Replaying a trace against an implementation: run each step's action on a
 * fresh system under test and, after every step, compare the observed state
 * with the trace's state. The first divergence ends the replay with the step
 * number, the action, its parameters and a variable-by-variable diff.
 */
import { printValue, type Value } from '../check/value/index.js';
import type { Trace } from '../trace/index.js';
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

/** What a thrown value says: an Error's message, anything else as text. */
export function thrownMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `Put(k = "a", v = 1)`, or the bare name for an action without parameters. */
export function describeCall(action: string, params: ActionParams): string {
  const args = Object.entries(params)
    .map(([k, v]) => `${k} = ${printValue(v)}`)
    .join(', ');
  return args ? `${action}(${args})` : action;
}

/** Replays `input` (a trace, or steps: an initial state followed by action steps) on a fresh system from `binding`. */
export async function replay<Sut>(
  input: Trace | readonly ReplayStep[],
  binding: Binding<Sut>,
): Promise<ReplayResult> {
  const steps: readonly ReplayStep[] = isTrace(input) ? input.states : input;
  const sut = await binding.create();
  try {
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      const index = i + 1;
      const name = i === 0 ? 'Initial predicate' : (step.action?.name ?? '(unnamed action)');
      const params = paramsOf(step.action);
      const call = describeCall(name, params);
      if (i > 0) {
        const run = binding.actions[name];
        if (!run && !binding.ignoredActions?.includes(name)) {
          const why = `the binding ${binding.name} has no function for action ${name} (bind it, or list it in ignoredActions)`;
          return fail(index, name, params, 'unbound-action', [], `state ${index} (${call}): ${why}`);
        }
        if (run) {
          try {
            await run(sut, params);
          } catch (err) {
            const why = `state ${index}: ${call} threw: ${thrownMessage(err)}`;
            return fail(index, name, params, 'implementation-error', [], why);
          }
        }
      }
      let observed: Record<string, Value>;
      try {
        observed = await binding.observe(sut);
      } catch (err) {
        const why = `state ${index}: observing after ${call} threw: ${thrownMessage(err)}`;
        return fail(index, name, params, 'implementation-error', [], why);
      }
      const diff = diffState(step.values, observed);
      if (diff.length > 0) {
        const message = `state ${index} differs after ${call}:\n${formatDiff(diff)}`;
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

function isTrace(input: Trace | readonly ReplayStep[]): input is Trace {
  return !Array.isArray(input);
}
