/**
 * The value classes. Booleans, integers and strings are plain JS values;
 * every other kind is a class with a numeric `tag` so hot paths can switch on
 * it without `instanceof` chains. Function-like values (tuples, records,
 * functions) are kept in ONE canonical representation per value (see
 * `makeFcn`), so structural equality is semantic equality.
 */

export const Tag = {
  ModelValue: 3,
  Set: 4,
  Interval: 5,
  Tuple: 6,
  Record: 7,
  Fcn: 8,
  LazyFcn: 9,
  LazySet: 10,
} as const;

/** A TLA+ value. */
export type Value =
  | boolean
  | number
  | string
  | ModelValue
  | SetValue
  | IntervalValue
  | TupleValue
  | RecordValue
  | FcnValue
  | LazyFcnValue
  | LazySet;

/** The set-valued kinds (explicit, interval, or lazy). */
export type AnySet = SetValue | IntervalValue | LazySet;
/** The function-valued kinds. */
export type AnyFcn = TupleValue | RecordValue | FcnValue | LazyFcnValue;

/** A model value from the cfg (`p1`), unequal to every other value. */
export class ModelValue {
  readonly tag = Tag.ModelValue;
  private static readonly byName = new Map<string, ModelValue>();
  /** TLC's typed model values: `x_1` has type 'x' and cannot be compared with non-model values. */
  readonly type: string | undefined;
  private constructor(
    readonly name: string,
    /** Creation index. */
    readonly index: number,
  ) {
    this.type = name.length > 2 && name[1] === '_' ? name[0] : undefined;
  }
  /** The one model value with this name (created on first use). */
  static of(name: string): ModelValue {
    let mv = ModelValue.byName.get(name);
    if (!mv) {
      mv = new ModelValue(name, ModelValue.byName.size);
      ModelValue.byName.set(name, mv);
    }
    return mv;
  }
}

/** An explicit finite set: elements sorted in TLC's order, without duplicates. */
export class SetValue {
  readonly tag = Tag.Set;
  /** Cached fingerprint lanes of this (immutable) value; both 0 until computed (fingerprint.ts). */
  fpHi = 0;
  fpLo = 0;
  /** Use `makeSet` (sorts and deduplicates) unless `elems` is already canonical. */
  constructor(readonly elems: readonly Value[]) {}
  static readonly empty = new SetValue([]);
}

/** `lo..hi` (empty when hi < lo). */
export class IntervalValue {
  readonly tag = Tag.Interval;
  constructor(
    readonly lo: number,
    readonly hi: number,
  ) {}
  /** The expanded elements, built on first need. */
  elemsCache: number[] | undefined = undefined;
  get size(): number {
    return this.hi < this.lo ? 0 : this.hi - this.lo + 1;
  }
}

/** `<<a, b>>`: the function with domain 1..n; also the canonical form of any such function. */
export class TupleValue {
  readonly tag = Tag.Tuple;
  fpHi = 0;
  fpLo = 0;
  constructor(readonly elems: readonly Value[]) {}
  /** `<<>>`, written as a tuple or sequence. */
  static readonly empty = new TupleValue([]);
  /**
   * The empty function built as a function (`[x \in {} |-> e]`, `[{} -> S]`):
   * equal to `<<>>` in every way but printing, where TLC writes it `<< >>`
   * (its FcnRcdValue, where an empty tuple is a TupleValue printed `<<>>`).
   */
  static readonly emptyFcn = new TupleValue([]);
}

/** `[a |-> 1]`: field names sorted (TLC's normal form), values aligned. */
export class RecordValue {
  readonly tag = Tag.Record;
  fpHi = 0;
  fpLo = 0;
  constructor(
    readonly names: readonly string[],
    readonly values: readonly Value[],
  ) {}
  field(name: string): Value | undefined {
    const names = this.names;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return this.values[i];
    return undefined;
  }
}

/** Any other finite function: domain sorted in TLC's order, values aligned. */
export class FcnValue {
  readonly tag = Tag.Fcn;
  fpHi = 0;
  fpLo = 0;
  constructor(
    readonly domain: readonly Value[],
    readonly values: readonly Value[],
  ) {}
}

/**
 * A function evaluated on demand: recursive function definitions
 * (`f[n \in Nat] == …`) and constructors over infinite domains. Comparing or
 * hashing it forces it to an explicit function (error when the domain is infinite).
 */
export class LazyFcnValue {
  readonly tag = Tag.LazyFcn;
  private readonly memo = new Map<unknown, Value>();
  constructor(
    readonly domain: AnySet,
    readonly compute: (arg: Value) => Value,
    /** Key for memoising an argument (primitive values only); undefined disables memo for it. */
    private readonly keyOf: (arg: Value) => unknown = (a) => (typeof a === 'object' ? undefined : a),
  ) {}
  applyUnchecked(arg: Value): Value {
    const key = this.keyOf(arg);
    if (key !== undefined) {
      const hit = this.memo.get(key);
      if (hit !== undefined) return hit;
    }
    const v = this.compute(arg);
    if (key !== undefined) this.memo.set(key, v);
    return v;
  }
}

/**
 * A set that answers membership without being expanded (Nat, SUBSET S,
 * [S -> T], Seq(S), ...). `toSet` expands it (error when infinite).
 */
export abstract class LazySet {
  readonly tag = Tag.LazySet;
  abstract contains(v: Value): boolean;
  abstract readonly finite: boolean;
  private expanded: SetValue | undefined;
  /** Explicit canonical set (cached); throws EvalError 'unbounded' for infinite sets. */
  toSet(): SetValue {
    if (!this.expanded) this.expanded = this.expand();
    return this.expanded;
  }
  protected abstract expand(): SetValue;
  /** Number of elements (finite sets); default expands. */
  size(): number {
    return this.toSet().elems.length;
  }
  /** TLC's rendering of the unexpanded set (`SUBSET {1, 2}`, `Nat`). */
  abstract show(print: (v: Value) => string): string;
}

export function isSet(v: Value): v is AnySet {
  return typeof v === 'object' && (v.tag === Tag.Set || v.tag === Tag.Interval || v.tag === Tag.LazySet);
}

/** Whether a set is finite: explicit sets and intervals are; a lazy set says. */
export function isFiniteSet(s: AnySet): boolean {
  return s.tag !== Tag.LazySet || s.finite;
}

export function isFcn(v: Value): v is AnyFcn {
  return (
    typeof v === 'object' &&
    (v.tag === Tag.Tuple || v.tag === Tag.Record || v.tag === Tag.Fcn || v.tag === Tag.LazyFcn)
  );
}
