/**
 * The compile environment threaded through the compilers.
 */
import type { Value } from '../value/index.js';
import type { Binding, Deps, Scope } from './scope.js';

/** Services shared by all compiled code of one model. */
export interface Globals {
  /** Where Print/PrintT write a line. */
  print(line: string): void;
  /** The scope of a named instance's module (built on first use). */
  instanceScope(b: Extract<Binding, { kind: 'instance' }>): Scope;
  /** TLCSet/TLCGet registers. */
  registers: Map<number, Value>;
  /**
   * The cfg's overrides of definitions (`Op <- Other`, `Op = value`), by
   * name: they replace that definition in every module and every instance,
   * standard modules included (`Seq <- BoundedSeq`), as in TLC.
   */
  overrides?: Map<string, Binding>;
}

export interface CEnv {
  readonly scope: Scope;
  /** Depth of the frame the code being compiled runs in. */
  readonly depth: number;
  /** Slot allocator of that frame. */
  readonly alloc: { size: number };
  /** Inside a prime: variables read the next state. */
  readonly primed: boolean;
  readonly deps: Deps;
  /** Slot (in the current frame) holding EXCEPT's `@`. */
  readonly atSlot?: number;
  readonly g: Globals;
}

export function newSlot(env: CEnv): number {
  return env.alloc.size++;
}

export function withScope(env: CEnv, scope: Scope): CEnv {
  return { ...env, scope };
}
