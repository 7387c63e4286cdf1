/**
 * What a name means to the semantic checks: an operator with its arity
 * (and the arities of its parameters, for higher-order operators), or a
 * module instance. Local scopes (parameters, bound variables, LET
 * definitions) chain to their parent; the last link is the module's top
 * level, then the language's built-ins.
 */
import type { LoadedSpec, ModuleSymbol } from '../modules/index.js';
import { moduleScopeEntries } from '../modules/index.js';

export type Binding =
  /** Operators, constants, variables, functions and bound variables (`arity` 0 for the last three). */
  | { kind: 'op'; arity: number; paramArities: readonly number[]; implicit?: boolean }
  /** `I == INSTANCE M` / `P(x) == INSTANCE M`: usable only as the prefix of `I!Op`. */
  | { kind: 'instance'; arity: number; module: string };

export const VALUE: Binding = { kind: 'op', arity: 0, paramArities: [] };

/** An operator binding of `arity` whose parameters are all first-order. */
export function opOfArity(arity: number): Binding {
  return { kind: 'op', arity, paramArities: new Array<number>(arity).fill(0) };
}

export function bindingOfSymbol(s: ModuleSymbol): Binding {
  switch (s.kind) {
    case 'operator':
      return { kind: 'op', arity: s.def.params.length, paramArities: s.def.params.map((p) => p.arity) };
    case 'function':
    case 'variable':
      return VALUE;
    case 'constant':
      return opOfArity(s.arity);
    case 'instance':
      return { kind: 'instance', arity: s.def.params.length, module: s.def.instance.module };
  }
}

/** A local scope: names bound by a definition's parameters, a binder, a LAMBDA or a LET. */
export class Scope {
  private readonly names = new Map<string, Binding>();

  constructor(
    private readonly parent: Scope | undefined,
    private readonly topLevel: (name: string) => Binding | undefined,
  ) {}

  child(): Scope {
    return new Scope(this, this.topLevel);
  }

  bind(name: string, b: Binding): void {
    this.names.set(name, b);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  lookup(name: string): Binding | undefined {
    return (
      this.names.get(name) ??
      this.parent?.lookup(name) ??
      (this.parent === undefined ? this.topLevel(name) : undefined)
    );
  }
}

const targetCache = new WeakMap<LoadedSpec, Map<string, Map<string, ModuleSymbol>>>();

/** The names `I!…` can reach in module `module`: everything it exports (not its LOCAL definitions). */
export function instanceTargetScope(spec: LoadedSpec, module: string): Map<string, ModuleSymbol> {
  let perSpec = targetCache.get(spec);
  if (perSpec === undefined) {
    perSpec = new Map();
    targetCache.set(spec, perSpec);
  }
  let out = perSpec.get(module);
  if (out === undefined) {
    out = new Map();
    for (const [name, e] of moduleScopeEntries(spec, module)) if (e.exported) out.set(name, e.symbol);
    perSpec.set(module, out);
  }
  return out;
}
