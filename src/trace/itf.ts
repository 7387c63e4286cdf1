/**
 * Reading and writing ITF traces (https://apalache-mc.org/docs/adr/015adr-trace.html).
 *
 * tlaw writes:
 * ```
 * {"#meta": {"format": "ITF", "format-description": ..., "source": "M.tla", "description": ...,
 *            "spec": "M", "model": "M", "property": "Inv", "result": "invariant-violation"},
 *  "vars": ["x", "y"],
 *  "states": [{"#meta": {"index": 0,
 *                        "action": {"name": "Next", "module": "M",
 *                                   "location": {"file": "M.tla", "line": 3, "col": 1, "endLine": 3, "endCol": 9},
 *                                   "params": {"self": {"#unserializable": "p1"}}}},
 *              "x": {"#bigint": "1"}, "y": ...}, ...],
 *  "loop": 1}
 * ```
 * and reads that as well as the traces Apalache and Quint write (Quint's
 * `mbt::actionTaken` / `mbt::nondetPicks` variables become the action label).
 * Value encoding: see itf-value.ts.
 */
import { basename } from 'node:path';
import type { ActionLabel } from '../check/model.js';
import type { Value } from '../check/value/index.js';
import { ioDiagnostic, type Result } from '../errors.js';
import type { Loc } from '../tla/ast.js';
import { fromItfValue, type ItfValue, ItfValueError, isObject, setOwn, toItfValue } from './itf-value.js';
import type { Trace, TraceState } from './types.js';

export const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

const QUINT_ACTION = 'mbt::actionTaken';
const QUINT_PICKS = 'mbt::nondetPicks';

export interface ItfTrace {
  '#meta'?: Record<string, unknown>;
  params?: string[];
  vars: string[];
  states: ({ '#meta'?: Record<string, unknown> } & Record<string, unknown>)[];
  loop?: number;
}

/**
 * TLC's field for a state on which the ALIAS failed to evaluate: the state
 * then shows the spec's variables and this message instead of the ALIAS's
 * fields. It is kept beside the trace's variables.
 */
const ALIAS_ERROR = '_ALIASEvalError';

function actionToItf(a: ActionLabel): Record<string, unknown> {
  const params: Record<string, ItfValue> = {};
  for (const [name, value] of a.params) params[name] = toItfValue(value);
  return {
    name: a.name,
    ...(a.module !== undefined ? { module: a.module } : {}),
    ...(a.loc ? { location: { ...a.loc } } : {}),
    params,
  };
}

/** The ITF document for a trace (pass it to JSON.stringify, or use `formatItf`). */
export function writeItf(trace: Trace): ItfTrace {
  const meta: Record<string, unknown> = {
    format: 'ITF',
    'format-description': ITF_FORMAT_DESCRIPTION,
    source: `${trace.spec}.tla`,
    description: `Created by tlaw from ${trace.spec}${trace.model ? ` with ${trace.model}.cfg` : ''}`,
    spec: trace.spec,
  };
  if (trace.model !== undefined) meta.model = trace.model;
  if (trace.property !== undefined) meta.property = trace.property;
  if (trace.result !== undefined) meta.result = trace.result;
  if (trace.loopAction) meta.loopAction = actionToItf(trace.loopAction);
  const states = trace.states.map((s, index) => {
    const out: ItfTrace['states'][number] = {
      '#meta': { index, ...(s.action ? { action: actionToItf(s.action) } : {}) },
    };
    for (const v of trace.vars) {
      const value = s.values[v];
      if (value !== undefined) setOwn(out, v, toItfValue(value));
    }
    const aliasError = s.values[ALIAS_ERROR];
    if (aliasError !== undefined) out[ALIAS_ERROR] = toItfValue(aliasError);
    return out;
  });
  return {
    '#meta': meta,
    vars: [...trace.vars],
    states,
    ...(trace.loop !== undefined ? { loop: trace.loop } : {}),
  };
}

/** The ITF text of a trace, one state per line group, ending with a newline. */
export function formatItf(trace: Trace): string {
  return JSON.stringify(writeItf(trace), null, 2) + '\n';
}

function readLoc(x: unknown): Loc | undefined {
  if (!isObject(x)) return undefined;
  const { file, line, col, endLine, endCol } = x;
  if (typeof file !== 'string' || typeof line !== 'number' || typeof col !== 'number') return undefined;
  return {
    file,
    line,
    col,
    endLine: typeof endLine === 'number' ? endLine : line,
    endCol: typeof endCol === 'number' ? endCol : col,
  };
}

function readAction(x: unknown, path: string): ActionLabel | undefined {
  if (!isObject(x) || typeof x.name !== 'string') return undefined;
  const params: [string, Value][] = isObject(x.params)
    ? Object.entries(x.params).map(([n, v]) => [n, fromItfValue(v, `${path}.params.${n}`)])
    : [];
  const loc = readLoc(x.location);
  return {
    name: x.name,
    ...(loc ? { loc } : {}),
    ...(typeof x.module === 'string' ? { module: x.module } : {}),
    params,
  };
}

/** Quint's `mbt::nondetPicks`: a record of `{tag: "Some", value}` / `{tag: "None"}` per picked name. */
function quintParams(picks: unknown, path: string): [string, Value][] {
  if (!isObject(picks)) return [];
  const out: [string, Value][] = [];
  for (const [name, pick] of Object.entries(picks)) {
    if (isObject(pick) && pick.tag === 'Some')
      out.push([name, fromItfValue(pick.value, `${path}.${name}.value`)]);
  }
  return out;
}

/**
 * Reads an ITF trace (text or parsed JSON). `file` names the source in
 * diagnostics; a problem in a value is reported with its JSON path.
 */
export function readItf(input: string | unknown, file = '<itf>'): Result<Trace> {
  const fail = (message: string): Result<Trace> => ({
    diagnostics: [ioDiagnostic(`${file}: ${message}`, file)],
  });
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return fail(`not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObject(json)) return fail('an ITF trace must be a JSON object');
  if (!Array.isArray(json.vars) || !json.vars.every((v) => typeof v === 'string')) {
    return fail('an ITF trace needs "vars", a list of variable names');
  }
  if (!Array.isArray(json.states)) return fail('an ITF trace needs "states", a list of states');
  const meta = isObject(json['#meta']) ? json['#meta'] : {};
  const vars = [...new Set(json.vars as string[])].filter((v) => v !== QUINT_ACTION && v !== QUINT_PICKS);
  const source = typeof meta.source === 'string' ? basename(meta.source).replace(/\.[^.]*$/, '') : undefined;

  const trace: Trace = {
    spec: typeof meta.spec === 'string' ? meta.spec : (source ?? 'unknown'),
    vars,
    states: [],
  };
  if (typeof meta.model === 'string') trace.model = meta.model;
  if (typeof meta.property === 'string') trace.property = meta.property;
  if (typeof meta.result === 'string') trace.result = meta.result;
  if (typeof json.loop === 'number') {
    if (!Number.isInteger(json.loop) || json.loop < 0 || json.loop >= json.states.length) {
      return fail(`"loop" must be the index of one of the ${json.states.length} states, not ${json.loop}`);
    }
    trace.loop = json.loop;
  }

  try {
    const loopAction = readAction(meta.loopAction, '$["#meta"].loopAction');
    if (loopAction) trace.loopAction = loopAction;
    json.states.forEach((s, i) => {
      const path = `$.states[${i}]`;
      if (!isObject(s)) throw new ItfValueError('a state must be a JSON object', path);
      const stateMeta = isObject(s['#meta']) ? s['#meta'] : {};
      const state: TraceState = { values: {} };
      const action = readAction(stateMeta.action, `${path}["#meta"].action`);
      if (action) state.action = action;
      else if (typeof s[QUINT_ACTION] === 'string') {
        state.action = {
          name: s[QUINT_ACTION],
          params: quintParams(s[QUINT_PICKS], `${path}["${QUINT_PICKS}"]`),
        };
      }
      const aliasFailed = ALIAS_ERROR in s;
      if (aliasFailed) state.values[ALIAS_ERROR] = fromItfValue(s[ALIAS_ERROR], `${path}.${ALIAS_ERROR}`);
      for (const v of vars) {
        if (!Object.hasOwn(s, v)) {
          if (aliasFailed) continue; // The ALIAS failed on this state: only the spec's variables are known.
          throw new ItfValueError(`variable ${v} has no value`, path);
        }
        setOwn(state.values, v, fromItfValue(s[v], `${path}.${v}`));
      }
      trace.states.push(state);
    });
  } catch (e) {
    if (e instanceof ItfValueError) return fail(e.message);
    throw e;
  }
  return { value: trace, diagnostics: [] };
}
