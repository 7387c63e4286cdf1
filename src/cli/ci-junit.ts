/**
 * `tlaw ci --junit <file>`: the gate as JUnit XML, the format CI systems
 * (GitHub via test-reporter actions, GitLab, Jenkins, Azure) display as a
 * test report. One <testcase> per model: a <failure> when its outcome was
 * not the expected one, <skipped> when it was not run on this engine.
 */
import { basename } from 'node:path';
import type { ModelOutcome } from './ci-outcome.js';
import { describeExpectation, expectationOf } from './ci-outcome.js';
import { displayPath } from './ci-traces.js';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** The details of a failure: what was expected and found, and what to do about traces. */
export function failureDetails(o: ModelOutcome): string {
  const lines = [`expected: ${describeExpectation(expectationOf(o.job))}`];
  if (o.result) {
    lines.push(`result: ${describeExpectation(o.result)} (exit code ${o.result.exitCode})`);
    if (o.result.message) lines.push(o.result.message);
    for (const d of o.result.diagnostics.filter((x) => x.severity === 'error')) {
      lines.push(d.loc ? `${displayPath(d.loc.file)}:${d.loc.line}:${d.loc.col}: ${d.message}` : d.message);
    }
  }
  if (o.reason) lines.push(o.reason);
  if (o.savedTrace) lines.push(`counterexample saved to ${displayPath(o.savedTrace)}`);
  if (o.staleTrace) lines.push(`regenerate it with: ${o.staleTrace.regenerate}`);
  lines.push(`spec: ${displayPath(o.job.spec)}, config: ${displayPath(o.job.config)}`);
  return lines.join('\n');
}

function testcase(o: ModelOutcome): string {
  const attrs =
    `name="${xmlEscape(o.job.name)}" classname="${xmlEscape(basename(o.job.spec, '.tla'))}"` +
    ` file="${xmlEscape(displayPath(o.job.spec))}" time="${seconds(o.durationMs)}"`;
  if (o.status === 'pass') return `    <testcase ${attrs}/>`;
  if (o.status === 'skip') {
    return `    <testcase ${attrs}>\n      <skipped message="${xmlEscape(o.reason ?? 'skipped')}"/>\n    </testcase>`;
  }
  const type = o.result?.result ?? 'no-result';
  return (
    `    <testcase ${attrs}>\n` +
    `      <failure message="${xmlEscape(o.reason ?? 'failed')}" type="${xmlEscape(type)}">` +
    `${xmlEscape(failureDetails(o))}</failure>\n` +
    '    </testcase>'
  );
}

/** The JUnit XML document for one manifest's outcomes. */
export function formatJunit(suiteName: string, outcomes: readonly ModelOutcome[]): string {
  const count = (s: ModelOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const time = seconds(outcomes.reduce((t, o) => t + o.durationMs, 0));
  const totals = `tests="${outcomes.length}" failures="${count('fail')}" errors="0" skipped="${count('skip')}" time="${time}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tlaw ci" ${totals}>`,
    `  <testsuite name="${xmlEscape(suiteName)}" ${totals}>`,
    ...outcomes.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
