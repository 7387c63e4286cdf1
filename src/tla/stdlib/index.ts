/**
 * The standard modules bundled with tlaw, as TLA+ source text: TLC's
 * standard modules, the community modules most specs use, and the modules
 * of the proof system.
 *
 * They are loaded like any other module (after the spec's folder and the
 * library paths), with file name `<builtin>/Name.tla`.
 */
import { BAGS } from './Bags.js';
import { FINITE_SETS } from './FiniteSets.js';
import { FINITE_SETS_EXT } from './FiniteSetsExt.js';
import { FOLDS } from './Folds.js';
import { FUNCTIONS } from './Functions.js';
import { GRAPHS } from './Graphs.js';
import { INTEGERS } from './Integers.js';
import { JSON_MODULE } from './Json.js';
import { NATURALS } from './Naturals.js';
import { RANDOMIZATION } from './Randomization.js';
import { RELATION } from './Relation.js';
import { SEQUENCES } from './Sequences.js';
import { SEQUENCES_EXT } from './SequencesExt.js';
import { TLC } from './TLC.js';
import { TLC_EXT } from './TLCExt.js';
import { NATURALS_INDUCTION, THEOREM_LIBRARIES, TLAPS, WELL_FOUNDED_INDUCTION } from './Tlaps.js';
import { TOOLBOX } from './Toolbox.js';

export type { BuiltinOperator } from './builtins.js';
export { BUILTIN_OPERATORS, isBuiltinOperator } from './builtins.js';

/** Module name → TLA+ source text. */
export const STANDARD_MODULES: ReadonlyMap<string, string> = new Map([
  ['Naturals', NATURALS],
  ['Integers', INTEGERS],
  ['Sequences', SEQUENCES],
  ['FiniteSets', FINITE_SETS],
  ['TLC', TLC],
  ['Bags', BAGS],
  ['TLCExt', TLC_EXT],
  ['Toolbox', TOOLBOX],
  ['Randomization', RANDOMIZATION],
  // Community modules most specs use.
  ['Folds', FOLDS],
  ['Functions', FUNCTIONS],
  ['FiniteSetsExt', FINITE_SETS_EXT],
  ['SequencesExt', SEQUENCES_EXT],
  ['Relation', RELATION],
  ['Graphs', GRAPHS],
  ['Json', JSON_MODULE],
  // Modules of the proof system (proofs are skipped; definitions are kept).
  ['TLAPS', TLAPS],
  ['NaturalsInduction', NATURALS_INDUCTION],
  ['WellFoundedInduction', WELL_FOUNDED_INDUCTION],
  ...THEOREM_LIBRARIES,
]);

/** Prefix of the pseudo file name of a bundled standard module. */
export const BUILTIN_FILE_PREFIX = '<builtin>/';

/** The pseudo file name of bundled module `name`: `<builtin>/Name.tla`. */
export function standardModuleFile(name: string): string {
  return `${BUILTIN_FILE_PREFIX}${name}.tla`;
}

/** True when `file` names a bundled standard module. */
export function isStandardModuleFile(file: string): boolean {
  return file.startsWith(BUILTIN_FILE_PREFIX);
}
