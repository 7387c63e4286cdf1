/**
 * Typed recovery of TLC's real counterexamples by re-executing the specs
 * with the embedded evaluator: the JSON and the printed trace of each case
 * must all three (JSON dump, -tool output, plain output) be found, step by
 * step, among the model's successors, with TLC's actions and parameters
 * where the case records them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetStringOrder, valueEquals } from '../../src/check/value/index.js';
import { loadModel } from '../../src/cli/check-load.js';
import { importTlcOutput, recoverTrace, traceActionsOf } from '../../src/trace/index.js';
import { caseIt } from '../support/known-failures.js';
import { type CaseFiles, FIXTURES, listCases, SHARED_CASES } from '../tlc/conformance-cases.js';

async function checkRecovery(c: CaseFiles) {
  // Each case in TLC's string order of its own text, as a run of its own would have it.
  resetStringOrder();
  const spec = join(c.dir, `${String(c.expected.module)}.tla`);
  const loaded = await loadModel(spec, join(c.dir, String(c.expected.cfg)));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const model = loaded.model!;
  const fromJson = recoverTrace(importTlcOutput(c.traceJson!).value!.trace, model);
  const fromTool = recoverTrace(importTlcOutput(c.tool).value!.trace, model);
  const fromText = recoverTrace(importTlcOutput(c.text).value!.trace, model);
  expect(fromJson.diagnostics).toEqual([]);
  expect(fromTool.diagnostics).toEqual([]);
  expect(fromText.diagnostics).toEqual([]);
  const actions = c.expected.traceActions;
  if (Array.isArray(actions))
    for (const r of [fromJson, fromTool, fromText])
      expect(traceActionsOf(r.value!.trace.states)).toEqual(actions);
  const a = fromJson.value!.trace;
  const b = fromTool.value!.trace;
  expect(a.states).toHaveLength(Number(c.expected.traceLength));
  expect(b.states).toHaveLength(a.states.length);
  a.states.forEach((s, i) => {
    for (const v of a.vars) expect(valueEquals(s.values[v]!, b.states[i]!.values[v]!)).toBe(true);
    expect(s.action?.name).toBe(b.states[i]?.action?.name);
  });
  const backTo = c.expected.lassoBackTo;
  if (typeof backTo === 'number') {
    expect(a.loop).toBe(backTo - 1);
    expect(a.loopAction).toBeDefined();
  }
  if (c.expected.stuttering === true) expect(a.loop).toBe(a.states.length - 1);
}

// A case without a counterexample may still hold a trace.json of its search (62): only counterexamples count.
const withTraces = (root: string) =>
  listCases(root).filter((c) => c.traceJson && c.expected.traceLength != null);

describe('recoverTrace on TLC counterexamples (fixtures)', () => {
  for (const c of withTraces(FIXTURES)) it(c.name, () => checkRecovery(c));
});

describe.skipIf(!existsSync(SHARED_CASES))(
  'recoverTrace on TLC counterexamples (whole conformance suite)',
  () => {
    for (const c of withTraces(SHARED_CASES)) caseIt('recover', c.name)(c.name, () => checkRecovery(c));
  },
);
