/**
 * Between the project's trace type and replay: a `Trace` (read from ITF, or a
 * model checker's counterexample) becomes replay steps, and the steps of a
 * fast-check failure become a `Trace` that can be saved as ITF. A saved trace
 * may say in its `#meta` what replaying it must give (`expect`), which makes
 * every saved counterexample a regression test (see vitest.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ActionLabel, Model, State, Transition } from '../check/model.js';
import type { Value } from '../check/value/index.js';
import { ioDiagnostic, type Result, readTextFile } from '../errors.js';
import { readItf, type Trace, writeItf } from '../trace/index.js';
import { safeEquals } from './compare.js';
import { describeCall, paramsOf, type ReplayStep } from './replay.js';

/** What replaying a trace against a binding must give. */
export type TraceOutcome = 'pass' | 'diverge';

/**
 * The `#meta.expect` of a saved trace: one outcome for every binding, or one
 * per binding name (a counterexample passes on the buggy implementation that
 * produced it and diverges on the fixed one).
 */
export type TraceExpectation = TraceOutcome | Record<string, TraceOutcome>;

/** A trace's states as replay steps (the initial state first). */
export function traceToSteps(trace: Trace): ReplayStep[] {
  return trace.states.map((s) => (s.action ? { action: s.action, values: s.values } : { values: s.values }));
}

export interface StepsTraceMeta {
  spec: string;
  model?: string;
  property?: string;
  result?: string;
  /** Variable order (default: the variables of the first step, in its key order). */
  vars?: string[];
}

/** Parameters as ordered pairs, each name once (the last binding of a name wins, as in a record). */
function paramPairs(action: ReplayStep['action']): [string, Value][] {
  return Object.entries(paramsOf(action));
}

/** Replay steps (e.g. a shrunk fast-check failure) as a trace ready for `writeItf`/`saveTrace`. */
export function stepsToTrace(steps: readonly ReplayStep[], meta: StepsTraceMeta): Trace {
  const vars = meta.vars ?? Object.keys(steps[0]?.values ?? {});
  const trace: Trace = {
    spec: meta.spec,
    vars: [...vars],
    states: steps.map((step, i) => {
      const action: ActionLabel = step.action
        ? { name: step.action.name, params: paramPairs(step.action) }
        : { name: i === 0 ? 'Initial predicate' : '(unknown action)', params: [] };
      return { action, values: { ...step.values } };
    }),
  };
  if (meta.model !== undefined) trace.model = meta.model;
  if (meta.property !== undefined) trace.property = meta.property;
  if (meta.result !== undefined) trace.result = meta.result;
  return trace;
}

export interface SaveTraceOptions {
  /** Stored as `#meta.expect`: what replaying the saved trace must give. */
  expect?: TraceExpectation;
  /** Stored as `#meta.divergesAt`: the 1-based state where an expected divergence must happen. */
  divergesAt?: number;
}

/** Writes `trace` as formatted ITF at `path`, creating folders; returns the absolute path. */
export function saveTrace(trace: Trace, path: string, options: SaveTraceOptions = {}): Result<string> {
  const target = resolve(path);
  const doc = writeItf(trace);
  const meta = { ...(doc['#meta'] ?? {}) };
  if (options.expect !== undefined) meta.expect = options.expect;
  if (options.divergesAt !== undefined) meta.divergesAt = options.divergesAt;
  doc['#meta'] = meta;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${JSON.stringify(doc, null, 2)}\n`);
  } catch (e) {
    return { diagnostics: [ioDiagnostic(`Cannot write ${target}: ${(e as Error).message}`)] };
  }
  return { value: target, diagnostics: [] };
}

/** A trace file with the `#meta` fields the project's `Trace` type does not keep. */
export interface TraceFile {
  trace: Trace;
  meta: Record<string, unknown>;
}

/** Reads an ITF file; unreadable or malformed files give a diagnostic naming the file. */
export function readTraceFile(path: string): Result<TraceFile> {
  const file = readTextFile(path);
  if (file.value === undefined) return { diagnostics: file.diagnostics };
  let json: { '#meta'?: unknown };
  try {
    json = JSON.parse(file.value);
  } catch {
    return { diagnostics: readItf(file.value, path).diagnostics }; // says why it is not JSON
  }
  const read = readItf(json, path);
  if (!read.value) return { diagnostics: read.diagnostics };
  const meta = typeof json['#meta'] === 'object' && json['#meta'] !== null ? json['#meta'] : {};
  return { value: { trace: read.value, meta: meta as Record<string, unknown> }, diagnostics: [] };
}

/**
 * What the trace's `#meta` expects of the binding named `binding`: its
 * outcome (undefined when the trace says nothing about this binding) and the
 * state where a divergence must happen, when given.
 */
export function expectationOf(
  meta: Readonly<Record<string, unknown>>,
  binding: string,
): { outcome?: TraceOutcome; divergesAt?: number } {
  const isOutcome = (x: unknown): x is TraceOutcome => x === 'pass' || x === 'diverge';
  const raw = meta.expect;
  let outcome: TraceOutcome | undefined;
  if (isOutcome(raw)) outcome = raw;
  else if (typeof raw === 'object' && raw !== null) {
    const own = (raw as Record<string, unknown>)[binding];
    if (isOutcome(own)) outcome = own;
  }
  const at = meta.divergesAt;
  return {
    ...(outcome ? { outcome } : {}),
    ...(typeof at === 'number' && Number.isInteger(at) && at > 0 ? { divergesAt: at } : {}),
  };
}

function sameValues(model: Model, state: State, values: Readonly<Record<string, Value>>): boolean {
  return model.variables.every((name, i) => {
    const v = values[name];
    return v !== undefined && safeEquals(state[i]!, v);
  });
}

function sameLabel(label: ActionLabel, wanted: ActionLabel | undefined): boolean {
  if (wanted === undefined) return true;
  if (label.name !== wanted.name) return false;
  const mine = new Map(label.params);
  return wanted.params.every(([k, v]) => {
    const other = mine.get(k);
    return other !== undefined && safeEquals(other, v);
  });
}

/**
 * Whether a saved trace is still a behaviour of `model` (the spec may have
 * changed since it was saved): its first state must be an initial state,
 * every later state a successor of the previous one under the recorded
 * action and parameters, and, when the trace names the invariant it
 * violates, its last state must still violate it. Returns why not, or
 * undefined when the trace still fits.
 */
export function traceMismatch(trace: Trace, model: Model): string | undefined {
  const missing = model.variables.filter((v) => !trace.vars.includes(v));
  if (missing.length > 0) return `the trace has no value for the variable(s) ${missing.join(', ')}`;
  let prev: State | undefined;
  for (let i = 0; i < trace.states.length; i++) {
    const step = trace.states[i]!;
    const ctx = { level: i + 1 };
    const candidates: Iterable<Transition> =
      prev === undefined ? model.initialStates(ctx) : model.successors(prev, ctx);
    let found: Transition | undefined;
    try {
      for (const t of candidates) {
        if (
          (prev === undefined || sameLabel(t.action, step.action)) &&
          sameValues(model, t.state, step.values)
        ) {
          found = t;
          break;
        }
      }
    } catch (e) {
      return `evaluating the spec at state ${i + 1} failed: ${(e as Error).message}`;
    }
    if (found === undefined) {
      const call = step.action ? describeCall(step.action.name, Object.fromEntries(step.action.params)) : '';
      return prev === undefined
        ? 'state 1 is not an initial state of the spec'
        : `state ${i + 1} (${call}) is not a successor of state ${i} in the spec`;
    }
    prev = found.state;
  }
  if (trace.property !== undefined && trace.result === 'invariant-violation' && prev !== undefined) {
    const invariant = [...model.invariants, ...model.stateProperties].find((p) => p.name === trace.property);
    if (invariant === undefined) return `the model does not check the invariant ${trace.property}`;
    if (invariant.holds(prev)) return `the invariant ${trace.property} holds in the last state`;
  }
  return undefined;
}
