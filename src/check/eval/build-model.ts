/**
 * buildModel: a loaded spec + a cfg → the Model the search explores.
 */
import type { Diagnostic, Result } from '../../errors.js';
import type { Expr, Loc } from '../../tla/ast.js';
import type { ModelConfig, NamedRef } from '../../tla/cfg/types.js';
import type { LoadedSpec } from '../../tla/modules/types.js';
import type {
  ActionLabel,
  Model,
  NamedActionPredicate,
  NamedStatePredicate,
  SearchContext,
  State,
  Transition,
} from '../model.js';
import { fingerprint, fingerprintValues, printValue, type Value } from '../value/index.js';
import { compileAction } from './compile-action.js';
import { asBool, compileExpr } from './compile-expr.js';
import { cfgValue } from './cfg-values.js';
import type { CEnv, Globals } from './env.js';
import { buildModuleEnv, type Instantiation, type ModuleEnv, namedInstanceScope } from './module-env.js';
import { type Act, type Ctx, evalFail, type Fn, type Frame, makeCtx } from './runtime.js';
import { type Binding, Scope } from './scope.js';
import { classifyProperty, type ScopedExpr, splitSpec } from './spec-parts.js';
import { type Perm, permsOf, symmetricFingerprint } from './symmetry.js';

export interface BuildOptions {
  /** Where Print/PrintT lines go (default: stdout). */
  print?: (line: string) => void;
}

/** A compiled closed expression: evaluate with a fresh frame. */
interface TopFn {
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
}

class ModelBuilder {
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
          this.error('cfg-missing-constant', `The constant ${name} is not assigned a value by the configuration.`, loc);
          return { kind: 'value', value: false, name };
        }
        if (a.kind === 'value') return { kind: 'value', value: cfgValue(a.value), name };
        return { kind: 'alias', name: a.by, scope: lazyScope(rootScopeRef) };
      },
    };
    this.root = buildModuleEnv(this.spec, this.spec.root.name, inst, this.g);
    this.rootEnvs = inst.envs;
    rootScopeRef.scope = this.root.scope;
    // Overrides of definitions: `Op <- Other` or `Op = value` where Op is defined, not declared.
    for (const a of cfg.constants) {
      for (const env of inst.envs.values()) {
        const b = env.scope.own(a.name);
        if (!b || (b.kind !== 'def' && b.kind !== 'native')) continue;
        const nb: Binding =
          a.kind === 'value'
            ? { kind: 'value', value: cfgValue(a.value), name: a.name }
            : { kind: 'alias', name: a.by, scope: this.root.scope };
        env.scope.set(a.name, nb);
        if (env.exports.has(a.name)) env.exports.set(a.name, nb);
      }
    }
  }

  env(scope: Scope, alloc: { size: number }): CEnv {
    return { scope, depth: 1, alloc, primed: false, deps: { state: false, prime: false, local: false }, g: this.g };
  }

  value(e: Expr, scope: Scope): TopFn {
    const alloc = { size: 0 };
    return { fn: compileExpr(e, this.env(scope, alloc)), alloc };
  }

  named(ref: NamedRef): Expr | undefined {
    const b = this.root.scope.lookup(ref.name);
    if (!b) {
      this.error('cfg-unknown-name', `The configuration names ${ref.name}, which the spec does not define.`, ref.loc);
      return undefined;
    }
    return { kind: 'Ident', name: ref.name, loc: refLoc(ref) };
  }

  defBody(ref: NamedRef): ScopedExpr | undefined {
    const b = this.root.scope.lookup(ref.name);
    if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef') return { expr: b.entry.def.body, scope: b.entry.scope };
    if (!b) this.error('cfg-unknown-name', `The configuration names ${ref.name}, which the spec does not define.`, ref.loc);
    return undefined;
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
  return { file: ref.loc.file, line: ref.loc.line, col: ref.loc.col, endLine: ref.loc.line, endCol: ref.loc.col };
}

function run(t: TopFn, c: Ctx): Value {
  const f: Frame = { v: new Array(t.alloc.size), up: null };
  return t.fn(c, f);
}

export function buildModel(spec: LoadedSpec, cfg: ModelConfig, opts: BuildOptions = {}): Result<EvalModel> {
  const b = new ModelBuilder(spec, cfg, opts);
  try {
    return buildModelUnsafe(b);
  } catch (e) {
    if (e instanceof Error && e.name === 'EvalError') {
      const loc = (e as { loc?: Loc }).loc;
      b.error('unsupported', e.message, loc);
      return { diagnostics: b.diagnostics };
    }
    throw e;
  }
}

function buildModelUnsafe(b: ModelBuilder): Result<EvalModel> {
  const { cfg } = b;
  b.buildRoot();
  if (b.diagnostics.length > 0) return { diagnostics: b.diagnostics };
  const rootScope = b.root.scope;
  const nVars = b.variables.length;

  // ---- behaviour: INIT/NEXT or SPECIFICATION
  let initExprs: ScopedExpr[] = [];
  let nextExpr: ScopedExpr | undefined;
  let nextName = 'Next';
  const fairness: ScopedExpr[] = [];
  const specTemporal: ScopedExpr[] = [];
  if (cfg.specification) {
    const body = b.defBody(cfg.specification);
    if (body) {
      const parts = splitSpec(body.expr, body.scope);
      initExprs = parts.init;
      nextExpr = parts.next;
      fairness.push(...parts.fairness);
      specTemporal.push(...parts.temporal);
    }
  } else {
    if (cfg.init) {
      const e = b.named(cfg.init);
      if (e) initExprs = [{ expr: e, scope: rootScope }];
    }
    if (cfg.next) {
      const e = b.named(cfg.next);
      if (e) nextExpr = { expr: e, scope: rootScope };
      nextName = cfg.next.name;
    }
  }
  if (initExprs.length === 0 && !cfg.specification && !cfg.init) {
    b.error('cfg-no-behaviour', 'The configuration gives neither INIT and NEXT nor SPECIFICATION.', { file: cfg.file, line: 1, col: 1 });
  }
  if (b.diagnostics.length > 0) return { diagnostics: b.diagnostics };
  if (nextExpr?.expr.kind === 'Ident') nextName = nextExpr.expr.name;

  const initAlloc = { size: 0 };
  const initActs: Act[] = initExprs.map((x) =>
    compileAction(x.expr, b.env(x.scope, initAlloc), { mode: 'init', split: false, labelName: 'Init' }),
  );
  const nextAlloc = { size: 0 };
  const nextAct: Act | undefined = nextExpr
    ? compileAction(nextExpr.expr, b.env(nextExpr.scope, nextAlloc), { mode: 'next', split: true, labelName: nextName })
    : undefined;

  // ---- predicates
  const statePred = (name: string, x: ScopedExpr) => {
    const t = b.value(x.expr, x.scope);
    const c = makeCtx();
    const loc = x.expr.loc;
    return {
      name,
      holds(state: State): boolean {
        c.state = state as Value[];
        c.next = null;
        return asBool(run(t, c), loc, `invariant ${name}`);
      },
    };
  };
  const actionPred = (name: string, x: ScopedExpr) => {
    const t = b.value(x.expr, x.scope);
    const c = makeCtx();
    const loc = x.expr.loc;
    return {
      name,
      holds(from: State, to: State): boolean {
        c.state = from as Value[];
        c.next = to as Value[];
        return asBool(run(t, c), loc, `action property ${name}`);
      },
    };
  };

  const invariants: NamedStatePredicate[] = [];
  for (const ref of cfg.invariants) {
    const e = b.named(ref);
    if (e) invariants.push(statePred(ref.name, { expr: e, scope: rootScope }));
  }
  const stateProperties: NamedStatePredicate[] = [];
  const actionProperties: NamedActionPredicate[] = [];
  const temporalProperties: { name: string; parts: ScopedExpr[] }[] = [];
  for (const ref of cfg.properties) {
    const body = b.defBody(ref);
    if (!body) continue;
    const temporalParts: ScopedExpr[] = [];
    for (const k of classifyProperty(body.expr, body.scope)) {
      if (k.kind === 'state') stateProperties.push(statePred(ref.name, k.pred));
      else if (k.kind === 'action') actionProperties.push(actionPred(ref.name, k.action));
      else temporalParts.push(body);
    }
    if (temporalParts.length > 0) temporalProperties.push({ name: ref.name, parts: [body] });
  }

  const stateConstraints = cfg.constraints.flatMap((ref) => {
    const e = b.named(ref);
    if (!e) return [];
    const t = b.value(e, rootScope);
    const c = makeCtx();
    return [
      (state: State, ctx: SearchContext): boolean => {
        c.state = state as Value[];
        c.next = null;
        c.level = ctx.level;
        return asBool(run(t, c), e.loc, `constraint ${ref.name}`);
      },
    ];
  });
  const actionConstraints = cfg.actionConstraints.flatMap((ref) => {
    const e = b.named(ref);
    if (!e) return [];
    const t = b.value(e, rootScope);
    const c = makeCtx();
    return [
      (from: State, to: State, ctx: SearchContext): boolean => {
        c.state = from as Value[];
        c.next = to as Value[];
        c.level = ctx.level;
        return asBool(run(t, c), e.loc, `action constraint ${ref.name}`);
      },
    ];
  });

  // ---- identity of states: VIEW, SYMMETRY
  let fp: (state: State, out: Uint32Array) => void = (state, out) => fingerprintValues(state, out);
  const viewExpr = cfg.view ? b.named(cfg.view) : undefined;
  let perms: Perm[] | undefined;
  if (cfg.symmetry) {
    const e = b.named(cfg.symmetry);
    if (e) perms = permsOf(run(b.value(e, rootScope), makeCtx()));
  }
  if (viewExpr) {
    const t = b.value(viewExpr, rootScope);
    const c = makeCtx();
    fp = (state, out) => {
      c.state = state as Value[];
      fingerprint(run(t, c), out);
    };
  } else if (perms && perms.length > 0) {
    const ps = perms;
    fp = (state, out) => symmetricFingerprint(state, ps, out);
  }

  // ---- display: ALIAS
  const aliasExpr = cfg.alias ? b.named(cfg.alias) : undefined;
  const aliasFn = aliasExpr ? b.value(aliasExpr, rootScope) : undefined;

  // ---- ASSUME and POSTCONDITION
  const assumes = collectAssumes(b);
  const postconditions = cfg.postconditions.flatMap((ref) => {
    const e = b.named(ref);
    if (!e) return [];
    const t = b.value(e, rootScope);
    return [{ name: ref.name, holds: () => asBool(run(t, makeCtx()), e.loc, `postcondition ${ref.name}`) }];
  });
  if (b.diagnostics.length > 0) return { diagnostics: b.diagnostics };

  const variables = b.variables;
  const genCtx = makeCtx();
  const initLabel: ActionLabel = { name: 'Initial predicate', params: [] };

  const model: EvalModel = {
    moduleName: b.spec.root.name,
    variables,
    initialStates(ctx: SearchContext): Iterable<Transition> {
      const out: Transition[] = [];
      const partial: (Value | undefined)[] = new Array(nVars).fill(undefined);
      const c = genCtx;
      c.state = partial;
      c.next = partial;
      c.level = ctx.level;
      c.params = [];
      const f: Frame = { v: new Array(initAlloc.size), up: null };
      const emit = (): void => {
        for (let i = 0; i < nVars; i++) {
          if (partial[i] === undefined) {
            evalFail(
              'unassigned',
              `The initial predicate does not assign a value to the variable ${variables[i]}.`,
              initExprs[0]?.expr.loc,
            );
          }
        }
        out.push({ state: partial.slice() as Value[], action: initLabel });
      };
      const chain = (i: number): void => {
        if (i === initActs.length) return emit();
        initActs[i](c, f, () => chain(i + 1));
      };
      chain(0);
      return out;
    },
    successors(state: State, ctx: SearchContext): Iterable<Transition> {
      const out: Transition[] = [];
      if (!nextAct) return out;
      const c = genCtx;
      const next: (Value | undefined)[] = new Array(nVars).fill(undefined);
      c.state = state as Value[];
      c.next = next;
      c.level = ctx.level;
      c.params = [];
      c.label = { name: nextName, loc: nextExpr?.expr.loc, module: b.spec.root.name };
      const f: Frame = { v: new Array(nextAlloc.size), up: null };
      nextAct(c, f, () => {
        for (let i = 0; i < nVars; i++) {
          if (next[i] === undefined) {
            evalFail(
              'unassigned',
              `Successor state is not completely specified by action ${c.label.name} of the next-state relation. The following variable is not assigned: ${variables[i]}.`,
              c.label.loc,
            );
          }
        }
        const l = c.label;
        out.push({
          state: next.slice() as Value[],
          action: { name: l.name, loc: l.loc, module: l.module, params: c.params.slice() },
        });
      });
      return out;
    },
    invariants,
    stateProperties,
    actionProperties,
    stateConstraints,
    actionConstraints,
    checkAssumptions: () => assumes.map((a) => a()),
    postconditions,
    checkDeadlock: cfg.checkDeadlock ?? true,
    fingerprint: fp,
    display(state: State): [string, Value][] {
      if (aliasFn) {
        const c = makeCtx(state as Value[]);
        const v = run(aliasFn, c);
        if (typeof v === 'object' && v.tag === 7) return v.names.map((n, i) => [n, v.values[i]]);
        return [[cfg.alias!.name, v]];
      }
      return variables.map((n, i) => [n, state[i]]);
    },
    fairness,
    temporalProperties: [
      ...temporalProperties,
      ...(specTemporal.length > 0 ? [{ name: cfg.specification?.name ?? 'Spec', parts: specTemporal }] : []),
    ],
    rootScope,
    globals: b.g,
    evaluate(expr: Expr, state?: State, next?: State): Value {
      const t = b.value(expr, rootScope);
      return run(t, makeCtx((state ?? []) as Value[], (next ?? null) as Value[] | null));
    },
  };
  return { value: model, diagnostics: b.diagnostics };
}

/** ASSUME units of the root module and the modules it extends, each evaluated in its module's scope. */
function collectAssumes(b: ModelBuilder): (() => { name?: string; loc?: Loc; holds: boolean })[] {
  const out: (() => { name?: string; loc?: Loc; holds: boolean })[] = [];
  for (const [name, env] of [...b.rootEnvs].reverse()) {
    const m = b.spec.modules.get(name);
    if (!m) continue;
    for (const u of m.units) {
      if (u.kind !== 'Assume') continue;
      const t = b.value(u.expr, env.scope);
      out.push(() => ({ name: u.name, loc: u.loc, holds: run(t, makeCtx()) === true }));
    }
  }
  return out;
}
