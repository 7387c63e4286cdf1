/**
 * Instance-qualified names (`I!Op`, `P(a, 2)!Op`, `I!J!Op`): finding the
 * definition in the instance's scope and the frame chain its code runs in.
 */
import type { InstanceRef } from '../../tla/ast.js';
import { arityError, compileArgs, compileBindingUse, defCall, varArgSig } from './compile-ops.js';
import type { CEnv } from './env.js';
import { compileNative } from './natives.js';
import { type Ctx, evalFail, type Fn, type Frame, hop } from './runtime.js';
import type { Binding } from './scope.js';

/** What an `I!Op` or `P(a)!Op` names: the definition's binding and how to reach its frame chain. */
export interface ResolvedInstanceRef {
  binding: Binding;
  /** Frame that is the parent of the definition's call frame, from the caller's frame. */
  up: (c: Ctx, f: Frame | null) => Frame | null;
  /** Depth the definition's enclosing frame has. */
  depth: number;
}

export function resolveInstanceRef(e: InstanceRef, env: CEnv): ResolvedInstanceRef {
  let scope = env.scope;
  let up: (c: Ctx, f: Frame | null) => Frame | null = (_c, f) => f;
  let depth = env.depth;
  let first = true;
  for (const step of e.path) {
    const b = first ? scope.lookup(step.name) : scope.own(step.name);
    first = false;
    if (b?.kind !== 'instance') return evalFail('other', `${step.name} is not an instance.`, e.loc);
    const prevUp = up;
    const prevDepth = depth;
    const hops = prevDepth - b.depth;
    if (b.def.params.length !== step.args.length) {
      return arityError(step.name, b.def.params.length, step.args.length, e.loc);
    }
    if (b.def.params.length > 0) {
      const argFns = compileArgs(b.def.params, step.args, env);
      up = (c, f) => {
        const v = argFns.map((a) => a(c, f));
        return { v, up: hop(prevUp(c, f), hops) };
      };
      depth = b.depth + 1;
    } else {
      up = (c, f) => hop(prevUp(c, f), hops);
      depth = b.depth;
    }
    scope = env.g.instanceScope(b);
  }
  const target = scope.own(e.name) ?? scope.lookup(e.name);
  if (!target) return evalFail('other', `The instance has no definition ${e.name}.`, e.loc);
  return { binding: target, up, depth };
}

export function compileInstanceRef(e: InstanceRef, env: CEnv): Fn {
  const r = resolveInstanceRef(e, env);
  const b = r.binding;
  if (b.kind === 'def') {
    const def = b.entry.def;
    const params = def.kind === 'OperatorDef' ? def.params : [];
    if (e.args.length !== params.length) return arityError(e.name, params.length, e.args.length, e.loc);
    const call = defCall(b.entry, compileArgs(params, e.args, env), env, varArgSig(params, e.args, env));
    const hops = r.depth - b.entry.depth;
    const up = r.up;
    return (c, f) => call(c, f, hop(up(c, f), hops));
  }
  // A non-definition (a substituted constant, a built-in re-exported): evaluate it at the instance's depth.
  const inner: CEnv = { ...env, depth: r.depth };
  if (b.kind === 'native') return compileNative(b.name, e.args, e.loc, env);
  const fn = compileBindingUse(b, e.name, e.args, e.loc, inner);
  const up = r.up;
  return (c, f) => fn(c, up(c, f));
}
