/**
 * TLC counts and checks successors by action group: the consecutive
 * transitions of one sub-action of Next.
 */
import type { ActionLabel } from '../model.js';

/** Transitions of one TLC sub-action share the label name and source location. */
export function sameAction(a: ActionLabel, b: ActionLabel): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.module !== b.module) return false;
  const la = a.loc;
  const lb = b.loc;
  if (!la || !lb) return la === lb;
  return la.line === lb.line && la.col === lb.col && la.endLine === lb.endLine && la.endCol === lb.endCol;
}
