/**
 * Reads the file TLC writes with `-dumpTrace json <file>`:
 *
 * ```
 * {"counterexample": {"state": [[1, {var: value, ...}], ...],
 *                     "action": [[[i, state_i], {"name": ..., "location": {...}}, [j, state_j]], ...]},
 *  "vars": [...]}
 * ```
 *
 * A lasso ends with an action from the last state back to an earlier one;
 * stuttering ends with an action from the last state to itself. Values stay
 * TLC's JSON, which is lossy (sets, tuples and sequences are all arrays;
 * records and functions are both objects): src/trace/recover.ts gets the
 * typed values back by re-executing the spec.
 */
import { type Diagnostic, ioDiagnostic } from '../errors.js';
import type { RawActionLabel, RawJsonTrace, RawTraceState } from './types.js';

interface JsonLocation {
  beginLine?: number;
  beginColumn?: number;
  endLine?: number;
  endColumn?: number;
  module?: string;
}

type JsonStep = [number, Record<string, unknown>];

function isStep(x: unknown): x is JsonStep {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' && isObject(x[1]);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function actionLabel(x: unknown): RawActionLabel {
  if (!isObject(x)) return { name: 'Action' };
  const name = typeof x.name === 'string' ? x.name : 'Action';
  const context = isObject(x.context) && Object.keys(x.context).length > 0 ? { context: x.context } : {};
  const loc = x.location as JsonLocation | undefined;
  if (!isObject(loc) || typeof loc.beginLine !== 'number') return { name, ...context };
  return {
    name,
    ...context,
    location: {
      module: String(loc.module ?? ''),
      line: loc.beginLine,
      col: Number(loc.beginColumn ?? 0),
      endLine: Number(loc.endLine ?? loc.beginLine),
      endCol: Number(loc.endColumn ?? 0),
    },
  };
}

/**
 * Reads a `-dumpTrace json` file's text (or its parsed JSON). `file` names
 * the file in diagnostics.
 */
export function readTlcTraceJson(
  input: string | unknown,
  file = 'trace.json',
): { value?: RawJsonTrace; diagnostics: Diagnostic[] } {
  const fail = (message: string) => ({ diagnostics: [ioDiagnostic(message, file)] });
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return fail(`${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObject(json) || !isObject(json.counterexample)) {
    return fail(`${file} is not a TLC trace: it has no "counterexample" object`);
  }
  const { state, action } = json.counterexample as { state?: unknown; action?: unknown };
  if (!Array.isArray(state) || !state.every(isStep)) {
    return fail(
      `${file} is not a TLC trace: "counterexample.state" must be a list of [index, {variables}] pairs`,
    );
  }
  const actions = Array.isArray(action) ? action : [];
  const vars = Array.isArray(json.vars) ? json.vars.map(String) : Object.keys(state[0]?.[1] ?? {});

  const states: RawTraceState<unknown>[] = state.map(([index, values], i) => ({
    index,
    action: i === 0 ? { name: 'Initial predicate' } : { name: 'Action' },
    values,
  }));
  const trace: RawJsonTrace = { format: 'json', vars, states, stuttering: false };
  const byIndex = new Map(states.map((s, i) => [s.index, i]));
  for (const a of actions) {
    if (!Array.isArray(a) || a.length !== 3 || !isStep(a[0]) || !isStep(a[2])) continue;
    const from = a[0][0];
    const to = a[2][0];
    const label = actionLabel(a[1]);
    const target = byIndex.get(to);
    if (target === undefined) continue;
    if (to === from + 1) {
      states[target]!.action = label;
    } else if (to === from) {
      trace.stuttering = true;
    } else if (to < from) {
      trace.loop = target;
      trace.loopAction = label;
    }
  }
  return { value: trace, diagnostics: [] };
}
