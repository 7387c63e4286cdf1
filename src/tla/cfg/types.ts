/**
 * A TLC model configuration (.cfg file), as parsed.
 *
 * Constant values are kept as small value expressions (the cfg language is a
 * subset of TLA+ constant expressions); the checker turns them into values.
 */

/** A position in a .cfg file. */
export interface CfgLoc {
  file: string;
  line: number;
  col: number;
}

/** The value expressions a .cfg may assign: integers, strings, booleans, model values, sets of those. */
export type CfgValue =
  | { kind: 'int'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  /** A bare name on the right of `=`: a model value (`Nil = Nil`, `{p1, p2}`). */
  | { kind: 'modelValue'; name: string }
  | { kind: 'set'; elems: CfgValue[] }
  | { kind: 'tuple'; elems: CfgValue[] };

export type ConstantAssignment =
  /** `N = 3`, `Procs = {p1, p2}`; `N = [Mod] 3` sets the constant of module Mod only (`module`). */
  | { kind: 'value'; name: string; value: CfgValue; module?: string; loc: CfgLoc }
  /** `Op <- Other` (substitution / override by a definition of the spec), also `Op <- [Mod] Other`. */
  | { kind: 'substitution'; name: string; by: string; module?: string; loc: CfgLoc };

export interface NamedRef {
  name: string;
  loc: CfgLoc;
}

export interface ModelConfig {
  file: string;
  constants: ConstantAssignment[];
  init?: NamedRef;
  next?: NamedRef;
  specification?: NamedRef;
  invariants: NamedRef[];
  properties: NamedRef[];
  constraints: NamedRef[];
  actionConstraints: NamedRef[];
  symmetry?: NamedRef;
  view?: NamedRef;
  alias?: NamedRef;
  postconditions: NamedRef[];
  /** `CHECK_DEADLOCK FALSE` gives false; absent means true (TLC's default). */
  checkDeadlock?: boolean;
}
