/**
 * A loaded specification: the root module and every module it reaches
 * through EXTENDS and INSTANCE (standard modules included), plus the
 * top-level scope of a module as the checker and the semantic checks see it.
 */
import type {
  ConstantDecl,
  FunctionDef,
  Instance,
  InstanceDef,
  Loc,
  Module,
  OperatorDef,
  VariableDecl,
} from '../ast.js';

export interface LoadedSpec {
  /** The module named on the command line. */
  root: Module;
  /** Every loaded module by name, the root and standard modules included. */
  modules: Map<string, Module>;
}

export interface LoadOptions {
  /** Extra folders searched for modules after the spec's own folder (`--lib`). */
  libPaths?: string[];
}

/**
 * A name visible at the top level of a module.
 * `module` is the name of the module whose text defines it: for a definition
 * imported by EXTENDS it is the extended module; for one imported by an
 * unnamed `INSTANCE M WITH …` it is M, and `via` holds that instance (its
 * substitutions apply when the definition is evaluated).
 *
 * When the definition came through several unnamed instances (this module
 * instantiates M, which instantiates N, which defines it), `viaChain` lists
 * all of them, outermost first, and `via` is the last (innermost) one.
 */
export type ModuleSymbol =
  | {
      kind: 'operator';
      name: string;
      module: string;
      def: OperatorDef;
      via?: Instance;
      viaChain?: InstanceStep[];
    }
  | {
      kind: 'function';
      name: string;
      module: string;
      def: FunctionDef;
      via?: Instance;
      viaChain?: InstanceStep[];
    }
  | {
      kind: 'instance';
      name: string;
      module: string;
      def: InstanceDef;
      via?: Instance;
      viaChain?: InstanceStep[];
    }
  | { kind: 'constant'; name: string; module: string; arity: number; decl: ConstantDecl; loc: Loc }
  | { kind: 'variable'; name: string; module: string; decl: VariableDecl; loc: Loc };

/**
 * One unnamed `INSTANCE` on the way to an imported definition: the instance
 * and the module whose text contains it (its substitutions are expressions
 * of that module, resolved in `moduleScope(spec, inModule)`).
 */
export interface InstanceStep {
  instance: Instance;
  inModule: string;
}
