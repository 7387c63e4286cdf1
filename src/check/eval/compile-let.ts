/**
 * LET: local definitions. Zero-arity ones are evaluated at most once per
 * entry into the LET (cached in a frame slot, unless they read the next
 * state); ones with parameters and recursive functions are ordinary
 * definitions whose frames hang below the LET's frame; a named INSTANCE is
 * built, like a top-level one, when first used.
 */
import type { LetIn } from '../../tla/ast.js';
import { compileExpr } from './compile-expr.js';
import { type CEnv, newSlot } from './env.js';
import type { Fn } from './runtime.js';
import { type DefEntry, type LetEnv, Scope } from './scope.js';

/** Adds the LET's definitions to a new scope; returns it with the slots to reset on entry. */
export function letScope(e: LetIn, env: CEnv): { scope: Scope; resets: number[] } {
  const scope = new Scope(env.scope, env.scope.module);
  const letEnv: LetEnv = { scope, depth: env.depth, alloc: env.alloc };
  const resets: number[] = [];
  for (const d of e.defs) {
    if (d.kind === 'RecursiveDecl') continue;
    if (d.kind === 'InstanceDef') {
      // A named instance local to the LET (TLC's trace specs use them): like a top-level one, owned here.
      scope.set(d.name, {
        kind: 'instance',
        def: d,
        owner: scope,
        depth: env.depth,
        module: d.instance.module,
      });
      continue;
    }
    const entry: DefEntry = {
      name: d.name,
      module: env.scope.module,
      def: d,
      scope,
      depth: env.depth,
      forms: {},
    };
    if (d.kind === 'OperatorDef' && d.params.length === 0) {
      const slot = newSlot(env);
      resets.push(slot);
      scope.set(d.name, { kind: 'letValue', depth: env.depth, slot, entry, letEnv });
    } else {
      scope.set(d.name, { kind: 'def', entry });
    }
  }
  return { scope, resets };
}

export function compileLet(e: LetIn, env: CEnv): Fn {
  const { scope, resets } = letScope(e, env);
  const body = compileExpr(e.body, { ...env, scope });
  if (resets.length === 0) return body;
  if (resets.length === 1) {
    const s0 = resets[0];
    return (c, f) => {
      f!.v[s0] = undefined;
      return body(c, f);
    };
  }
  return (c, f) => {
    for (let i = 0; i < resets.length; i++) f!.v[resets[i]] = undefined;
    return body(c, f);
  };
}
