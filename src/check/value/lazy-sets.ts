/**
 * Sets that answer membership without being expanded: Nat, Int, STRING,
 * SUBSET S, [S -> T], Seq(S), [a : S, b : T], S \X T and filters. Finite ones
 * expand on demand to explicit sets in TLC's order.
 */
import { cartesian, setInCanonicalOrder, subsetsInOrder } from './canonical-order.js';
import { fcnView } from './compare.js';
import { fail } from './fail.js';
import { forceFcn, makeFcn, makeSet, setElems, setSize } from './force.js';
import {
  type AnySet,
  isFcn,
  isFiniteSet,
  isSet,
  LazySet,
  RecordValue,
  SetValue,
  Tag,
  TupleValue,
  type Value,
} from './kinds.js';
import { setContains } from './ops.js';
import { printValue } from './print.js';

function unbounded(what: string): never {
  fail('unbounded', `Attempted to enumerate a set of the form ${what}, which is infinite.`);
}

/** Nat, Int and STRING. */
export class BuiltinSet extends LazySet {
  constructor(readonly name: 'Nat' | 'Int' | 'STRING') {
    super();
  }
  readonly finite = false;
  contains(v: Value): boolean {
    if (this.name === 'STRING') return typeof v === 'string';
    if (typeof v === 'number') return this.name === 'Int' || v >= 0;
    // TLC: an untyped model value is simply not a number; anything else is an error.
    if (typeof v === 'object' && v.tag === Tag.ModelValue && v.type === undefined) return false;
    return fail('type', `Attempted to check if the value:\n${printValue(v)}\nis an element of ${this.name}.`);
  }
  protected expand(): SetValue {
    return unbounded(this.name);
  }
  show(): string {
    return this.name;
  }
  static readonly Nat = new BuiltinSet('Nat');
  static readonly Int = new BuiltinSet('Int');
  static readonly STRING = new BuiltinSet('STRING');
}

/** SUBSET S */
export class SubsetSet extends LazySet {
  constructor(readonly base: AnySet) {
    super();
    this.finite = isFiniteSet(base);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    if (!isSet(v)) return false;
    for (const e of setElems(v)) if (!setContains(this.base, e)) return false;
    return true;
  }
  override size(): number {
    return 2 ** setSize(this.base);
  }
  protected expand(): SetValue {
    if (!this.finite) unbounded('SUBSET S for an infinite S');
    const b = setElems(this.base);
    if (b.length > 24) fail('other', `Attempted to enumerate SUBSET of a set with ${b.length} elements.`);
    return setInCanonicalOrder(subsetsInOrder(b));
  }
  show(print: (v: Value) => string): string {
    return `SUBSET ${print(this.base)}`;
  }
}

/** [S -> T] */
export class FcnSet extends LazySet {
  constructor(
    readonly domain: AnySet,
    readonly range: AnySet,
  ) {
    super();
    this.finite = isFiniteSet(domain) && isFiniteSet(range);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    if (!isFcn(v)) return false;
    const f = forceFcn(v);
    const d = this.domain;
    if (f.tag === Tag.Tuple && d.tag === Tag.Interval) {
      // [1..n -> T] and a tuple: no domain to build or compare element by element.
      const n = f.elems.length;
      if (n !== d.size || (n > 0 && d.lo !== 1)) return false;
      for (let i = 0; i < n; i++) if (!setContains(this.range, f.elems[i])) return false;
      return true;
    }
    const { domain: fdom, values } = fcnView(f);
    const delems = setElems(d);
    if (fdom.length !== delems.length) return false;
    // Both domains are canonical: when they hold the same elements (identical, as model values and
    // strings are) position by position, no membership test is needed.
    let i = 0;
    while (i < fdom.length && fdom[i] === delems[i]) i++;
    for (; i < fdom.length; i++) if (!setContains(d, fdom[i])) return false;
    for (const x of values) if (!setContains(this.range, x)) return false;
    return true;
  }
  override size(): number {
    return setSize(this.range) ** setSize(this.domain);
  }
  protected expand(): SetValue {
    if (!this.finite) unbounded('[S -> T] for an infinite S or T');
    const dom = setElems(this.domain);
    const rng = setElems(this.range);
    // One function per choice of a range element for each domain element, in TLC's order.
    return setInCanonicalOrder(
      cartesian(
        dom.map(() => rng),
        (vals) => makeFcn(dom, vals),
      ),
    );
  }
  show(print: (v: Value) => string): string {
    return `[${print(this.domain)} -> ${print(this.range)}]`;
  }
}

/** Seq(S) */
export class SeqSet extends LazySet {
  constructor(readonly base: AnySet) {
    super();
  }
  readonly finite = false;
  contains(v: Value): boolean {
    if (!isFcn(v)) return false;
    const f = forceFcn(v);
    if (f.tag !== Tag.Tuple) return false;
    for (const x of f.elems) if (!setContains(this.base, x)) return false;
    return true;
  }
  protected expand(): SetValue {
    return unbounded('Seq(S)');
  }
  show(print: (v: Value) => string): string {
    return `Seq(${print(this.base)})`;
  }
}

/** [a : S, b : T] (field names sorted). */
export class RecordSet extends LazySet {
  constructor(
    readonly names: readonly string[],
    readonly sets: readonly AnySet[],
  ) {
    super();
    this.finite = sets.every(isFiniteSet);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    if (typeof v !== 'object' || v.tag !== Tag.Record) return false;
    if (v.names.length !== this.names.length) return false;
    for (let i = 0; i < this.names.length; i++) {
      if (v.names[i] !== this.names[i] || !setContains(this.sets[i], v.values[i])) return false;
    }
    return true;
  }
  override size(): number {
    return this.sets.reduce((n, s) => n * setSize(s), 1);
  }
  protected expand(): SetValue {
    if (!this.finite) unbounded('[a : S] for an infinite S');
    return setInCanonicalOrder(
      cartesian(this.sets.map(setElems), (vals) => new RecordValue(this.names, vals)),
    );
  }
  show(print: (v: Value) => string): string {
    return `[${this.names.map((n, i) => `${n} : ${print(this.sets[i])}`).join(', ')}]`;
  }
}

/** S1 \X S2 \X ... */
export class ProductSet extends LazySet {
  constructor(readonly sets: readonly AnySet[]) {
    super();
    this.finite = sets.every(isFiniteSet);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    if (!isFcn(v)) return false;
    const f = forceFcn(v);
    if (f.tag !== Tag.Tuple || f.elems.length !== this.sets.length) return false;
    for (let i = 0; i < this.sets.length; i++) if (!setContains(this.sets[i], f.elems[i])) return false;
    return true;
  }
  override size(): number {
    return this.sets.reduce((n, s) => n * setSize(s), 1);
  }
  protected expand(): SetValue {
    if (!this.finite) unbounded('S \\X T for an infinite S or T');
    return setInCanonicalOrder(cartesian(this.sets.map(setElems), (vals) => new TupleValue(vals)));
  }
  show(print: (v: Value) => string): string {
    return this.sets.map(print).join(' \\X ');
  }
}

/** {x \in S : P} over an infinite S (finite ones are computed eagerly). */
export class FilterSet extends LazySet {
  constructor(
    readonly base: AnySet,
    readonly pred: (v: Value) => boolean,
  ) {
    super();
    this.finite = isFiniteSet(base);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    return setContains(this.base, v) && this.pred(v);
  }
  protected expand(): SetValue {
    if (!this.finite) unbounded('{x \\in S : P} for an infinite S');
    return new SetValue(setElems(this.base).filter(this.pred));
  }
  show(print: (v: Value) => string): string {
    return `{x \\in ${print(this.base)} : ...}`;
  }
}

/** S \cup T where one side is infinite. */
export class UnionSet extends LazySet {
  constructor(readonly parts: readonly AnySet[]) {
    super();
    this.finite = parts.every(isFiniteSet);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    return this.parts.some((p) => setContains(p, v));
  }
  protected expand(): SetValue {
    if (!this.finite) unbounded('S \\cup T for an infinite S or T');
    return makeSet(this.parts.flatMap((p) => [...setElems(p)]));
  }
  show(print: (v: Value) => string): string {
    return this.parts.map(print).join(' \\cup ');
  }
}

/**
 * S \ T where S is infinite (TLC's SetDiffValue): membership is decided
 * without enumerating, `x \in S /\ x \notin T`.
 */
export class DiffSet extends LazySet {
  constructor(
    readonly left: AnySet,
    readonly right: AnySet,
  ) {
    super();
    this.finite = isFiniteSet(left);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    return setContains(this.left, v) && !setContains(this.right, v);
  }
  protected expand(): SetValue {
    if (!this.finite) unbounded('S \\ T for an infinite S');
    return new SetValue(setElems(this.left).filter((x) => !setContains(this.right, x)));
  }
  show(print: (v: Value) => string): string {
    return `${print(this.left)} \\ ${print(this.right)}`;
  }
}

/** S \cap T where both sides are infinite (TLC's SetCapValue): membership in both. */
export class IntersectSet extends LazySet {
  constructor(
    readonly left: AnySet,
    readonly right: AnySet,
  ) {
    super();
    this.finite = isFiniteSet(left) || isFiniteSet(right);
  }
  readonly finite: boolean;
  contains(v: Value): boolean {
    return setContains(this.left, v) && setContains(this.right, v);
  }
  protected expand(): SetValue {
    if (isFiniteSet(this.left))
      return new SetValue(setElems(this.left).filter((x) => setContains(this.right, x)));
    if (isFiniteSet(this.right))
      return new SetValue(setElems(this.right).filter((x) => setContains(this.left, x)));
    return unbounded('S \\cap T for infinite S and T');
  }
  show(print: (v: Value) => string): string {
    return `${print(this.left)} \\cap ${print(this.right)}`;
  }
}
