/**
 * The pieces buildModel works with: the model's interface (EvalModel), the
 * builder that instantiates the root module under the cfg, and compiling
 * closed expressions of the root module.
 */
import type { Diagnostic } from '../../errors.js';
import type { Expr, Loc } from '../../tla/ast.js';
import type { ModelConfig, NamedRef } from '../../tla/cfg/types.js';
import type { LoadedSpec } from '../../tla/modules/types.js';
import type { Model, State } from '../model.js';
import type { Value } from '../value/index.js';
import { cfgValue } from './cfg-values.js';
import { compileExpr } from './compile-expr.js';
import type { CEnv, Globals } from './env.js';
import { buildModuleEnv, type Instantiation, type ModuleEnv, namedInstanceScope } from './module-env.js';
import type { Ctx, Fn, Frame } from './runtime.js';
import { stackOverflowToEvalError } from './runtime.js';
import { type Binding, Scope } from './scope.js';
import type { ScopedExpr } from './spec-parts.js';

export interface BuildOptions {
  /** Where Print/PrintT lines go (default: stdout). */
  print?: (line: string) => void;
}

/** A compiled closed expression: evaluate with a fresh frame. */
export interface TopFn {
  fn: Fn;
  alloc: { size: number };
}

/** The checker's model of a spec, with the extras other layers use. */
export interface EvalModel extends Model {
  /** Fairness conjuncts of the SPECIFICATION (for a liveness checker). */
  readonly fairness: readonly ScopedExpr[];
  /** PROPERTY formulas that are neither `[]P` nor `[][A]_v` (not checked by safety search). */
  readonly temporalProperties: readonly { name: string; parts: readonly ScopedExpr[] }[];
  /** Root module scope (for evaluating further expressions). */
  readonly rootScope: Scope;
  readonly globals: Globals;
  /** Evaluates an expression of the root module in `state` (constant-level when no state). */
  evaluate(expr: Expr, state?: State, next?: State): Value;
  /** Compiles a state predicate (e.g. a leaf of a temporal formula) once, for evaluation on many states. */
  statePredicate(x: ScopedExpr): (state: State) => boolean;
  /** Compiles an action predicate (primes read the second state). */
  actionPredicate(x: ScopedExpr): (from: State, to: State) => boolean;
  /** Compiles `ENABLED x`: whether action x has a successor from a state. */
  enabled(x: ScopedExpr): (state: State) => boolean;
}

export class ModelBuilder {
  readonly diagnostics: Diagnostic[] = [];
  readonly variables: string[] = [];
  readonly g: Globals;
  root!: ModuleEnv;
  /** Every module of the root's EXTENDS closure, as instantiated for the root. */
  rootEnvs = new Map<string, ModuleEnv>();

  constructor(
    readonly spec: LoadedSpec,
    readonly cfg: ModelConfig,
    opts: BuildOptions,
  ) {
    const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
    this.g = {
      print,
      registers: new Map(),
      instanceScope: (b) => {
        if (!b.env) b.env = namedInstanceScope(spec, b, this.g);
        return b.env as Scope;
      },
    };
  }

  error(code: Diagnostic['code'], message: string, loc?: { file: string; line: number; col: number }): void {
    this.diagnostics.push({ code, severity: 'error', message, loc });
  }

  buildRoot(): void {
    const cfg = this.cfg;
    const values = new Map(cfg.constants.map((c) => [c.name, c]));
    const rootScopeRef: { scope?: Scope } = {};
    const inst: Instantiation = {
      depth: 0,
      envs: new Map(),
      decl: (name, kind, loc): Binding => {
        if (kind === 'variable') {
          let i = this.variables.indexOf(name);
          if (i < 0) i = this.variables.push(name) - 1;
          return { kind: 'var', index: i, name };
        }
        const a = values.get(name);
        if (!a) {
          this.error(
            'cfg-missing-constant',
            `The constant ${name} is not assigned a value by the configuration.`,
            loc,
          );
          return { kind: 'value', value: false, name };
        }
        if (a.kind === 'value') return { kind: 'value', value: cfgValue(a.value), name };
        return { kind: 'alias', name: a.by, scope: lazyScope(rootScopeRef) };
      },
    };
    // Overrides of definitions (`Op <- Other`, `Op = value` where Op is defined, not declared)
    // replace Op wherever a module defines it, in the root's modules and in every instance.
    this.g.overrides = new Map(
      cfg.constants.map((a): [string, Binding] => [
        a.name,
        a.kind === 'value'
          ? { kind: 'value', value: cfgValue(a.value), name: a.name }
          : { kind: 'alias', name: a.by, scope: lazyScope(rootScopeRef) },
      ]),
    );
    this.root = buildModuleEnv(this.spec, this.spec.root.name, inst, this.g);
    this.rootEnvs = inst.envs;
    rootScopeRef.scope = this.root.scope;
  }

  env(scope: Scope, alloc: { size: number }): CEnv {
    return {
      scope,
      depth: 1,
      alloc,
      primed: false,
      deps: { state: false, prime: false, local: false },
      g: this.g,
    };
  }

  value(e: Expr, scope: Scope): TopFn {
    const alloc = { size: 0 };
    return { fn: compileExpr(e, this.env(scope, alloc)), alloc };
  }

  named(ref: NamedRef): Expr | undefined {
    if (!this.lookupNamed(ref)) return undefined;
    return { kind: 'Ident', name: ref.name, loc: refLoc(ref) };
  }

  defBody(ref: NamedRef): ScopedExpr | undefined {
    const b = this.lookupNamed(ref);
    if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef')
      return { expr: b.entry.def.body, scope: b.entry.scope };
    return undefined;
  }

  /** The root-module binding of a name the cfg gives; an error when the spec has none. */
  private lookupNamed(ref: NamedRef): Binding | undefined {
    const b = this.root.scope.lookup(ref.name);
    if (!b) {
      this.error(
        'cfg-unknown-name',
        `The configuration names ${ref.name}, which the spec does not define.`,
        ref.loc,
      );
    }
    return b;
  }
}

function lazyScope(ref: { scope?: Scope }): Scope {
  // The root scope does not exist yet while it is being built; resolve through a forwarding scope.
  const s = new Scope(null, '');
  return new Proxy(s, {
    get(_t, p) {
      const target = ref.scope ?? s;
      const v = Reflect.get(target, p);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

function refLoc(ref: NamedRef): Loc {
  return {
    file: ref.loc.file,
    line: ref.loc.line,
    col: ref.loc.col,
    endLine: ref.loc.line,
    endCol: ref.loc.col,
  };
}

export function run(t: TopFn, c: Ctx): Value {
  const f: Frame = { v: new Array(t.alloc.size), up: null };
  try {
    return t.fn(c, f);
  } catch (e) {
    return stackOverflowToEvalError(e);
  }
}
