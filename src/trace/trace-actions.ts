/**
 * A trace's actions in the conformance suite's `traceActions` form: for each
 * state, `[name, {param: value}]`, with `["Initial predicate", {}]` first.
 * Integers, strings and booleans are plain JSON; other values are printed
 * as TLC prints them. This is what `check --json` reports, for either
 * engine, so a trace's actions can be compared with TLC's own.
 */
import type { ActionLabel } from '../check/model.js';
import { printValue, type Value } from '../check/value/index.js';

export type TraceAction = [string, Record<string, unknown>];

function paramToJson(v: Value): unknown {
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : printValue(v);
}

export function traceActionOf(action: ActionLabel | undefined): TraceAction {
  if (!action) return ['?', {}];
  const params: Record<string, unknown> = {};
  for (const [k, v] of action.params) params[k] = paramToJson(v);
  return [action.name, params];
}

export function traceActionsOf(steps: readonly { action?: ActionLabel }[]): TraceAction[] {
  return steps.map((s) => traceActionOf(s.action));
}
