/**
 * A TLA+ value as a tree the explorer page can fold, compare and print:
 * records by field, functions by argument, sequences by position and sets
 * by element, each node carrying TLC's text of its value. Two nodes at the
 * same path differ exactly when their texts differ (TLC's printing is
 * canonical), which is all the page needs to highlight changes and diff
 * two states.
 */
import { forceFcn, printValue, setElems, Tag, type Value } from '../check/value/index.js';

export type ValueNode =
  /** A number, string, Boolean, model value or interval: its TLC text. */
  | { k: 'atom'; t: string }
  /** A composite value: its kind, its TLC text, and its parts keyed by field, argument, position or element. */
  | { k: 'record' | 'function' | 'sequence' | 'set'; t: string; c: [string, ValueNode][] };

/** Sets above this size are shown as their text only (no element list). */
const MAX_CHILDREN = 500;

export function valueTree(v: Value): ValueNode {
  const t = printValue(v);
  if (typeof v !== 'object') return { k: 'atom', t };
  switch (v.tag) {
    case Tag.Record:
      return { k: 'record', t, c: v.names.map((n, i) => [n, valueTree(v.values[i]!)]) };
    case Tag.Tuple:
      return { k: 'sequence', t, c: v.elems.map((e, i) => [String(i + 1), valueTree(e)]) };
    case Tag.Fcn:
      return { k: 'function', t, c: v.domain.map((d, i) => [printValue(d), valueTree(v.values[i]!)]) };
    case Tag.LazyFcn: {
      if (v.domain.tag === Tag.LazySet && !v.domain.finite) return { k: 'atom', t };
      return valueTree(forceFcn(v));
    }
    case Tag.Set:
    case Tag.LazySet: {
      if (v.tag === Tag.LazySet && !v.finite) return { k: 'atom', t };
      const elems = setElems(v);
      if (elems.length > MAX_CHILDREN) return { k: 'atom', t };
      return { k: 'set', t, c: elems.map((e) => [printValue(e), valueTree(e)]) };
    }
    default:
      return { k: 'atom', t };
  }
}

/**
 * Paths (`var`, `var.field`, `var.field.arg`, joined with U+241F) whose
 * values differ between two states, parents included; sets compare by
 * element, so an added or removed element is a changed path of its own.
 */
export function changedPaths(
  before: Record<string, ValueNode> | undefined,
  after: Record<string, ValueNode>,
): string[] {
  const out: string[] = [];
  const walk = (a: ValueNode | undefined, b: ValueNode | undefined, path: string): void => {
    if (a && b && a.t === b.t) return;
    out.push(path);
    if (!a || !b || a.k === 'atom' || b.k === 'atom' || a.k !== b.k) return;
    const left = new Map(a.c);
    const right = new Map(b.c);
    for (const key of new Set([...left.keys(), ...right.keys()]))
      walk(left.get(key), right.get(key), `${path}${SEP}${key}`);
  };
  if (!before) return [];
  for (const name of Object.keys(after)) walk(before[name], after[name], name);
  return out;
}

/** Separator of the parts of a path (a character no TLC text contains). */
export const SEP = '\u241f';
