/**
 * The standard modules bundled with tlaw, as TLA+ source text.
 *
 * They are loaded like any other module (after the spec's folder and the
 * library paths), with file name `<builtin>/Name.tla`.
 */
import { BAGS } from './Bags.js';
import { FINITE_SETS } from './FiniteSets.js';
import { INTEGERS } from './Integers.js';
import { NATURALS } from './Naturals.js';
import { SEQUENCES } from './Sequences.js';
import { TLC } from './TLC.js';
import { TLC_EXT } from './TLCExt.js';
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
