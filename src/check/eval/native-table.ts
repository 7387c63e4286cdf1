/**
 * The table of natively evaluated operators and the helpers that register
 * them (natives-core.ts, natives-stdlib.ts fill it).
 */
import type { Expr, Loc } from '../../tla/ast.js';
import { asInt, type Value } from '../value/index.js';
import { compileExpr } from './compile-expr.js';
import type { CEnv } from './env.js';
import { type Ctx, evalFail, type Fn, locate } from './runtime.js';

export type Native = (args: readonly Expr[], loc: Loc, env: CEnv) => Fn;

const table = new Map<string, { arity: number; make: Native }>();

export function def(name: string, arity: number, make: Native): void {
  table.set(name, { arity, make });
}

export function constant(name: string, v: Value): void {
  def(name, 0, () => () => v);
}

export function unary(name: string, op: (a: Value, c: Ctx) => Value): void {
  def(name, 1, (args, loc, env) => {
    const a = compileExpr(args[0], env);
    return (c, f) => {
      const x = a(c, f);
      try {
        return op(x, c);
      } catch (e) {
        return locate(e, loc);
      }
    };
  });
}

export function binary(name: string, op: (a: Value, b: Value) => Value): void {
  def(name, 2, (args, loc, env) => {
    const a = compileExpr(args[0], env);
    const b = compileExpr(args[1], env);
    return (c, f) => {
      const x = a(c, f);
      const y = b(c, f);
      try {
        return op(x, y);
      } catch (e) {
        return locate(e, loc);
      }
    };
  });
}

/** An integer operator; `fast` handles two integers (undefined: fall back to `op`, which raises TLC's errors). */
export function intBinary(
  name: string,
  op: (a: number, b: number) => Value,
  fast?: (a: number, b: number) => Value | undefined,
): void {
  const slow = (x: Value, y: Value): Value => op(asInt(x, name), asInt(y, name));
  if (!fast) {
    binary(name, slow);
    return;
  }
  def(name, 2, (args, loc, env) => {
    const a = compileExpr(args[0], env);
    const b = compileExpr(args[1], env);
    return (c, f) => {
      const x = a(c, f);
      const y = b(c, f);
      if (typeof x === 'number' && typeof y === 'number') {
        const r = fast(x, y);
        if (r !== undefined) return r;
      }
      try {
        return slow(x, y);
      } catch (e) {
        return locate(e, loc);
      }
    };
  });
}

const MAX_INT = 2147483647;
const MIN_INT = -2147483648;
export const inRange = (r: number): number | undefined => (r <= MAX_INT && r >= MIN_INT ? r : undefined);

export function hasNative(name: string): boolean {
  return table.has(name);
}

export function compileNative(name: string, args: readonly Expr[], loc: Loc, env: CEnv): Fn {
  const n = table.get(name);
  if (!n) return evalFail('other', `Unknown operator: ${name}.`, loc);
  const variadic = name === '/\\' || name === '\\/' || name === '\\X';
  if (!variadic && n.arity !== args.length) {
    return evalFail(
      'other',
      `The operator ${name} requires ${n.arity} arguments, but is given ${args.length}.`,
      loc,
    );
  }
  return n.make(args, loc, env);
}
