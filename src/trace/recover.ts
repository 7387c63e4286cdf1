/**
 * Typed traces from TLC's traces, by re-execution.
 *
 * TLC's printed and JSON traces lose information: JSON does not tell sets
 * from sequences or records from functions, and neither form records the
 * values an action's parameters and `\E` were bound to. Re-executing the
 * spec recovers all of it: for each step, among the model's initial states
 * (or successors of the previous state) under the named action, take the
 * first, in TLC's order, whose displayed values match what TLC recorded.
 *
 * TLC labels a step in three ways: with the action's name and its argument
 * values (`Finish("b",1)`, current TLC), with the name alone (older
 * releases), or with the enclosing definition (`Next`) when it could not
 * split the action ahead of time (`\E` over a set that depends on the
 * state). A name the model's successors do not carry is such an enclosing
 * definition: every successor is a candidate, and the values decide. Source
 * locations are not compared: TLC places an action whose body is a LET at
 * its IN part, the embedded engine at the definition.
 */
import type { ActionLabel, Model, State, Transition } from '../check/model.js';
import { type Value, valueEquals } from '../check/value/index.js';
import { ioDiagnostic, type Result } from '../errors.js';
import type { RawActionLabel, RawTrace } from '../tlc/index.js';
import { parseValueText } from '../tlc/index.js';
import { matchesTlcJson } from './match-json.js';
import type { Trace } from './types.js';

export interface RecoverOptions {
  spec?: string;
  model?: string;
  property?: string;
  result?: string;
}

/** A typed trace and the model states it visits (for replay against the model). */
export interface RecoveredTrace {
  trace: Trace;
  states: State[];
}

type Matcher = (value: Value, recorded: unknown) => boolean;

const matchText: Matcher = (value, recorded) => {
  const parsed = parseValueText(String(recorded));
  if (parsed.value === undefined) return false;
  try {
    return valueEquals(value, parsed.value);
  } catch {
    return false; // Incomparable kinds: not this state.
  }
};

function describeAction(a: RawActionLabel): string {
  const where = a.location
    ? ` (line ${a.location.line}, col ${a.location.col} of module ${a.location.module})`
    : '';
  return `${a.name}${a.args ? `(${a.args.join(',')})` : ''}${where}`;
}

/** TLC names unnamed actions 'Action'; only a real name narrows the search. */
function namesAction(raw: RawActionLabel): boolean {
  return raw.name !== 'Action' && raw.name !== 'Initial predicate';
}

/** The label's arguments (printed or JSON) agree with the action's parameters. */
function sameArguments(raw: RawActionLabel, label: ActionLabel): boolean {
  if (raw.args) {
    if (raw.args.length > label.params.length) return false;
    if (!raw.args.every((text, k) => matchText(label.params[k]![1], text))) return false;
  }
  if (raw.context) {
    const params = new Map(label.params);
    for (const [name, recorded] of Object.entries(raw.context)) {
      const value = params.get(name);
      if (value !== undefined && !matchesTlcJson(value, recorded)) return false;
    }
  }
  return true;
}

/**
 * The transitions that may be the step TLC labelled `raw`: those of the named
 * action with the same arguments; all of them when no transition carries
 * that name (TLC printed an enclosing definition) or TLC printed no name.
 */
function candidatesFor(raw: RawActionLabel, transitions: Transition[]): Transition[] {
  if (!namesAction(raw)) return transitions;
  const named = transitions.filter((t) => t.action.name === raw.name);
  if (named.length === 0) return transitions;
  return named.filter((t) => sameArguments(raw, t.action));
}

/**
 * Re-executes `raw` on `model`. Fails with a diagnostic naming the first
 * step that no initial state or successor matches.
 */
export function recoverTrace(
  raw: RawTrace,
  model: Model,
  options: RecoverOptions = {},
): Result<RecoveredTrace> {
  const matches: Matcher = raw.format === 'json' ? matchesTlcJson : matchText;
  const fail = (message: string): Result<RecoveredTrace> => ({
    diagnostics: [ioDiagnostic(message)],
  });
  const fits = (t: Transition, recorded: Record<string, unknown>, prev: State | undefined): boolean => {
    const shown = model.display(t.state, prev);
    if (shown.length !== Object.keys(recorded).length) return false;
    return shown.every(([name, value]) => name in recorded && matches(value, recorded[name]));
  };

  const states: State[] = [];
  const labels: ActionLabel[] = [];
  for (let i = 0; i < raw.states.length; i++) {
    const step = raw.states[i]!;
    const prev = states[i - 1];
    const ctx = { level: i + 1 };
    let found: Transition | undefined;
    let tried = 0;
    try {
      const all = [...(prev === undefined ? model.initialStates(ctx) : model.successors(prev, ctx))];
      for (const t of prev === undefined ? all : candidatesFor(step.action, all)) {
        tried++;
        if (fits(t, step.values as Record<string, unknown>, prev)) {
          found = t;
          break;
        }
      }
    } catch (e) {
      return fail(
        `state ${step.index}: evaluating the spec failed while re-executing the trace: ${(e as Error).message}`,
      );
    }
    if (!found) {
      const what = prev === undefined ? `initial states` : `successors of state ${raw.states[i - 1]!.index}`;
      const under = prev === undefined ? '' : ` under action ${describeAction(step.action)}`;
      return fail(
        `state ${step.index} diverges: none of the ${tried} ${what}${under} has the values TLC recorded` +
          ` (${Object.entries(step.values)
            .map(([k, v]) => `${k} = ${raw.format === 'json' ? JSON.stringify(v) : v}`)
            .join(', ')})`,
      );
    }
    states.push(found.state);
    labels.push(found.action);
  }

  const trace: Trace = {
    spec: options.spec ?? model.moduleName,
    vars: [...model.variables],
    states: states.map((s, i) => ({
      action: labels[i],
      values: Object.fromEntries(model.variables.map((v, k) => [v, s[k]!])),
    })),
  };
  if (options.model !== undefined) trace.model = options.model;
  if (options.property !== undefined) trace.property = options.property;
  if (options.result !== undefined) trace.result = options.result;
  if (raw.stuttering) trace.loop = states.length - 1;
  else if (raw.loop !== undefined) {
    trace.loop = raw.loop;
    const closing = closingAction(model, states, raw.loop, raw.loopAction);
    if (closing) trace.loopAction = closing;
  }
  return { value: { trace, states }, diagnostics: [] };
}

/** The action that leads from the last state back to `states[loop]`. */
function closingAction(
  model: Model,
  states: State[],
  loop: number,
  raw: RawActionLabel | undefined,
): ActionLabel | undefined {
  const last = states[states.length - 1];
  const target = states[loop];
  if (!last || !target) return undefined;
  try {
    const all = [...model.successors(last, { level: states.length + 1 })];
    for (const t of raw ? candidatesFor(raw, all) : all) {
      if (t.state.every((v, i) => valueEquals(v, target[i]!))) return t.action;
    }
  } catch {
    // The closing step is optional information.
  }
  return undefined;
}
