/**
 * What kind of formula a TLA+ expression is, looking through the
 * definitions it uses: temporal (contains `[]`, `<>`, `~>`, WF/SF, ...),
 * action-level (reads primed variables), or a state predicate.
 */
import type { Expr } from '../../tla/ast.js';
import type { Globals } from '../eval/env.js';
import type { Scope } from '../eval/scope.js';

const TEMPORAL_OPS = new Set(['[]', '<>', '~>', '-+->']);

/** The direct subexpressions of `e` (definitions of a LET included). */
export function subExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case 'Num':
    case 'Str':
    case 'Bool':
    case 'Ident':
    case 'At':
      return [];
    case 'OpApp':
      return e.args;
    case 'InstanceRef':
      return [...e.path.flatMap((p) => p.args), ...e.args];
    case 'Lambda':
      return [e.body];
    case 'Let':
      return [
        ...e.defs.flatMap((d) => (d.kind === 'OperatorDef' || d.kind === 'FunctionDef' ? [d.body] : [])),
        e.body,
      ];
    case 'If':
      return [e.cond, e.then, e.else];
    case 'Case':
      return [...e.arms.flatMap((a) => [a.guard, a.body]), ...(e.other ? [e.other] : [])];
    case 'Quant':
      return [...e.bounds.map((b) => b.set), e.body];
    case 'Choose':
      return [...(e.set ? [e.set] : []), e.body];
    case 'SetEnum':
      return e.elems;
    case 'SetFilter':
      return [e.bound.set, e.pred];
    case 'SetMap':
      return [...e.bounds.map((b) => b.set), e.body];
    case 'FcnCtor':
      return [...e.bounds.map((b) => b.set), e.body];
    case 'FcnApp':
      return [e.fcn, ...e.args];
    case 'FcnSet':
      return [e.domain, e.range];
    case 'RecordCtor':
      return e.fields.map((f) => f.value);
    case 'RecordSet':
      return e.fields.map((f) => f.set);
    case 'FieldAccess':
      return [e.record];
    case 'Tuple':
      return e.elems;
    case 'Except':
      return [
        e.fcn,
        ...e.updates.flatMap((u) => [...u.path.flatMap((s) => (s.kind === 'index' ? s.args : [])), u.value]),
      ];
    case 'Prime':
    case 'Unchanged':
    case 'Enabled':
      return [e.expr];
    case 'ActionBox':
    case 'ActionAngle':
      return [e.action, e.sub];
    case 'Fairness':
      return [e.sub, e.action];
    case 'TemporalQuant':
      return [e.body];
  }
}

/**
 * The definition `I!Op` refers to, for an instance without parameters
 * (`I == INSTANCE M WITH ...`): refinement properties are usually written so.
 */
export function instanceDefinition(
  e: Extract<Expr, { kind: 'InstanceRef' }>,
  scope: Scope,
  globals: Globals,
): ReturnType<typeof userDefinition> {
  if (e.path.length !== 1 || e.path[0]!.args.length > 0) return undefined;
  const b = scope.lookup(e.path[0]!.name);
  if (b?.kind !== 'instance' || b.def.params.length > 0) return undefined;
  return userDefinition(e.name, globals.instanceScope(b));
}

/** The body of the user operator `name` refers to in `scope`, if it is one. */
export function userDefinition(
  name: string,
  scope: Scope,
): { body: Expr; scope: Scope; params: readonly { name: string; arity: number }[] } | undefined {
  const b = scope.lookup(name);
  if (b?.kind === 'def' && b.entry.def.kind === 'OperatorDef') {
    return { body: b.entry.def.body, scope: b.entry.scope, params: b.entry.def.params };
  }
  return undefined;
}

/** Answers "does this expression (through its definitions) contain X?" with a cache per definition body. */
class DeepSearch {
  private readonly cache = new Map<Expr, boolean>();
  constructor(
    private readonly globals: Globals,
    private readonly hit: (e: Expr) => boolean | undefined,
    /** The answer for an `I!Op` whose definition cannot be looked at. */
    private readonly unknownInstance: boolean,
  ) {}

  test(e: Expr, scope: Scope): boolean {
    const direct = this.hit(e);
    if (direct !== undefined) return direct;
    if (e.kind === 'Ident' || e.kind === 'OpApp') {
      const def = userDefinition(e.name, scope);
      if (def && this.body(def.body, def.scope)) return true;
    }
    if (e.kind === 'InstanceRef') {
      const def = instanceDefinition(e, scope, this.globals);
      if (!def) return this.unknownInstance;
      if (this.body(def.body, def.scope)) return true;
    }
    return subExprs(e).some((s) => this.test(s, scope));
  }

  private body(body: Expr, scope: Scope): boolean {
    const known = this.cache.get(body);
    if (known !== undefined) return known;
    this.cache.set(body, false); // recursive definitions: assume no until shown otherwise
    const r = this.test(body, scope);
    this.cache.set(body, r);
    return r;
  }
}

/** Classifies expressions of one spec; keeps its caches between calls. */
export class ExprLevels {
  private readonly temporal: DeepSearch;
  private readonly action: DeepSearch;

  constructor(globals: Globals) {
    this.temporal = new DeepSearch(
      globals,
      (e) => {
        if (e.kind === 'Fairness' || e.kind === 'TemporalQuant') return true;
        if (e.kind === 'OpApp' && TEMPORAL_OPS.has(e.name)) return true;
        return undefined;
      },
      false,
    );
    // An instance definition it cannot look into is taken for an action: always safe to evaluate on a step.
    this.action = new DeepSearch(
      globals,
      (e) => {
        if (
          e.kind === 'Prime' ||
          e.kind === 'Unchanged' ||
          e.kind === 'ActionBox' ||
          e.kind === 'ActionAngle'
        )
          return true;
        // Primes inside ENABLED are bound by it: ENABLED A is a state predicate.
        if (e.kind === 'Enabled') return false;
        return undefined;
      },
      true,
    );
  }

  /** Contains a temporal operator. */
  isTemporal(e: Expr, scope: Scope): boolean {
    return this.temporal.test(e, scope);
  }

  /** Reads the next state (must be evaluated on a step, not on a state). */
  isAction(e: Expr, scope: Scope): boolean {
    return this.action.test(e, scope);
  }
}
