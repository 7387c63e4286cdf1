/**
 * Folds of the community modules (Folds, FiniteSetsExt, Functions,
 * SequencesExt) evaluated natively: their TLA+ definitions recurse over
 * SUBSET of the set folded, which only a native fold avoids.
 *
 * The order is the definitions': MapThenFoldSet(op, base, f, choose, S)
 * equals op(f(x1), op(f(x2), ... op(f(xn), base))) where x1 = choose(S),
 * x2 = choose(S \ {x1}), ...; the folds that choose with
 * `CHOOSE x \in s : TRUE` take the elements in the checker's value order.
 */
import {
  type AnySet,
  applyFcn,
  asFcn,
  asSet,
  fcnView,
  intAdd,
  intMul,
  makeSet,
  printValue,
  seqElems,
  setElems,
  type Value,
  valueEquals,
} from '../value/index.js';
import { apply, type NativeCall, nativeOp } from './natives-args.js';
import { evalFail } from './runtime.js';

/** op(xs[0], op(xs[1], ... op(xs[n-1], base))) with `op` the operator argument `opIndex`. */
function foldRight(call: NativeCall, opIndex: number, xs: readonly Value[], base: Value): Value {
  let acc = base;
  for (let i = xs.length - 1; i >= 0; i--) acc = apply(call, opIndex, xs[i], acc);
  return acc;
}

/** The elements of `s` in the order `choose` (operator argument `chooseIndex`) takes them. */
function chosenOrder(call: NativeCall, chooseIndex: number, s: AnySet): Value[] {
  const rest = [...setElems(s)];
  const order: Value[] = [];
  while (rest.length > 0) {
    const x = apply(call, chooseIndex, makeSet(rest.slice()));
    const i = rest.findIndex((y) => valueEquals(x, y));
    if (i < 0) {
      return evalFail(
        'other',
        `The choice operator of MapThenFoldSet returned ${printValue(x)}, which is not in the set it was given.`,
      );
    }
    order.push(x);
    rest.splice(i, 1);
  }
  return order;
}

// MapThenFoldSet(op(_,_), base, f(_), choose(_), S)
nativeOp('MapThenFoldSet', [2, 'value', 1, 1, 'value'], (call) => {
  const order = chosenOrder(call, 3, asSet(call.args[4]));
  return foldRight(
    call,
    0,
    order.map((x) => apply(call, 2, x)),
    call.args[1],
  );
});

// FoldSet(op(_,_), base, set); ReduceSet(op(_,_), set, acc)
nativeOp('FoldSet', [2, 'value', 'value'], (call) =>
  foldRight(call, 0, setElems(asSet(call.args[2])), call.args[1]),
);
nativeOp('ReduceSet', [2, 'value', 'value'], (call) =>
  foldRight(call, 0, setElems(asSet(call.args[1])), call.args[2]),
);

nativeOp('SumSet', ['value'], (call) =>
  setElems(asSet(call.args[0])).reduce<number>((s, x) => intAdd(s, asIntElem(x, 'SumSet')), 0),
);
nativeOp('ProductSet', ['value'], (call) =>
  setElems(asSet(call.args[0])).reduce<number>((p, x) => intMul(p, asIntElem(x, 'ProductSet')), 1),
);
// MapThenSumSet(op(_), set): the sum of op(x) over the elements x (equal images count each time).
nativeOp('MapThenSumSet', [1, 'value'], (call) =>
  setElems(asSet(call.args[1])).reduce<number>(
    (s, x) => intAdd(s, asIntElem(apply(call, 0, x), 'MapThenSumSet')),
    0,
  ),
);

// FoldFunction(op(_,_), base, fun); FoldFunctionOnSet(op(_,_), base, fun, indices); FoldSeq(op(_,_), base, seq)
nativeOp('FoldFunction', [2, 'value', 'value'], (call) =>
  foldRight(call, 0, fcnView(asFcn(call.args[2])).values, call.args[1]),
);
nativeOp('FoldSeq', [2, 'value', 'value'], (call) =>
  foldRight(call, 0, fcnView(asFcn(call.args[2])).values, call.args[1]),
);
nativeOp('FoldFunctionOnSet', [2, 'value', 'value', 'value'], (call) => {
  const fn = asFcn(call.args[2]);
  const images = setElems(asSet(call.args[3])).map((i) => applyFcn(fn, i));
  return foldRight(call, 0, images, call.args[1]);
});

// FoldLeft(op(_,_), base, seq) = op(... op(op(base, s[1]), s[2]) ..., s[n])
nativeOp('FoldLeft', [2, 'value', 'value'], (call) =>
  foldLeft(call, call.args[1], seqElems(call.args[2], 'FoldLeft')),
);
// FoldRight(op(_,_), seq, base) = op(s[1], op(s[2], ... op(s[n], base)))
nativeOp('FoldRight', [2, 'value', 'value'], (call) =>
  foldRight(call, 0, seqElems(call.args[1], 'FoldRight'), call.args[2]),
);
nativeOp('FoldLeftDomain', [2, 'value', 'value'], (call) =>
  foldLeft(call, call.args[1], indices(call.args[2], 'FoldLeftDomain')),
);
nativeOp('FoldRightDomain', [2, 'value', 'value'], (call) =>
  foldRight(call, 0, indices(call.args[1], 'FoldRightDomain'), call.args[2]),
);

function foldLeft(call: NativeCall, base: Value, xs: readonly Value[]): Value {
  let acc = base;
  for (const x of xs) acc = apply(call, 0, acc, x);
  return acc;
}

function indices(seq: Value, op: string): number[] {
  return seqElems(seq, op).map((_, i) => i + 1);
}

function asIntElem(x: Value, op: string): number {
  if (typeof x === 'number') return x;
  return evalFail('type', `${op} expects a set of integers, but it contains ${printValue(x)}.`);
}
