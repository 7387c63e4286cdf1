/**
 * Native operators of the standard modules TLC overrides with Java code:
 * Sequences, FiniteSets, TLC, Bags, TLCExt.
 */
import {
  type AnySet,
  applyFcn,
  asFcn,
  asInt,
  asSet,
  cardinality,
  fcnDomain,
  fcnMerge,
  forceFcn,
  intAdd,
  isFcn,
  ModelValue,
  makeFcn,
  makeSet,
  printValue,
  SeqSet,
  type SetValue,
  seqElems,
  setElems,
  singletonFcn,
  Tag,
  TupleValue,
  type Value,
  valueEquals,
} from '../value/index.js';
import { compileFilterCount } from './compile-count.js';
import { asBool, compileExpr, located } from './compile-expr.js';
import { compileOpArg } from './compile-oparg.js';
import { binary, def, unary } from './native-table.js';
import { evalFail, locate, type OpClosure } from './runtime.js';

// ------------------------------------------------------------------ Sequences

function seqOrString(v: Value, op: string): readonly Value[] | string {
  return typeof v === 'string' ? v : seqElems(v, op);
}

unary('Seq', (s) => new SeqSet(asSet(s)));
unary('Len', (s) => seqOrString(s, 'Len').length);
binary('\\o', (a, b) => {
  const x = seqOrString(a, '\\o');
  const y = seqOrString(b, '\\o');
  if (typeof x === 'string' && typeof y === 'string') return x + y;
  if (typeof x === 'string' || typeof y === 'string') {
    return evalFail(
      'type',
      `Attempted to concatenate a string and a sequence: ${printValue(a)} \\o ${printValue(b)}`,
    );
  }
  return new TupleValue([...x, ...y]);
});
binary('Append', (s, e) => new TupleValue([...seqElems(s, 'Append'), e]));
unary('Head', (s) => {
  const xs = seqElems(s, 'Head');
  if (xs.length === 0) return evalFail('domain', 'Attempted to apply Head to the empty sequence.');
  return xs[0];
});
unary('Tail', (s) => {
  if (typeof s === 'string') {
    if (s.length === 0) return evalFail('domain', 'Attempted to apply Tail to the empty string.');
    return s.slice(1);
  }
  const xs = seqElems(s, 'Tail');
  if (xs.length === 0) return evalFail('domain', 'Attempted to apply Tail to the empty sequence.');
  return new TupleValue(xs.slice(1));
});
def('SubSeq', 3, (args, loc, env) => {
  const [s, m, n] = args.map((a) => compileExpr(a, env));
  return located((c, f) => {
    const sv = s(c, f);
    const lo = asInt(m(c, f), 'SubSeq');
    const hi = asInt(n(c, f), 'SubSeq');
    const xs = seqOrString(sv, 'SubSeq');
    if (hi < lo) return typeof xs === 'string' ? '' : TupleValue.empty;
    if (lo < 1 || hi > xs.length) {
      return evalFail(
        'domain',
        `The second and third arguments of SubSeq must be in the domain of its first argument:\n${printValue(sv)}\nbut instead they are:\n${lo}\nand\n${hi}`,
      );
    }
    return typeof xs === 'string' ? xs.slice(lo - 1, hi) : new TupleValue(xs.slice(lo - 1, hi));
  }, loc);
});
def('SelectSeq', 2, (args, loc, env) => {
  const s = compileExpr(args[0], env);
  const test = compileOpArg(args[1], 1, env);
  return located((c, f) => {
    const xs = seqElems(s(c, f), 'SelectSeq');
    const op = test(c, f) as unknown as OpClosure;
    return new TupleValue(xs.filter((x) => asBool(op.call(c, [x]), loc, 'result of the SelectSeq test')));
  }, loc);
});

// ------------------------------------------------------------------ FiniteSets

unary('IsFiniteSet', (s) => {
  const set = asSet(s);
  return set.tag !== Tag.LazySet || set.finite;
});
// `Cardinality({x \in S : P})` is counted without building the set (compile-count.ts).
def('Cardinality', 1, (args, loc, env) => {
  if (args[0].kind === 'SetFilter') return compileFilterCount(args[0], loc, env);
  const a = compileExpr(args[0], env);
  return (c, f) => {
    const s = a(c, f);
    try {
      return cardinality(asSet(s));
    } catch (e) {
      return locate(e, loc);
    }
  };
});

// ------------------------------------------------------------------ TLC

def('Print', 2, (args, loc, env) => {
  const out = compileExpr(args[0], env);
  const val = compileExpr(args[1], env);
  env.deps.state = true;
  const g = env.g;
  return located((c, f) => {
    const o = out(c, f);
    const v = val(c, f);
    g.print(`${printValue(o)}  ${printValue(v)}`);
    return v;
  }, loc);
});
def('PrintT', 1, (args, loc, env) => {
  const out = compileExpr(args[0], env);
  env.deps.state = true;
  const g = env.g;
  return located((c, f) => {
    g.print(printValue(out(c, f)));
    return true;
  }, loc);
});
def('Assert', 2, (args, loc, env) => {
  const cond = compileExpr(args[0], env);
  const out = compileExpr(args[1], env);
  return (c, f) => {
    const v = cond(c, f);
    if (v === true) return true;
    return evalFail(
      'assert',
      `The first argument of Assert evaluated to FALSE; the second argument was:\n${printValue(out(c, f))}`,
      loc,
    );
  };
});
def('JavaTime', 0, (_args, _loc, env) => {
  env.deps.state = true;
  return () => Date.now() & 0x7fffffff;
});
def('TLCGet', 1, (args, loc, env) => {
  const key = compileExpr(args[0], env);
  env.deps.state = true;
  const g = env.g;
  return located((c, f) => {
    const k = key(c, f);
    if (k === 'level') return c.level;
    if (typeof k === 'number') {
      const v = g.registers.get(k);
      if (v !== undefined) return v;
      return evalFail('other', `TLCGet(${k}) was called before TLCSet(${k}, ...).`);
    }
    return evalFail('other', `TLCGet(${printValue(k)}) is not supported.`);
  }, loc);
});
def('TLCSet', 2, (args, loc, env) => {
  const key = compileExpr(args[0], env);
  const val = compileExpr(args[1], env);
  env.deps.state = true;
  const g = env.g;
  return located((c, f) => {
    const k = key(c, f);
    if (typeof k !== 'number') return evalFail('other', `TLCSet(${printValue(k)}, ...) is not supported.`);
    g.registers.set(k, val(c, f));
    return true;
  }, loc);
});
binary(':>', singletonFcn);
binary('@@', (a, b) => fcnMerge(asFcn(a), asFcn(b)));
unary('Permutations', (s) => permutations(asSet(s)));
def('SortSeq', 2, (args, loc, env) => {
  const s = compileExpr(args[0], env);
  const less = compileOpArg(args[1], 2, env);
  return located((c, f) => {
    const xs = [...seqElems(s(c, f), 'SortSeq')];
    const op = less(c, f) as unknown as OpClosure;
    xs.sort((x, y) => (asBool(op.call(c, [x, y]), loc, 'SortSeq comparator') ? -1 : x === y ? 0 : 1));
    return new TupleValue(xs);
  }, loc);
});
def('RandomElement', 1, (args, loc, env) => {
  const s = compileExpr(args[0], env);
  env.deps.state = true;
  return located((c, f) => {
    const xs = setElems(asSet(s(c, f)));
    if (xs.length === 0) return evalFail('other', 'Attempted to apply RandomElement to the empty set.');
    return xs[Math.floor(Math.random() * xs.length)];
  }, loc);
});
def('Any', 0, (_args, loc) => evalFail('other', 'The checker cannot evaluate Any.', loc));
unary('ToString', (v) => printValue(v));
unary('TLCEval', (v) => v);

function permutations(s: AnySet): SetValue {
  const elems = setElems(s);
  const out: Value[] = [];
  const used = new Array<boolean>(elems.length).fill(false);
  const img: Value[] = [];
  const go = (): void => {
    if (img.length === elems.length) {
      out.push(makeFcn(elems, img.slice()));
      return;
    }
    for (let i = 0; i < elems.length; i++) {
      if (used[i]) continue;
      used[i] = true;
      img.push(elems[i]);
      go();
      img.pop();
      used[i] = false;
    }
  };
  go();
  return makeSet(out);
}

// ------------------------------------------------------------------ Bags

function bagCounts(b: Value): { keys: readonly Value[]; counts: number[] } {
  const fn = asFcn(b);
  const keys = setElems(fcnDomain(fn));
  return { keys, counts: keys.map((k) => asInt(applyFcn(fn, k), 'bag count')) };
}

unary('IsABag', (b) => {
  if (!isFcn(b)) return false;
  const f = forceFcn(b);
  const keys = setElems(fcnDomain(f));
  return keys.every((k) => {
    const n = applyFcn(f, k);
    return typeof n === 'number' && n > 0;
  });
});
unary('BagCardinality', (b) => bagCounts(b).counts.reduce((s, n) => intAdd(s, n), 0));
unary('BagUnion', (s) => {
  const keys: Value[] = [];
  const bags = setElems(asSet(s)).map(bagCounts);
  for (const b of bags) keys.push(...b.keys);
  const dom = makeSet(keys).elems;
  const vals = dom.map((k) =>
    bags.reduce((sum, b) => {
      const i = b.keys.findIndex((x) => valueEquals(x, k));
      return i < 0 ? sum : intAdd(sum, b.counts[i]);
    }, 0),
  );
  return makeFcn(dom, vals);
});
unary('SubBag', (b) => {
  const { keys, counts } = bagCounts(b);
  const out: Value[] = [];
  const pick = new Array<number>(keys.length).fill(0);
  for (;;) {
    const dom: Value[] = [];
    const vals: Value[] = [];
    for (let i = 0; i < keys.length; i++) {
      if (pick[i] > 0) {
        dom.push(keys[i]);
        vals.push(pick[i]);
      }
    }
    out.push(makeFcn(dom, vals));
    let k = keys.length - 1;
    while (k >= 0 && pick[k] === counts[k]) pick[k--] = 0;
    if (k < 0) break;
    pick[k]++;
  }
  return makeSet(out);
});
def('BagOfAll', 2, (args, loc, env) => {
  const op = compileOpArg(args[0], 1, env);
  const bag = compileExpr(args[1], env);
  return located((c, f) => {
    const F = op(c, f) as unknown as OpClosure;
    const { keys, counts } = bagCounts(bag(c, f));
    const images = keys.map((k) => F.call(c, [k]));
    const dom = makeSet(images.slice()).elems;
    const vals = dom.map((e) =>
      images.reduce<number>((s, img, i) => (valueEquals(img, e) ? intAdd(s, counts[i]) : s), 0),
    );
    return makeFcn(dom, vals);
  }, loc);
});

// ------------------------------------------------------------------ TLCExt

def('AssertError', 2, (args, _loc, env) => {
  const msg = compileExpr(args[0], env);
  const expr = compileExpr(args[1], env);
  return (c, f) => {
    const want = msg(c, f);
    try {
      expr(c, f);
    } catch (e) {
      return typeof want === 'string' && e instanceof Error && e.message === want;
    }
    return false;
  };
});
unary('TLCModelValue', (name) => {
  if (typeof name !== 'string') return evalFail('type', 'TLCModelValue expects a string.');
  return ModelValue.of(name);
});
