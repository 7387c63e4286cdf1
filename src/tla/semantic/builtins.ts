/**
 * Names the TLA+ language itself defines: always in scope, whatever a
 * module extends. Operators such as `+`, `Len` or `Cardinality` are not
 * here: they come from the standard modules a spec extends.
 */

/** How many arguments a built-in takes: an exact count, or a minimum for the n-ary ones. */
export interface BuiltinArity {
  min: number;
  /** Absent for n-ary operators (junction lists, `\X`). */
  max?: number;
}

const exactly = (n: number): BuiltinArity => ({ min: n, max: n });

/** Canonical names (as the parser writes them) of the language's built-in operators and constants. */
export const LANGUAGE_BUILTINS: ReadonlyMap<string, BuiltinArity> = new Map<string, BuiltinArity>([
  // constants
  ['TRUE', exactly(0)],
  ['FALSE', exactly(0)],
  ['BOOLEAN', exactly(0)],
  ['STRING', exactly(0)],
  // logic (junction lists are n-ary)
  ['/\\', { min: 1 }],
  ['\\/', { min: 1 }],
  ['~', exactly(1)],
  ['=>', exactly(2)],
  ['<=>', exactly(2)],
  // equality and sets
  ['=', exactly(2)],
  ['/=', exactly(2)],
  ['\\in', exactly(2)],
  ['\\notin', exactly(2)],
  ['\\cup', exactly(2)],
  ['\\cap', exactly(2)],
  ['\\', exactly(2)],
  ['\\subseteq', exactly(2)],
  ['\\X', { min: 2 }],
  ['SUBSET', exactly(1)],
  ['UNION', exactly(1)],
  ['DOMAIN', exactly(1)],
  // actions and temporal logic
  ['ENABLED', exactly(1)],
  ['UNCHANGED', exactly(1)],
  ["'", exactly(1)],
  ['\\cdot', exactly(2)],
  ['[]', exactly(1)],
  ['<>', exactly(1)],
  ['~>', exactly(2)],
  ['-+->', exactly(2)],
]);
