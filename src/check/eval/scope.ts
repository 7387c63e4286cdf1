/**
 * Compile-time name resolution: what each name in scope stands for.
 *
 * A `Scope` maps names to bindings and falls back to its parent. Bindings
 * that carry code (definitions, INSTANCE substitutions) remember the frame
 * depth their code runs at, so a use at another depth can hop up the frame
 * chain to the right frame.
 */
import type { Expr, FunctionDef, InstanceDef, Loc, OperatorDef } from '../../tla/ast.js';
import type { Value } from '../value/index.js';
import type { Act, Fn } from './runtime.js';

/** What compiling an expression found it depends on (decides caching). */
export interface Deps {
  /** Reads the current state or TLCGet / side effects: not a constant. */
  state: boolean;
  /** Reads the next state. */
  prime: boolean;
  /** Reads a frame (bound variables, parameters, LET caches). */
  local: boolean;
}

/** One compiled form of a definition (value, primed value, action, initial action). */
export interface DefForm<T> {
  fn?: T;
  /** Frame slots one call needs (parameters first). */
  readonly alloc: { size: number };
  readonly deps: Deps;
  done: boolean;
}

/** A user definition (operator or recursive function) with its compiled forms, built on first use. */
export interface DefEntry {
  readonly name: string;
  readonly module: string;
  readonly def: OperatorDef | FunctionDef;
  /** Scope its body is compiled in. */
  readonly scope: Scope;
  /** Depth of the frame enclosing the definition (0 for top-level definitions of the root). */
  readonly depth: number;
  /** Compiled forms by mode ('v' value, 'p' primed, 'a'/'i' action) and variable-argument signature. */
  readonly forms: Record<string, DefForm<Fn> | DefForm<Act> | undefined>;
  /** Cached value of a constant zero-arity definition. */
  cached?: Value;
}

/** An INSTANCE substitution: evaluated in a frame of its own one level below where it was written. */
export interface SubstEntry {
  readonly expr: Expr;
  readonly scope: Scope;
  readonly depth: number;
  readonly forms: { v?: DefForm<Fn>; p?: DefForm<Fn> };
}

/** Where a LET's zero-arity definitions are compiled: the LET's own frame. */
export interface LetEnv {
  readonly scope: Scope;
  readonly depth: number;
  readonly alloc: { size: number };
}

export type Binding =
  /** A bound variable or parameter in frame `depth` (arity > 0: an operator-valued parameter). */
  | { kind: 'local'; depth: number; slot: number; arity: number; name: string }
  /** A LET zero-arity definition cached per frame. */
  | { kind: 'letValue'; depth: number; slot: number; entry: DefEntry; letEnv: LetEnv }
  | { kind: 'var'; index: number; name: string }
  | { kind: 'value'; value: Value; name: string }
  | { kind: 'def'; entry: DefEntry }
  | { kind: 'native'; name: string; module: string }
  /** An INSTANCE substitution (or a cfg `<-`): the expression is evaluated where it was written. */
  | { kind: 'subst'; entry: SubstEntry; name: string }
  /** A named instance `I == INSTANCE M …` or `P(x) == INSTANCE M …`. */
  | { kind: 'instance'; def: InstanceDef; owner: Scope; depth: number; module: string; env?: unknown }
  /** Points at a name of another scope, resolved when used (cfg `Op <- Other`). */
  | { kind: 'alias'; name: string; scope: Scope; loc?: Loc };

export class Scope {
  private readonly names = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | null,
    /** Module whose text this scope belongs to (for action labels). */
    readonly module: string,
  ) {}
  set(name: string, b: Binding): void {
    this.names.set(name, b);
  }
  has(name: string): boolean {
    return this.names.has(name);
  }
  own(name: string): Binding | undefined {
    return this.names.get(name);
  }
  /** Whether the name is bound here or in an enclosing scope (aliases not followed: they may not resolve yet). */
  visible(name: string): boolean {
    for (let s: Scope | null = this; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  }
  lookup(name: string): Binding | undefined {
    let s: Scope | null = this;
    while (s) {
      const b = s.names.get(name);
      if (b) return b.kind === 'alias' ? b.scope.lookup(b.name) : b;
      s = s.parent;
    }
    return undefined;
  }
  entries(): IterableIterator<[string, Binding]> {
    return this.names.entries();
  }
}
