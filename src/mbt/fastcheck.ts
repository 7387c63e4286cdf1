/**
 * fast-check with the spec as the model.
 *
 * Each generated command names a spec action and a choice number. `check`
 * asks the embedded evaluator which successors of the current spec state
 * that action has (enabled = at least one); `run` picks one of them by the
 * choice number, applies the action with that successor's parameters to the
 * system under test, and compares the observed state with the successor.
 * No model is written by hand, and fast-check's shrinking yields a minimal
 * action sequence, reported as a trace that can be saved and replayed.
 */
import fc from 'fast-check';
import type { Model, State, Transition } from '../check/model.js';
import type { Value } from '../check/value/index.js';
import type { Trace } from '../trace/index.js';
import type { Binding } from './binding.js';
import { diffState, formatDiff } from './compare.js';
import { describeCall, type ReplayStep, thrownMessage } from './replay.js';
import { stepsToTrace } from './trace-files.js';

/** What fast-check's model holds: the spec state reached so far and the steps that reached it. */
export interface SpecRun {
  state: State;
  steps: ReplayStep[];
}

/** Thrown when the implementation diverges from the spec; carries the behaviour that led there. */
export class SpecDivergence extends Error {
  constructor(
    message: string,
    readonly steps: ReplayStep[],
  ) {
    super(message);
    this.name = 'SpecDivergence';
  }
}

export function stateRecord(model: Model, state: State): Record<string, Value> {
  const record: Record<string, Value> = {};
  model.variables.forEach((name, i) => {
    record[name] = state[i]!;
  });
  return record;
}

/**
 * Successors of the current spec state under `action`. Like TLC, a state
 * outside a CONSTRAINT is not explored further, and a transition outside an
 * ACTION_CONSTRAINT is not taken, so generated behaviours stay inside the
 * state space the model checker explores.
 */
function successorsUnder(model: Model, run: SpecRun, action: string): Transition[] {
  const ctx = { level: run.steps.length };
  if (!model.stateConstraints.every((holds) => holds(run.state, ctx))) return [];
  const out: Transition[] = [];
  for (const t of model.successors(run.state, { level: run.steps.length + 1 })) {
    if (t.action.name !== action) continue;
    if (model.actionConstraints.every((holds) => holds(run.state, t.state, ctx))) out.push(t);
  }
  return out;
}

class SpecActionCommand<Sut> implements fc.AsyncCommand<SpecRun, Sut> {
  private label: string;

  constructor(
    private readonly model: Model,
    private readonly binding: Binding<Sut>,
    private readonly action: string,
    private readonly choice: number,
  ) {
    this.label = action;
  }

  /** The successors `check` computed, reused by the `run` that follows it on the same state. */
  private checked: { state: State; level: number; candidates: Transition[] } | undefined;

  private candidates(run: SpecRun): Transition[] {
    const level = run.steps.length;
    if (this.checked?.state !== run.state || this.checked.level !== level) {
      this.checked = { state: run.state, level, candidates: successorsUnder(this.model, run, this.action) };
    }
    return this.checked.candidates;
  }

  check(run: Readonly<SpecRun>): boolean {
    return this.candidates(run as SpecRun).length > 0;
  }

  async run(run: SpecRun, sut: Sut): Promise<void> {
    const candidates = this.candidates(run);
    const next = candidates[this.choice % candidates.length]!;
    const params = Object.fromEntries(next.action.params);
    this.label = describeCall(this.action, params);
    const step: ReplayStep = {
      action: { name: this.action, params },
      values: stateRecord(this.model, next.state),
    };
    run.steps.push(step);
    run.state = next.state;
    const impl = this.binding.actions[this.action];
    if (impl) {
      try {
        await impl(sut, params);
      } catch (err) {
        throw new SpecDivergence(`${this.label} threw in the implementation: ${thrownMessage(err)}`, [
          ...run.steps,
        ]);
      }
    }
    const diff = diffState(step.values, await this.binding.observe(sut));
    if (diff.length > 0) {
      throw new SpecDivergence(
        `state ${run.steps.length} differs from the spec after ${this.label}:\n${formatDiff(diff)}`,
        [...run.steps],
      );
    }
  }

  toString(): string {
    return this.label;
  }
}

export interface SpecPropertyOptions {
  /** Longest generated action sequence (default 20). */
  maxCommands?: number;
}

/**
 * A fast-check property: random behaviours of the spec, run on the
 * implementation, state compared after every step. Actions are the binding's
 * bound and ignored actions.
 */
export function specProperty<Sut>(
  model: Model,
  binding: Binding<Sut>,
  options: SpecPropertyOptions = {},
): fc.IAsyncPropertyWithHooks<[number, Iterable<fc.AsyncCommand<SpecRun, Sut>>]> {
  const actions = [...Object.keys(binding.actions), ...(binding.ignoredActions ?? [])];
  if (actions.length === 0) throw new Error(`binding ${binding.name} has no actions`);
  const command = fc
    .tuple(fc.constantFrom(...actions), fc.nat({ max: 1_000 }))
    .map(([action, choice]) => new SpecActionCommand(model, binding, action, choice));
  const initialStates = [...model.initialStates({ level: 1 })];
  if (initialStates.length === 0) throw new Error(`spec ${model.moduleName} has no initial state`);

  return fc.asyncProperty(
    fc.nat({ max: initialStates.length - 1 }),
    fc.commands([command], { maxCommands: options.maxCommands ?? 20 }),
    async (initIndex, commands) => {
      const init = initialStates[initIndex]!;
      const first: ReplayStep = { values: stateRecord(model, init.state) };
      const sut = await binding.create();
      try {
        const diff = diffState(first.values, await binding.observe(sut));
        if (diff.length > 0) {
          throw new SpecDivergence(`the initial state differs from the spec:\n${formatDiff(diff)}`, [first]);
        }
        const run: SpecRun = { state: init.state, steps: [first] };
        await fc.asyncModelRun(() => ({ model: run, real: sut }), commands);
      } finally {
        await binding.dispose?.(sut);
      }
    },
  );
}

/** The outcome of `checkSpecProperty`. */
export type SpecCheckResult =
  | { ok: true; numRuns: number }
  | {
      ok: false;
      /** The shrunk behaviour, initial state first (empty when the failure is not a divergence). */
      steps: ReplayStep[];
      /** The same behaviour as a trace, ready for `saveTrace` and `replay`. */
      trace: Trace;
      message: string;
      /** fast-check's seed and path, to reproduce the run. */
      seed: number;
      path?: string;
    };

/** Runs the property; on failure returns the shrunk behaviour as replayable steps and as a trace. */
export async function checkSpecProperty<Sut>(
  model: Model,
  binding: Binding<Sut>,
  params: fc.Parameters<[number, Iterable<fc.AsyncCommand<SpecRun, Sut>>]> & SpecPropertyOptions = {},
): Promise<SpecCheckResult> {
  const { maxCommands, ...fcParams } = params;
  const property = specProperty(model, binding, maxCommands !== undefined ? { maxCommands } : {});
  const details = await fc.check(property, fcParams);
  if (!details.failed) return { ok: true, numRuns: details.numRuns };
  const error = details.errorInstance;
  const steps = error instanceof SpecDivergence ? error.steps : [];
  const message = thrownMessage(error);
  const trace = stepsToTrace(steps, {
    spec: model.moduleName,
    vars: [...model.variables],
    result: 'implementation-divergence',
  });
  return {
    ok: false,
    steps,
    trace,
    message,
    seed: details.seed,
    ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
  };
}
