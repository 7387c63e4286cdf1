/**
 * GitHub Actions output of `tlaw ci`: an `::error` workflow command per
 * failing model, placed at the definition of the violated invariant (or at
 * the spec or cfg error) so that GitHub shows it on that line of the pull
 * request, and a Markdown table for the job summary ($GITHUB_STEP_SUMMARY).
 * See https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { ModelOutcome } from './ci-outcome.js';
import { describeExpectation, expectationOf, formatSeconds } from './ci-outcome.js';
import { displayPath } from './ci-traces.js';

/** Escapes a workflow command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…,title=…::message` line per failing model. */
export function formatAnnotations(outcomes: readonly ModelOutcome[]): string[] {
  return outcomes
    .filter((o) => o.status === 'fail')
    .map((o) => {
      const where = o.location ?? { file: o.job.config, line: 1, col: 1 };
      const props = [
        `file=${escapeProperty(displayPath(where.file))}`,
        `line=${where.line}`,
        `col=${where.col}`,
        `title=${escapeProperty(`tlaw ci: ${o.job.name}`)}`,
      ].join(',');
      const regenerate = o.staleTrace ? `\nRegenerate it with: ${o.staleTrace.regenerate}` : '';
      const saved = o.savedTrace ? `\nCounterexample saved to ${displayPath(o.savedTrace)}` : '';
      return `::error ${props}::${escapeData(`${o.job.name}: ${o.reason ?? 'failed'}${saved}${regenerate}`)}`;
    });
}

/** Text for a Markdown table cell: no raw HTML, no column break, one line. */
const cell = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

/** The Markdown job summary: a headline and one row per model, then what failed. */
export function formatJobSummary(outcomes: readonly ModelOutcome[], title: string): string {
  const passed = outcomes.filter((o) => o.status === 'pass').length;
  const run = outcomes.filter((o) => o.status !== 'skip').length;
  const icon = { pass: '✅', fail: '❌', skip: '⏭️' } as const;
  const lines = [
    `## ${cell(title)}: ${passed} of ${run} models as expected`,
    '',
    '| | model | expected | result | distinct states | time |',
    '|---|---|---|---|---:|---:|',
    ...outcomes.map((o) => {
      const r = o.result;
      const result = o.status === 'skip' ? 'skipped' : r ? describeExpectation(r) : (o.reason ?? 'no result');
      return `| ${icon[o.status]} | ${cell(o.job.name)} | ${cell(describeExpectation(expectationOf(o.job)))} | ${cell(result)} | ${r?.distinctStates ?? ''} | ${formatSeconds(o.durationMs)} |`;
    }),
  ];
  const failed = outcomes.filter((o) => o.status === 'fail');
  if (failed.length > 0) {
    lines.push('', '### Failures', '');
    for (const o of failed) {
      lines.push(`- **${cell(o.job.name)}**: ${cell(o.reason ?? 'failed')}`);
      if (o.savedTrace) lines.push(`  counterexample saved to \`${displayPath(o.savedTrace)}\``);
      if (o.staleTrace) lines.push(`  regenerate it with \`${o.staleTrace.regenerate}\``);
    }
  }
  return `${lines.join('\n')}\n`;
}
