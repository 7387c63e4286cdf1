import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cfgPropertyNames, parseTextOutput, parseToolOutput } from '../../src/tlc/index.js';
import { type CaseFiles, FIXTURES, listCases, SHARED_CASES } from './conformance-cases.js';

const FIELDS = [
  'result',
  'violated',
  'distinctStates',
  'totalStates',
  'statesLeftOnQueue',
  'initialStates',
  'depth',
  'errorMessage',
] as const;

function expectedSummary(c: CaseFiles) {
  const e = c.expected;
  return { ...Object.fromEntries(FIELDS.map((f) => [f, e[f] ?? null])), exitCode: e.tlcExitCode };
}

function actualSummary(s: Record<string, unknown>) {
  return { ...Object.fromEntries(FIELDS.map((f) => [f, s[f]])), exitCode: s.exitCode };
}

function checkCase(c: CaseFiles) {
  const properties = cfgPropertyNames(c.cfg);
  const expected = expectedSummary(c);
  const tool = parseToolOutput(c.tool, { properties });
  const text = parseTextOutput(c.text, { properties });
  expect(actualSummary(tool as never), 'tool output').toEqual(expected);
  expect(actualSummary(text as never), 'text output').toEqual(expected);
  const traceLength = c.expected.traceLength ?? null;
  expect(tool.trace?.states.length ?? null, 'tool trace length').toBe(traceLength);
  expect(text.trace?.states.length ?? null, 'text trace length').toBe(traceLength);
  if (c.expected.tier === 3 && traceLength !== null) {
    const loop = c.expected.lassoBackTo === null ? undefined : Number(c.expected.lassoBackTo) - 1;
    expect(tool.trace?.loop).toBe(loop);
    expect(text.trace?.loop).toBe(loop);
    expect(tool.trace?.stuttering).toBe(c.expected.stuttering);
    expect(text.trace?.stuttering).toBe(c.expected.stuttering);
  }
}

describe('TLC output summaries (fixtures)', () => {
  for (const c of listCases(FIXTURES)) it(c.name, () => checkCase(c));
});

describe.skipIf(!existsSync(SHARED_CASES))('TLC output summaries (whole conformance suite)', () => {
  for (const c of listCases(SHARED_CASES)) it(c.name, () => checkCase(c));
});
