/**
 * Helpers for natives of the community modules: compiling a native's
 * arguments, values first and operators (`F(_, _)` parameters) as closures.
 */
import type { Expr, Loc } from '../../tla/ast.js';
import type { Value } from '../value/index.js';
import { asBool, compileExpr } from './compile-expr.js';
import { compileOpArg } from './compile-oparg.js';
import type { CEnv } from './env.js';
import { def } from './native-table.js';
import { type Ctx, type Fn, locate, type OpClosure } from './runtime.js';

/** An argument of a native: a value, or an operator of the given arity. */
export type ArgKind = 'value' | number;

/** What a native body receives: the argument values (operators as closures applied in `c`). */
export interface NativeCall {
  readonly c: Ctx;
  readonly args: readonly Value[];
  readonly loc: Loc;
}

/** Applies an operator argument. */
export function apply(call: NativeCall, i: number, ...xs: Value[]): Value {
  return (call.args[i] as unknown as OpClosure).call(call.c, xs);
}

/** Applies a predicate argument; a non-Boolean result is an error. */
export function test(call: NativeCall, i: number, what: string, ...xs: Value[]): boolean {
  return asBool(apply(call, i, ...xs), call.loc, what);
}

/**
 * Registers native `name` whose arguments have the given kinds; `body` runs
 * once per evaluation with every argument evaluated, and errors it raises
 * are located at the call.
 */
export function nativeOp(
  name: string,
  kinds: readonly ArgKind[],
  body: (call: NativeCall) => Value,
  opts: { stateful?: boolean } = {},
): void {
  def(name, kinds.length, (args: readonly Expr[], loc: Loc, env: CEnv) => {
    const fns: Fn[] = args.map((a, i) => {
      const k = kinds[i];
      return k === 'value' ? compileExpr(a, env) : compileOpArg(a, k, env);
    });
    if (opts.stateful) env.deps.state = true;
    return (c, f) => {
      const vals = fns.map((fn) => fn(c, f));
      try {
        return body({ c, args: vals, loc });
      } catch (e) {
        return locate(e, loc);
      }
    };
  });
}
