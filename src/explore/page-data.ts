/**
 * Everything the explorer page shows, as plain JSON embedded in the page:
 * the trace's states as value trees with each step's action, parameters,
 * location and changed paths, the lasso's end, the spec sources and the
 * action coverage of the run that found the trace.
 */
import type { ActionCoverage } from '../check/coverage.js';
import type { ActionLabel } from '../check/model.js';
import { printValue } from '../check/value/index.js';
import type { Loc } from '../tla/ast.js';
import type { Trace } from '../trace/index.js';
import { changedPaths, type ValueNode, valueTree } from './value-tree.js';

export interface PageAction {
  name: string;
  module?: string;
  loc?: Loc;
  /** Parameter name and TLC text of its value, in binding order. */
  params: [string, string][];
}

export interface PageState {
  /** 1-based, as TLC numbers states. */
  number: number;
  action?: PageAction;
  values: Record<string, ValueNode>;
  /** Paths changed since the previous state (see value-tree.ts). */
  changed: string[];
}

export interface PageData {
  title: string;
  spec: string;
  model?: string;
  property?: string;
  result?: string;
  /** Where the trace came from (file name), for the heading. */
  origin?: string;
  vars: string[];
  states: PageState[];
  /** 1-based state the behaviour returns to after the last one (a lasso). */
  backTo?: number;
  /** The lasso's closing action. */
  loopAction?: PageAction;
  /** The behaviour ends by stuttering forever in its last state. */
  stuttering: boolean;
  /** Spec text by file name as the locations give it. */
  sources: Record<string, string>;
  coverage?: ActionCoverage[];
}

export interface PageOptions {
  origin?: string;
  sources?: Record<string, string>;
  coverage?: ActionCoverage[];
}

function pageAction(a: ActionLabel): PageAction {
  return {
    name: a.name,
    ...(a.module !== undefined ? { module: a.module } : {}),
    ...(a.loc ? { loc: a.loc } : {}),
    params: a.params.map(([n, v]) => [n, printValue(v)]),
  };
}

export function pageData(trace: Trace, options: PageOptions = {}): PageData {
  let previous: Record<string, ValueNode> | undefined;
  const states = trace.states.map((s, i): PageState => {
    const values: Record<string, ValueNode> = {};
    for (const v of trace.vars) if (s.values[v] !== undefined) values[v] = valueTree(s.values[v]);
    const state: PageState = { number: i + 1, values, changed: changedPaths(previous, values) };
    if (s.action) state.action = pageAction(s.action);
    previous = values;
    return state;
  });
  const last = trace.states.length - 1;
  const stuttering = trace.loop !== undefined && trace.loop === last && !trace.loopAction;
  const what = trace.property ? `${trace.property} ${trace.result ?? 'violated'}` : (trace.result ?? 'trace');
  const data: PageData = {
    title: `${trace.spec}${trace.model ? ` / ${trace.model}` : ''}: ${what}`,
    spec: trace.spec,
    vars: [...trace.vars],
    states,
    stuttering,
    sources: options.sources ?? {},
  };
  if (trace.model !== undefined) data.model = trace.model;
  if (trace.property !== undefined) data.property = trace.property;
  if (trace.result !== undefined) data.result = trace.result;
  if (options.origin !== undefined) data.origin = options.origin;
  if (trace.loop !== undefined && !stuttering) data.backTo = trace.loop + 1;
  if (trace.loopAction) data.loopAction = pageAction(trace.loopAction);
  if (options.coverage) data.coverage = options.coverage;
  return data;
}
