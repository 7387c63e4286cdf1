/**
 * The top-level scope of a module: every name visible at its top level.
 *
 * - EXTENDS E imports everything E exports: E's constants, variables and
 *   non-LOCAL definitions, and what E itself imports by EXTENDS or by a
 *   non-LOCAL unnamed INSTANCE.
 * - An unnamed `INSTANCE M WITH …` imports M's exported definitions with
 *   `via` set; M's constants and variables are substituted, not imported.
 *   A LOCAL INSTANCE imports them for this module only.
 * - The module's own declarations and definitions follow in source order.
 *
 * The scope is computed once per module and LoadedSpec and then cached.
 */
import type { Loc, Module } from '../ast.js';
import { IMPLICIT_MODULE } from './load.js';
import type { InstanceStep, LoadedSpec, ModuleSymbol } from './types.js';

/** A scope entry with what the semantic checks need beyond the symbol. */
export interface ScopeEntry {
  symbol: ModuleSymbol;
  /** Visible to modules that EXTEND this one. */
  exported: boolean;
  /** Index in `module.units` of the unit that brings the name in; -1 for names from EXTENDS. */
  unitIndex: number;
  /** Visible only because TLC makes its TLC module available to the root module without EXTENDS. */
  implicit?: boolean;
}

/** Two different declarations of one name visible at the top level of a module. */
export interface ScopeConflict {
  name: string;
  first: ModuleSymbol;
  second: ModuleSymbol;
  /** Where the second one enters the module: its definition, or the EXTENDS/INSTANCE that imports it. */
  loc: Loc;
}

interface ComputedScope {
  entries: Map<string, ScopeEntry>;
  conflicts: ScopeConflict[];
  symbols: Map<string, ModuleSymbol>;
}

const cache = new WeakMap<LoadedSpec, Map<string, ComputedScope>>();
const parents = new WeakMap<LoadedSpec, Map<Module, { parent: Module; index: number }>>();

/** The module that `module` is nested in, and its unit index there. */
function enclosingModule(spec: LoadedSpec, module: Module): { parent: Module; index: number } | undefined {
  let map = parents.get(spec);
  if (map === undefined) {
    map = new Map();
    for (const m of spec.modules.values()) {
      m.units.forEach((u, index) => {
        if (u.kind === 'Module') map!.set(u, { parent: m, index });
      });
    }
    parents.set(spec, map);
  }
  return map.get(module);
}

/** Where a symbol is declared or defined. */
export function symbolLoc(s: ModuleSymbol): Loc {
  return s.kind === 'constant' || s.kind === 'variable' ? s.loc : s.def.loc;
}

/** True when module `name` has constants or variables, so that instances of it can differ. */
function hasParameters(spec: LoadedSpec, name: string, active: Map<string, ComputedScope>): boolean {
  for (const e of compute(spec, name, active).entries.values()) {
    if (e.symbol.kind === 'constant' || e.symbol.kind === 'variable') return true;
  }
  return false;
}

/**
 * Whether two symbols of one name are the same declaration: the same
 * definition, reached through the same instances unless its module has no
 * constants or variables (then every instance of it means the same).
 */
function sameDeclaration(
  spec: LoadedSpec,
  a: ModuleSymbol,
  b: ModuleSymbol,
  active: Map<string, ComputedScope>,
): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'constant' || a.kind === 'variable') {
    return a.decl === (b as typeof a).decl && a.name === b.name;
  }
  if (a.def !== (b as typeof a).def) return false;
  const chainA = a.viaChain ?? [];
  const chainB = (b as typeof a).viaChain ?? [];
  const sameChain =
    chainA.length === chainB.length && chainA.every((s, i) => s.instance === chainB[i].instance);
  return sameChain || !hasParameters(spec, a.module, active);
}

function compute(spec: LoadedSpec, name: string, active: Map<string, ComputedScope>): ComputedScope {
  let perSpec = cache.get(spec);
  if (perSpec === undefined) {
    perSpec = new Map();
    cache.set(spec, perSpec);
  }
  const cached = perSpec.get(name);
  if (cached !== undefined) return cached;

  const result: ComputedScope = { entries: new Map(), conflicts: [], symbols: new Map() };
  const module = spec.modules.get(name);
  if (module === undefined) return result;
  // A cycle (reported by the loader): use what is known so far.
  const partial = active.get(name);
  if (partial !== undefined) return partial;
  active.set(name, result);

  const add = (entry: ScopeEntry, enteredAt: Loc): void => {
    const prev = result.entries.get(entry.symbol.name);
    if (prev !== undefined) {
      if (!sameDeclaration(spec, prev.symbol, entry.symbol, active)) {
        result.conflicts.push({
          name: entry.symbol.name,
          first: prev.symbol,
          second: entry.symbol,
          loc: enteredAt,
        });
        result.entries.set(entry.symbol.name, entry);
      } else if (entry.exported && !prev.exported) {
        result.entries.set(entry.symbol.name, { ...prev, exported: true });
      }
      return;
    }
    result.entries.set(entry.symbol.name, entry);
  };

  // A nested module sees what its enclosing module defines before it.
  const outer = enclosingModule(spec, module);
  if (outer !== undefined) {
    for (const e of compute(spec, outer.parent.name, active).entries.values()) {
      if (e.unitIndex < outer.index && !e.implicit)
        add({ symbol: e.symbol, exported: false, unitIndex: -1 }, module.loc);
    }
  }
  for (const ext of module.extends) {
    for (const e of compute(spec, ext.name, active).entries.values()) {
      if (e.exported) add({ symbol: e.symbol, exported: true, unitIndex: -1 }, ext.loc);
    }
  }
  addOwnUnits(spec, module, active, add);
  if (name === spec.root.name && name !== IMPLICIT_MODULE) {
    // TLC lets the root module use the TLC module's definitions without EXTENDS (lowest priority).
    for (const e of compute(spec, IMPLICIT_MODULE, active).entries.values()) {
      if (e.exported && !result.entries.has(e.symbol.name)) {
        result.entries.set(e.symbol.name, {
          symbol: e.symbol,
          exported: false,
          unitIndex: -1,
          implicit: true,
        });
      }
    }
  }

  for (const [n, e] of result.entries) result.symbols.set(n, e.symbol);
  active.delete(name);
  perSpec.set(name, result);
  return result;
}

function addOwnUnits(
  spec: LoadedSpec,
  module: Module,
  active: Map<string, ComputedScope>,
  add: (entry: ScopeEntry, enteredAt: Loc) => void,
): void {
  const m = module.name;
  module.units.forEach((u, unitIndex) => {
    switch (u.kind) {
      case 'ConstantDecl':
        for (const p of u.names) {
          add(
            {
              symbol: { kind: 'constant', name: p.name, module: m, arity: p.arity, decl: u, loc: p.loc },
              exported: true,
              unitIndex,
            },
            p.loc,
          );
        }
        return;
      case 'VariableDecl':
        for (const v of u.names) {
          add(
            {
              symbol: { kind: 'variable', name: v.name, module: m, decl: u, loc: v.loc },
              exported: true,
              unitIndex,
            },
            v.loc,
          );
        }
        return;
      case 'OperatorDef':
        add(
          { symbol: { kind: 'operator', name: u.name, module: m, def: u }, exported: !u.local, unitIndex },
          u.loc,
        );
        return;
      case 'FunctionDef':
        add(
          { symbol: { kind: 'function', name: u.name, module: m, def: u }, exported: !u.local, unitIndex },
          u.loc,
        );
        return;
      case 'InstanceDef':
        add(
          { symbol: { kind: 'instance', name: u.name, module: m, def: u }, exported: !u.local, unitIndex },
          u.loc,
        );
        return;
      case 'Instance': {
        const target = compute(spec, u.module, active);
        for (const e of target.entries.values()) {
          const s = e.symbol;
          if (!e.exported || s.kind === 'constant' || s.kind === 'variable') continue;
          const viaChain: InstanceStep[] = [{ instance: u, inModule: m }, ...(s.viaChain ?? [])];
          const symbol = { ...s, via: viaChain[viaChain.length - 1].instance, viaChain };
          add({ symbol, exported: !u.local, unitIndex }, u.loc);
        }
        return;
      }
      default:
        return;
    }
  });
}

/**
 * Every name visible at the top level of module `moduleName` of `spec`
 * (empty when there is no such module). Computed once, then cached.
 */
export function moduleScope(spec: LoadedSpec, moduleName: string): Map<string, ModuleSymbol> {
  return compute(spec, moduleName, new Map()).symbols;
}

/** The scope with the unit index and export status of each entry. */
export function moduleScopeEntries(spec: LoadedSpec, moduleName: string): ReadonlyMap<string, ScopeEntry> {
  return compute(spec, moduleName, new Map()).entries;
}

/** Names declared or defined more than once at the top level of a module (directly or through imports). */
export function moduleScopeConflicts(spec: LoadedSpec, moduleName: string): readonly ScopeConflict[] {
  return compute(spec, moduleName, new Map()).conflicts;
}

/** The names a module exports to the modules that EXTEND it. */
export function exportedSymbols(spec: LoadedSpec, moduleName: string): ModuleSymbol[] {
  return [...compute(spec, moduleName, new Map()).entries.values()]
    .filter((e) => e.exported)
    .map((e) => e.symbol);
}
