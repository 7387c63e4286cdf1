/**
 * buildModel: a loaded spec + a cfg → the Model the search explores.
 */

import type { Result } from '../../errors.js';
import type { Expr, Loc } from '../../tla/ast.js';
import type { ModelConfig } from '../../tla/cfg/types.js';
import type { LoadedSpec } from '../../tla/modules/types.js';
import {
  type ActionLabel,
  EvalError as ModelEvalError,
  type NamedActionPredicate,
  type NamedStatePredicate,
  type SearchContext,
  type State,
  type Transition,
} from '../model.js';
import {
  extendStringOrder,
  fingerprint,
  fingerprintValues,
  printValue,
  Tag,
  type Value,
} from '../value/index.js';
import { type Below, withActionSampling } from './action-sampling.js';
import { compileAction } from './compile-action.js';
import { asBool } from './compile-expr.js';
import { type BuildOptions, type EvalModel, ModelBuilder, run } from './model-builder.js';
import {
  type Act,
  evalFail,
  type Frame,
  type LabelInfo,
  labelParams,
  makeCtx,
  resetParams,
  stackOverflowToEvalError,
} from './runtime.js';
import { classifyProperty, type ScopedExpr, splitSpec } from './spec-parts.js';
import { specStrings } from './string-table.js';
import { type Perm, permsOf, symmetricFingerprint } from './symmetry.js';

export type { BuildOptions, EvalModel } from './model-builder.js';

export function buildModel(spec: LoadedSpec, cfg: ModelConfig, opts: BuildOptions = {}): Result<EvalModel> {
  // Before anything is compiled: record fields are put in this order when their constructors compile.
  extendStringOrder(specStrings(spec, cfg));
  const b = new ModelBuilder(spec, cfg, opts);
  try {
    return buildModelUnsafe(b);
  } catch (e) {
    if (e instanceof Error && e.name === 'EvalError') {
      const loc = (e as { loc?: Loc }).loc;
      b.error(e.message.startsWith('Unknown operator') ? 'undefined' : 'unsupported', e.message, loc);
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
  // A spec without variables needs no behaviour: TLC evaluates its ASSUMEs and finds no state.
  const noBehavior = !cfg.specification && !cfg.init && !cfg.next && b.variables.length === 0;
  if (initExprs.length === 0 && !cfg.specification && !cfg.init && !noBehavior) {
    b.error('cfg-no-behaviour', 'The configuration gives neither INIT and NEXT nor SPECIFICATION.', {
      file: cfg.file,
      line: 1,
      col: 1,
    });
  }
  if (b.diagnostics.length > 0) return { diagnostics: b.diagnostics };
  if (nextExpr?.expr.kind === 'Ident') nextName = nextExpr.expr.name;

  const initAlloc = { size: 0 };
  const initActs: Act[] = initExprs.map((x) =>
    compileAction(x.expr, b.env(x.scope, initAlloc), { mode: 'init', split: false, labelName: 'Init' }),
  );
  const nextAlloc = { size: 0 };
  const nextAct: Act | undefined = nextExpr
    ? compileAction(nextExpr.expr, b.env(nextExpr.scope, nextAlloc), {
        mode: 'next',
        split: true,
        labelName: nextName,
      })
    : undefined;

  // ---- predicates
  const statePred = (name: string, x: ScopedExpr) => {
    const t = b.value(x.expr, x.scope);
    const c = makeCtx();
    const loc = x.expr.loc;
    return {
      name,
      holds(state: State, ctx?: SearchContext): boolean {
        c.state = state as Value[];
        c.next = null;
        c.level = ctx?.level ?? 1;
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
    if (e) perms = permsOf(run(b.value(e, rootScope), makeCtx()), e.loc);
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
  const nextLabel: LabelInfo = { name: nextName, loc: nextExpr?.expr.loc, module: b.spec.root.name };

  const model: EvalModel = {
    moduleName: b.spec.root.name,
    variables,
    initialStates(ctx: SearchContext): Iterable<Transition> {
      const out: Transition[] = [];
      if (noBehavior) return out;
      const partial: (Value | undefined)[] = new Array(nVars).fill(undefined);
      const c = genCtx;
      c.state = partial;
      c.next = partial;
      c.level = ctx.level;
      resetParams(c);
      const f: Frame = { v: new Array(initAlloc.size), up: null };
      const emit = (): void => {
        const missing = unassigned(partial, variables);
        if (missing) {
          evalFail(
            'unassigned',
            `Initial state is not completely specified by the initial predicate. ${missing}`,
            initExprs[0]?.expr.loc,
          );
        }
        out.push({ state: partial.slice() as Value[], action: initLabel });
      };
      const chain = (i: number): void => {
        if (i === initActs.length) {
          emit();
          return;
        }
        initActs[i](c, f, () => chain(i + 1));
      };
      try {
        chain(0);
      } catch (e) {
        stackOverflowToEvalError(e);
      }
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
      resetParams(c);
      c.label = nextLabel;
      const f: Frame = { v: new Array(nextAlloc.size), up: null };
      const emit = (): void => {
        const missing = unassigned(next, variables);
        if (missing) {
          evalFail(
            'unassigned',
            `Successor state is not completely specified by action ${c.label.name} of the next-state relation. ${missing}`,
            c.label.loc,
          );
        }
        const l = c.label;
        out.push({
          state: next.slice() as Value[],
          action: { name: l.name, loc: l.loc, module: l.module, params: labelParams(c) },
        });
      };
      try {
        nextAct(c, f, emit);
      } catch (e) {
        stackOverflowToEvalError(e);
      }
      return out;
    },
    successorsOfRandomAction(state: State, ctx: SearchContext, below: Below): Iterable<Transition> {
      return withActionSampling(below, () => model.successors(state, ctx));
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
        let v: Value;
        try {
          v = run(aliasFn, c);
        } catch (e) {
          // As TLC: the state's variables and the error, and the trace goes on.
          if (!(e instanceof ModelEvalError)) throw e;
          return [
            ...variables.map((n, i): [string, Value] => [n, state[i]!]),
            ['_ALIASEvalError', e.message],
          ];
        }
        if (typeof v === 'object' && v.tag === Tag.Record) return v.names.map((n, i) => [n, v.values[i]]);
        // TLC makes a state of the ALIAS's value, which only a record can be: anything else fails as above.
        return [
          ...variables.map((n, i): [string, Value] => [n, state[i]!]),
          [
            '_ALIASEvalError',
            `The ALIAS ${cfg.alias!.name} must evaluate to a record, not ${printValue(v)}.`,
          ],
        ];
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
    statePredicate(x: ScopedExpr) {
      const p = statePred('predicate', x);
      return (state: State) => p.holds(state);
    },
    actionPredicate(x: ScopedExpr) {
      const p = actionPred('action', x);
      return (from: State, to: State) => p.holds(from, to);
    },
    enabled(x: ScopedExpr) {
      const p = statePred('ENABLED', {
        expr: { kind: 'Enabled', loc: x.expr.loc, expr: x.expr },
        scope: x.scope,
      });
      const asAction = actionPred('ENABLED', x);
      return (state: State) => {
        try {
          return p.holds(state);
        } catch (e) {
          if (!(e instanceof ModelEvalError) || e.kind !== 'unassigned') throw e;
          // A primes an expression of the variables (a refinement mapping, `b <- n % 2 = 1`), so it
          // cannot be run to find a next state: it is enabled when a successor of the spec satisfies it.
          for (const t of model.successors(state, { level: 1 }))
            if (asAction.holds(state, t.state)) return true;
          return false;
        }
      };
    },
    evaluate(expr: Expr, state?: State, next?: State): Value {
      const t = b.value(expr, rootScope);
      return run(t, makeCtx((state ?? []) as Value[], (next ?? null) as Value[] | null));
    },
  };
  return { value: model, diagnostics: b.diagnostics };
}

/** TLC's sentence naming the variables a state leaves unassigned, or undefined when all are assigned. */
function unassigned(state: readonly (Value | undefined)[], variables: readonly string[]): string | undefined {
  const missing: string[] = [];
  for (let i = 0; i < state.length; i++) if (state[i] === undefined) missing.push(variables[i]);
  if (missing.length === 0) return undefined;
  return missing.length === 1
    ? `The following variable is not assigned: ${missing[0]}.`
    : `The following variables are not assigned: ${missing.join(', ')}.`;
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
