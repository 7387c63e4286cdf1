export { loadFromModule, loadSpec } from './load.js';
export type { ModuleReference } from './references.js';
export { forEachSubExpr, instancesOf, moduleReferences, withNestedModules } from './references.js';
export type { ScopeConflict, ScopeEntry } from './scope.js';
export {
  exportedSymbols,
  moduleScope,
  moduleScopeConflicts,
  moduleScopeEntries,
  symbolLoc,
} from './scope.js';
export type { InstanceStep, LoadedSpec, LoadOptions, ModuleSymbol } from './types.js';
