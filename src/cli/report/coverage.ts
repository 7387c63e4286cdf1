/**
 * The text form of action coverage (`tlaw check --coverage`): one row per
 * action with the states it was enabled in, the successors it generated and
 * the distinct states it found, one indented row per disjunct when an action
 * has several, and a closing line naming what never fired.
 */
import { type ActionCoverage, neverFired } from '../../check/coverage.js';
import { tlcLocation } from '../../check/search/outcome.js';
import type { Loc } from '../../tla/ast.js';

function where(loc: Loc | undefined, module: string | undefined): string {
  return loc ? tlcLocation(loc, module) : '';
}

export function formatCoverage(coverage: readonly ActionCoverage[]): string[] {
  if (coverage.length === 0) return [];
  const rows: [string, number, number, number, string][] = [];
  for (const a of coverage) {
    rows.push([a.name, a.enabled, a.generated, a.distinct, where(a.loc, a.module)]);
    if (a.disjuncts.length > 1) {
      for (const d of a.disjuncts)
        rows.push(['  disjunct', d.enabled, d.generated, d.distinct, where(d.loc, a.module)]);
    }
  }
  const nameWidth = Math.max(6, ...rows.map((r) => r[0].length));
  const numWidth = Math.max(9, ...rows.flatMap((r) => [r[1], r[2], r[3]].map((n) => String(n).length)));
  const line = (cells: (string | number)[], place: string): string =>
    `  ${String(cells[0]).padEnd(nameWidth)}  ${cells
      .slice(1)
      .map((c) => String(c).padStart(numWidth))
      .join('  ')}${place ? `  ${place}` : ''}`;
  const lines = ['Action coverage:', line(['action', 'enabled', 'generated', 'distinct'], 'where')];
  for (const r of rows) lines.push(line(r.slice(0, 4), r[4]));
  const never = neverFired(coverage);
  if (never.length === 0) lines.push('Every action fired.');
  else {
    const names = never.map((n) => (n.loc ? `${n.action} (line ${n.loc.line})` : n.action));
    lines.push(`Never fired: ${names.join(', ')}.`);
  }
  return lines;
}
