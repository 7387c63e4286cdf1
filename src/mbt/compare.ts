/**
 * Comparing an implementation's observed state with a spec state, and
 * describing the difference in TLA+ syntax a spec author can read.
 */
import { printValue, type Value, valueEquals } from '../check/value/index.js';

export interface VariableDiff {
  variable: string;
  expected: string;
  actual: string;
}

/** Variables whose observed value differs from the spec's (only the observed variables are compared). */
export function diffState(
  expected: Readonly<Record<string, Value>>,
  observed: Readonly<Record<string, Value>>,
): VariableDiff[] {
  const diffs: VariableDiff[] = [];
  for (const [name, actual] of Object.entries(observed)) {
    if (!(name in expected)) {
      diffs.push({ variable: name, expected: '(not a spec variable)', actual: safePrint(actual) });
      continue;
    }
    const want = expected[name]!;
    if (!safeEquals(want, actual)) {
      diffs.push({ variable: name, expected: safePrint(want), actual: safePrint(actual) });
    }
  }
  return diffs;
}

/** Equality that treats values TLC cannot compare (e.g. an integer and a string) as different. */
export function safeEquals(a: Value, b: Value): boolean {
  try {
    return valueEquals(a, b);
  } catch {
    return false;
  }
}

function safePrint(v: Value): string {
  try {
    return printValue(v);
  } catch {
    return String(v);
  }
}

/** A readable block: one `variable: expected … / actual …` pair per differing variable. */
export function formatDiff(diffs: readonly VariableDiff[]): string {
  return diffs
    .map((d) => `  ${d.variable}\n    expected: ${d.expected}\n    actual:   ${d.actual}`)
    .join('\n');
}
