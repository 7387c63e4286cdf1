/**
 * Action coverage, as TLC's `-coverage` reports it: for every action of the
 * next-state relation, how many explored states it was enabled in, how many
 * successors it generated and how many of them were new distinct states.
 *
 * A search labels each successor with the sub-action that produced it (the
 * action's name and the source span of its definition or disjunct). Those
 * labels are the *disjuncts* here; an *action* gathers the disjuncts that
 * share a name. Disjuncts that never produced a successor are only known
 * from the spec's text, so the caller passes the declared ones in.
 */
import type { Loc } from '../tla/ast.js';
import type { ActionLabel } from './model.js';

/** Counts of one disjunct (a TLC sub-action: one label name at one source span). */
export interface DisjunctCoverage {
  loc?: Loc;
  /** Explored states in which it produced at least one successor. */
  enabled: number;
  /** Successors it produced (TLC's "states generated"). */
  generated: number;
  /** Successors that were new distinct states (TLC's "distinct states"). */
  distinct: number;
}

/** Counts of one action (the sum of its disjuncts), in order of declaration or first firing. */
export interface ActionCoverage extends DisjunctCoverage {
  name: string;
  module?: string;
  disjuncts: DisjunctCoverage[];
}

/** An action (or disjunct) the spec declares, whether or not it ever fires. */
export interface DeclaredAction {
  name: string;
  module?: string;
  loc?: Loc;
}

/** Mutable counts the search updates: one row per label, found by the label's location object. */
export interface CoverageRow {
  enabled: number;
  generated: number;
  distinct: number;
  /**
   * Store id of the last state it was counted enabled in: an action's
   * successors may come in several groups (`\E x : A(x) \/ B(x)`
   * alternates A and B), and a state counts once.
   */
  lastEnabledIn: number;
}

interface Row extends CoverageRow, DeclaredAction {}

/** A label's identity: its name and source span (equal spans from different location objects meet here). */
export function locKey(name: string, loc: Loc | undefined): string {
  return loc ? `${name}@${loc.file}:${loc.line}:${loc.col}:${loc.endLine}:${loc.endCol}` : name;
}

/**
 * Counts per label. The evaluator hands out one location object per
 * sub-action, so the common case is one Map lookup by object identity per
 * group of successors; equal spans from different objects meet in `byKey`.
 */
export class CoverageCounter {
  private readonly byLoc = new Map<Loc | string, Row>();
  private readonly byKey = new Map<string, Row>();
  private readonly rows: Row[] = [];

  constructor(declared: readonly DeclaredAction[] = []) {
    for (const d of declared) this.rowOf(d.name, d.module, d.loc);
  }

  /** The row of the action that produced a transition. */
  row(action: ActionLabel): CoverageRow {
    const fast = this.byLoc.get(action.loc ?? action.name);
    if (fast && fast.name === action.name) return fast;
    return this.rowOf(action.name, action.module, action.loc);
  }

  private rowOf(name: string, module: string | undefined, loc: Loc | undefined): Row {
    const key = locKey(name, loc);
    let row = this.byKey.get(key);
    if (!row) {
      row = { name, enabled: 0, generated: 0, distinct: 0, lastEnabledIn: -2 };
      if (module !== undefined) row.module = module;
      if (loc) row.loc = loc;
      this.byKey.set(key, row);
      this.rows.push(row);
    }
    this.byLoc.set(loc ?? name, row);
    return row;
  }

  /** Per action, with its disjuncts, in order of declaration (then of first firing). */
  summary(): ActionCoverage[] {
    const actions = new Map<string, ActionCoverage>();
    for (const r of this.rows) {
      const id = `${r.module ?? ''}!${r.name}`;
      let a = actions.get(id);
      if (!a) {
        a = { name: r.name, enabled: 0, generated: 0, distinct: 0, disjuncts: [] };
        if (r.module !== undefined) a.module = r.module;
        actions.set(id, a);
      }
      a.enabled += r.enabled;
      a.generated += r.generated;
      a.distinct += r.distinct;
      a.disjuncts.push({
        ...(r.loc ? { loc: r.loc } : {}),
        enabled: r.enabled,
        generated: r.generated,
        distinct: r.distinct,
      });
    }
    for (const a of actions.values())
      if (a.disjuncts.length === 1 && a.disjuncts[0]!.loc) a.loc = a.disjuncts[0]!.loc;
    return [...actions.values()];
  }
}

/** Actions and disjuncts that never produced a successor. */
export function neverFired(coverage: readonly ActionCoverage[]): { action: string; loc?: Loc }[] {
  const out: { action: string; loc?: Loc }[] = [];
  for (const a of coverage) {
    for (const d of a.disjuncts)
      if (d.generated === 0) out.push({ action: a.name, ...(d.loc ? { loc: d.loc } : {}) });
  }
  return out;
}
