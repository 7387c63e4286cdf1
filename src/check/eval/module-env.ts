/**
 * Module scopes: what each name of a module stands for, for the root module
 * (constants from the cfg, variables as state slots) and for every
 * instantiation of a module (constants and variables replaced by the
 * INSTANCE substitutions, implicit ones by the same name where the INSTANCE is).
 *
 * EXTENDS imports the non-LOCAL definitions of the extended module; an
 * unnamed INSTANCE imports those of the instantiated module (under its
 * substitutions); a named instance is built when first used. Definitions of
 * standard modules that TLC overrides are bound to native code.
 */
import type { Instance, InstanceDef, Loc } from '../../tla/ast.js';
import type { LoadedSpec } from '../../tla/modules/types.js';
import { isBuiltinOperator, isStandardModuleFile } from '../../tla/stdlib/index.js';
import type { Globals } from './env.js';
import { evalFail } from './runtime.js';
import { type Binding, Scope } from './scope.js';

export interface ModuleEnv {
  /** Every name visible inside the module. */
  readonly scope: Scope;
  /** Names the module gives to modules that extend or instantiate it. */
  readonly exports: Map<string, Binding>;
  /** Exported names that are declared constants or variables (substituted, not imported, by INSTANCE). */
  readonly decls: Set<string>;
}

/** How one instantiation binds the declared constants and variables. */
export interface Instantiation {
  decl(name: string, kind: 'constant' | 'variable', loc: Loc): Binding;
  /** Depth of the frame that encloses this instantiation's top-level definitions. */
  readonly depth: number;
  readonly envs: Map<string, ModuleEnv>;
}

export function buildModuleEnv(
  spec: LoadedSpec,
  name: string,
  inst: Instantiation,
  g: Globals,
  loc?: Loc,
): ModuleEnv {
  const cached = inst.envs.get(name);
  if (cached) return cached;
  const m = spec.modules.get(name);
  if (!m) return evalFail('other', `Module ${name} is not loaded.`, loc);
  const scope = new Scope(null, name);
  const exports = new Map<string, Binding>();
  const decls = new Set<string>();
  const env: ModuleEnv = { scope, exports, decls };
  inst.envs.set(name, env);
  const std = isStandardModuleFile(m.file);
  const add = (n: string, b: Binding, exported: boolean): void => {
    scope.set(n, b);
    if (exported) exports.set(n, b);
  };
  for (const ext of m.extends) {
    const e = buildModuleEnv(spec, ext.name, inst, g, ext.loc);
    for (const [n, b] of e.exports) add(n, b, true);
    for (const n of e.decls) decls.add(n);
  }
  for (const u of m.units) {
    switch (u.kind) {
      case 'ConstantDecl':
        for (const p of u.names) {
          add(p.name, inst.decl(p.name, 'constant', p.loc), true);
          decls.add(p.name);
        }
        break;
      case 'VariableDecl':
        for (const v of u.names) {
          add(v.name, inst.decl(v.name, 'variable', v.loc), true);
          decls.add(v.name);
        }
        break;
      case 'OperatorDef':
      case 'FunctionDef': {
        const b: Binding =
          g.overrides?.get(u.name) ??
          (std && isBuiltinOperator(name, u.name)
            ? { kind: 'native', name: u.name, module: name }
            : {
                kind: 'def',
                entry: { name: u.name, module: name, def: u, scope, depth: inst.depth, forms: {} },
              });
        add(u.name, b, !u.local);
        break;
      }
      case 'InstanceDef':
        add(
          u.name,
          { kind: 'instance', def: u, owner: scope, depth: inst.depth, module: u.instance.module },
          !u.local,
        );
        break;
      case 'Instance': {
        const ienv = instantiate(spec, u, scope, inst.depth, g);
        for (const [n, b] of ienv.exports) if (!ienv.decls.has(n)) add(n, b, !u.local);
        break;
      }
      default:
        break;
    }
  }
  return env;
}

/** The environment of `INSTANCE M WITH …` written in `owner` (whose frames are at `depth`). */
export function instantiate(
  spec: LoadedSpec,
  u: Instance,
  owner: Scope,
  depth: number,
  g: Globals,
): ModuleEnv {
  const subst = new Map(u.substitutions.map((s) => [s.name, s]));
  const inst: Instantiation = {
    depth,
    envs: new Map(),
    decl(name, _kind, loc) {
      const s = subst.get(name);
      if (s) return { kind: 'subst', name, entry: { expr: s.value, scope: owner, depth, forms: {} } };
      if (!owner.visible(name)) {
        return evalFail(
          'other',
          `INSTANCE ${u.module} has no substitution for ${name}, and no ${name} is in scope.`,
          loc,
        );
      }
      return { kind: 'alias', name, scope: owner };
    },
  };
  return buildModuleEnv(spec, u.module, inst, g, u.loc);
}

/** The public names of a named instance `I == INSTANCE M …` / `P(x) == INSTANCE M …`. */
export function namedInstanceScope(
  spec: LoadedSpec,
  b: { def: InstanceDef; owner: Scope; depth: number },
  g: Globals,
): Scope {
  let owner = b.owner;
  let depth = b.depth;
  if (b.def.params.length > 0) {
    owner = new Scope(b.owner, b.owner.module);
    depth = b.depth + 1;
    b.def.params.forEach((p, i) => {
      owner.set(p.name, { kind: 'local', depth, slot: i, arity: p.arity, name: p.name });
    });
  }
  const env = instantiate(spec, b.def.instance, owner, depth, g);
  const scope = new Scope(null, b.def.instance.module);
  for (const [n, binding] of env.exports) scope.set(n, binding);
  return scope;
}
