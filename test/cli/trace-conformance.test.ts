/**
 * `tlaw trace convert trace.json --spec <case>.tla` on TLC's real
 * counterexamples: the typed states must be those of the embedded checker's
 * own counterexample for the case (safety violations), or, where the
 * embedded checker reports none (liveness), a behaviour the evaluator
 * accepts, lasso included.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { State } from '../../src/check/model.js';
import { bfs } from '../../src/check/search/index.js';
import { resetStringOrder, valueEquals } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';
import { runTraceConvert } from '../../src/cli/trace.js';
import { readItf, traceActionsOf } from '../../src/trace/index.js';
import { caseIt } from '../support/known-failures.js';
import { SHARED_CASES } from '../support/shared.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mbt', 'tlc');
const SHARED = SHARED_CASES;

interface Case {
  name: string;
  dir: string;
  expected: {
    module: string;
    cfg: string;
    result: string;
    traceLength: number;
    stuttering?: boolean;
    traceActions?: unknown[];
  };
}

function casesWithTraces(root: string): Case[] {
  if (!existsSync(root)) return [];
  return (
    readdirSync(root)
      .filter((n) => existsSync(join(root, n, 'trace.json')))
      // A case without a counterexample may still hold a trace.json of its search (62).
      .filter((n) => JSON.parse(readFileSync(join(root, n, 'expected.json'), 'utf8')).traceLength != null)
      .sort()
      .map((name) => ({
        name,
        dir: join(root, name),
        expected: JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')),
      }))
  );
}

function checkCase(c: Case): void {
  // Each case in TLC's string order of its own text, as a run of its own would have it.
  resetStringOrder();
  const spec = join(c.dir, `${c.expected.module}.tla`);
  const cfg = join(c.dir, c.expected.cfg);
  let stdout = '';
  const code = runTraceConvert(
    join(c.dir, 'trace.json'),
    { spec, config: cfg, json: true },
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    },
  );
  const out = JSON.parse(stdout);
  expect(out.diagnostics ?? []).toEqual([]);
  expect(code).toBe(0);
  const trace = readItf(out.trace).value!;
  expect(trace.states).toHaveLength(c.expected.traceLength);
  // TLC's own actions and parameters, recovered step by step (tier 5 records them).
  if (c.expected.traceActions) expect(traceActionsOf(trace.states)).toEqual(c.expected.traceActions);

  const model = loadModel(spec, cfg, { print: () => {} }).model!;
  const states: State[] = trace.states.map((s) => model.variables.map((v) => s.values[v]!));
  const embedded = bfs(model);
  if (embedded.result === c.expected.result && embedded.trace) {
    // The same counterexample, as the embedded checker displays it (ALIAS included).
    expect(embedded.trace).toHaveLength(states.length);
    embedded.trace.forEach((step, i) => {
      const shown = model.display(states[i]!, states[i - 1]);
      expect(shown.map(([n]) => n)).toEqual(step.state.map(([n]) => n));
      shown.forEach(([, v], k) => {
        expect(valueEquals(v, step.state[k]![1])).toBe(true);
      });
      expect(trace.states[i]!.action?.name).toBe(step.action.name);
    });
  } else {
    // No counterexample of its own (liveness): the trace is a behaviour, and its lasso closes.
    expect(c.expected.result).toBe('liveness-violation');
    expect(trace.loop).toBeDefined();
    if (!c.expected.stuttering) expect(trace.loopAction).toBeDefined();
  }
}

describe('tlaw trace convert on TLC counterexamples (fixtures)', () => {
  for (const c of casesWithTraces(FIXTURES)) it(c.name, () => checkCase(c));
});

describe.skipIf(!existsSync(SHARED))('tlaw trace convert on every conformance case with a trace.json', () => {
  for (const c of casesWithTraces(SHARED)) caseIt('trace-convert', c.name)(c.name, () => checkCase(c));
});
