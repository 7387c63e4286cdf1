/**
 * Native operators of the language itself and of Naturals/Integers: logic,
 * equality, sets, integer arithmetic, with TLC's errors.
 */
import {
  asFcn,
  asInt,
  asSet,
  BOOLEAN_SET,
  BuiltinSet,
  bigUnion,
  fcnDomain,
  IntervalValue,
  intAdd,
  intDiv,
  intMod,
  intMul,
  intNeg,
  intPow,
  intSub,
  ProductSet,
  SubsetSet,
  setContains,
  setIntersect,
  setMinus,
  setSubsetEq,
  setUnion,
  valueEquals,
} from '../value/index.js';
import { asBool, compileExpr, located } from './compile-expr.js';
import { binary, constant, def, inRange, intBinary, unary } from './native-table.js';
import { evalFail, locate } from './runtime.js';

// ------------------------------------------------------------------ logic

def('/\\', -1, (args, _loc, env) => {
  const parts = args.map((a) => compileExpr(a, env));
  const locs = args.map((a) => a.loc);
  if (parts.length === 2) {
    const [p, q] = parts;
    return (c, f) => asBool(p(c, f), locs[0], 'conjunct') && asBool(q(c, f), locs[1], 'conjunct');
  }
  return (c, f) => {
    for (let i = 0; i < parts.length; i++) if (!asBool(parts[i](c, f), locs[i], 'conjunct')) return false;
    return true;
  };
});

def('\\/', -1, (args, _loc, env) => {
  const parts = args.map((a) => compileExpr(a, env));
  const locs = args.map((a) => a.loc);
  return (c, f) => {
    for (let i = 0; i < parts.length; i++) if (asBool(parts[i](c, f), locs[i], 'disjunct')) return true;
    return false;
  };
});

def('~', 1, (args, loc, env) => {
  const a = compileExpr(args[0], env);
  return (c, f) => !asBool(a(c, f), loc, 'argument of ~');
});

def('=>', 2, (args, loc, env) => {
  const a = compileExpr(args[0], env);
  const b = compileExpr(args[1], env);
  return (c, f) => !asBool(a(c, f), loc, 'antecedent of =>') || asBool(b(c, f), loc, 'consequent of =>');
});

def('<=>', 2, (args, loc, env) => {
  const a = compileExpr(args[0], env);
  const b = compileExpr(args[1], env);
  return (c, f) => asBool(a(c, f), loc, 'argument of <=>') === asBool(b(c, f), loc, 'argument of <=>');
});

/** `=`: identical primitives and same-kind primitives are decided inline; the rest by valueEquals. */
function equality(name: string, negate: boolean): void {
  def(name, 2, (args, loc, env) => {
    const a = compileExpr(args[0], env);
    const b = compileExpr(args[1], env);
    return (c, f) => {
      const x = a(c, f);
      const y = b(c, f);
      if (x === y) return !negate;
      const tx = typeof x;
      if (tx !== 'object' && tx === typeof y) return negate;
      try {
        return valueEquals(x, y) !== negate;
      } catch (e) {
        return locate(e, loc);
      }
    };
  });
}
equality('=', false);
equality('/=', true);
constant('TRUE', true);
constant('FALSE', false);

for (const t of ['[]', '<>', '~>', '-+->', 'ENABLED']) {
  def(t, t === '[]' || t === '<>' || t === 'ENABLED' ? 1 : 2, (_args, loc) =>
    evalFail('other', `The temporal operator ${t} cannot be evaluated on a state or a step.`, loc),
  );
}

// ------------------------------------------------------------------ sets

binary('\\in', (a, s) => setContains(asSet(s), a));
binary('\\notin', (a, s) => !setContains(asSet(s), a));
binary('\\cup', (a, b) => setUnion(asSet(a), asSet(b)));
binary('\\cap', (a, b) => setIntersect(asSet(a), asSet(b)));
binary('\\', (a, b) => setMinus(asSet(a), asSet(b)));
binary('\\subseteq', (a, b) => setSubsetEq(asSet(a), asSet(b)));
binary('\\supseteq', (a, b) => setSubsetEq(asSet(b), asSet(a)));
binary('\\subset', (a, b) => setSubsetEq(asSet(a), asSet(b)) && !valueEquals(a, b));
binary('\\supset', (a, b) => setSubsetEq(asSet(b), asSet(a)) && !valueEquals(a, b));
unary('SUBSET', (a) => new SubsetSet(asSet(a)));
unary('UNION', (a) => bigUnion(asSet(a)));
unary('DOMAIN', (a) => fcnDomain(asFcn(a)));
def('\\X', -1, (args, loc, env) => {
  const parts = args.map((a) => compileExpr(a, env));
  return located((c, f) => new ProductSet(parts.map((p) => asSet(p(c, f)))), loc);
});
constant('BOOLEAN', BOOLEAN_SET);
constant('STRING', BuiltinSet.STRING);

// ------------------------------------------------------------------ Naturals, Integers

constant('Nat', BuiltinSet.Nat);
constant('Int', BuiltinSet.Int);
intBinary('+', intAdd, (a, b) => inRange(a + b));
intBinary('-', intSub, (a, b) => inRange(a - b));
intBinary('*', intMul, (a, b) => inRange(a * b));
intBinary('^', intPow);
intBinary('%', intMod);
intBinary('\\div', intDiv);
intBinary(
  '<',
  (a, b) => a < b,
  (a, b) => a < b,
);
intBinary(
  '>',
  (a, b) => a > b,
  (a, b) => a > b,
);
intBinary(
  '<=',
  (a, b) => a <= b,
  (a, b) => a <= b,
);
intBinary(
  '>=',
  (a, b) => a >= b,
  (a, b) => a >= b,
);
intBinary('..', (a, b) => new IntervalValue(a, b));
unary('-.', (a) => intNeg(asInt(a, '-')));
