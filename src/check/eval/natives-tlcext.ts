/**
 * TLCExt operators evaluated natively (AssertError and TLCModelValue live
 * with the other TLC natives in natives-stdlib.ts).
 */
import { fingerprint, printValue, type Value, valueEquals } from '../value/index.js';
import { compileExpr, located } from './compile-expr.js';
import { compileOpArg } from './compile-oparg.js';
import type { Globals } from './env.js';
import { def } from './native-table.js';
import { evalFail, type OpClosure } from './runtime.js';

// AssertEq(a, b): a = b, printing both when they differ.
def('AssertEq', 2, (args, loc, env) => {
  const a = compileExpr(args[0], env);
  const b = compileExpr(args[1], env);
  env.deps.state = true;
  const g = env.g;
  return located((c, f) => {
    const x = a(c, f);
    const y = b(c, f);
    if (valueEquals(x, y)) return true;
    g.print('"Assertion failed"');
    g.print(printValue(x));
    g.print(printValue(y));
    return false;
  }, loc);
});

/** Register `key`'s value, or undefined when it has none ("level" is the level of the state). */
function register(g: Globals, key: Value, level: number): Value | undefined {
  if (key === 'level') return level;
  return typeof key === 'number' ? g.registers.get(key) : undefined;
}

// TLCGetOrDefault(key, default)
def('TLCGetOrDefault', 2, (args, loc, env) => {
  const key = compileExpr(args[0], env);
  const dflt = compileExpr(args[1], env);
  env.deps.state = true;
  const g = env.g;
  return located((c, f) => register(g, key(c, f), c.level) ?? dflt(c, f), loc);
});

// TLCGetAndSet(key, Op(_, _), val, default): sets the register to Op(old, val), equals old.
def('TLCGetAndSet', 4, (args, loc, env) => {
  const key = compileExpr(args[0], env);
  const op = compileOpArg(args[1], 2, env);
  const val = compileExpr(args[2], env);
  const dflt = compileExpr(args[3], env);
  env.deps.state = true;
  const g = env.g;
  return located((c, f) => {
    const k = key(c, f);
    if (typeof k !== 'number')
      return evalFail('other', `TLCGetAndSet(${printValue(k)}, ...) needs an integer key.`);
    const old = register(g, k, c.level) ?? dflt(c, f);
    const update = op(c, f) as unknown as OpClosure;
    g.registers.set(k, update.call(c, [old, val(c, f)]));
    return old;
  }, loc);
});

// TLCDefer(e): evaluation deferred "to later or never"; the checker never evaluates e.
def('TLCDefer', 1, () => () => true);

// TLCFP(v): the low 32 bits of v's fingerprint, as an integer.
const fp = new Uint32Array(2);
def('TLCFP', 1, (args, loc, env) => {
  const v = compileExpr(args[0], env);
  return located((c, f) => {
    fingerprint(v(c, f), fp);
    return fp[1] | 0;
  }, loc);
});

def(
  'Trace',
  0,
  (_args, loc) => () =>
    evalFail(
      'other',
      'TLCExt!Trace (the behavior leading to the current state) is not available in the embedded checker; keep the history in a variable of the spec instead.',
      loc,
    ),
);
