/**
 * Operator-valued arguments (`F(_)` parameters): LAMBDAs and operator names
 * become closures that the callee applies.
 */
import type { Expr, Lambda } from '../../tla/ast.js';
import type { Value } from '../value/index.js';
import { compileExpr } from './compile-expr.js';
import { compileBindingUse, defValueForm, mergeDeps } from './compile-ops.js';
import type { CEnv } from './env.js';
import { evalFail, type Fn, hop, type OpClosure } from './runtime.js';
import { Scope } from './scope.js';

/** An operator-valued argument: a LAMBDA, or the name of an operator. */
export function compileOpArg(e: Expr, arity: number, env: CEnv): Fn {
  if (e.kind === 'Lambda') return compileLambda(e, env);
  if (e.kind === 'Ident') {
    const b = env.scope.lookup(e.name);
    if (b?.kind === 'local' && b.arity > 0)
      return compileBindingUse({ ...b, arity: 0 }, e.name, [], e.loc, env);
    if (b?.kind === 'def') {
      const entry = b.entry;
      const form = defValueForm(entry, env.primed, env);
      mergeDeps(env.deps, form.deps);
      env.deps.local = true;
      const hops = env.depth - entry.depth;
      const alloc = form.alloc;
      return (_c, f) => {
        const up = hop(f, hops);
        const op: OpClosure = {
          arity,
          call(c2, args) {
            const v = new Array(alloc.size);
            for (let i = 0; i < args.length; i++) v[i] = args[i];
            return form.fn!(c2, { v, up });
          },
        };
        return op as unknown as Value;
      };
    }
    // A built-in or anything else: LAMBDA p1, ..., pn : name(p1, ..., pn)
    const params = Array.from({ length: arity }, (_, i) => `__p${i}`);
    const lam: Lambda = {
      kind: 'Lambda',
      loc: e.loc,
      params,
      body: {
        kind: 'OpApp',
        loc: e.loc,
        name: e.name,
        args: params.map((p) => ({ kind: 'Ident', loc: e.loc, name: p })),
      },
    };
    return compileLambda(lam, env);
  }
  return evalFail('other', 'Expected an operator as argument.', e.loc);
}

function compileLambda(e: Lambda, env: CEnv): Fn {
  const scope = new Scope(env.scope, env.scope.module);
  e.params.forEach((p, i) => {
    scope.set(p, { kind: 'local', depth: env.depth + 1, slot: i, arity: 0, name: p });
  });
  const alloc = { size: e.params.length };
  const body = compileExpr(e.body, { ...env, scope, depth: env.depth + 1, alloc });
  const arity = e.params.length;
  return (_c, f) => {
    const op: OpClosure = {
      arity,
      call(c2, args) {
        const v = new Array(alloc.size);
        for (let i = 0; i < args.length; i++) v[i] = args[i];
        return body(c2, { v, up: f });
      },
    };
    return op as unknown as Value;
  };
}
