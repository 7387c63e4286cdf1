/**
 * States in a compact serialized form, to pass them between threads (the
 * parallel search) without structured cloning, which would lose the value
 * classes. A state is a run of 32-bit words: each value a kind word and its
 * contents, in the value's canonical order (set elements sorted, function
 * domains sorted), so decoding needs no sorting. Integers are TLC's 32-bit
 * integers; strings are their UTF-16 code units, two per word, or, when
 * the writer and the reader share a StringTable (a queue read back by the
 * thread that wrote it, or threads given the same fixed list of strings),
 * one word: the string's number in the table. A set, tuple, record or
 * function also carries the hash it keeps of its contents (two words, 0 0
 * when not computed yet), so that a decoded state's unchanged parts are not
 * hashed again when its successors are fingerprinted. Lazy
 * values (intervals excepted) are expanded first, as fingerprinting does.
 */
import type { State } from '../model.js';
import {
  FcnValue,
  forceFcn,
  IntervalValue,
  ModelValue,
  RecordValue,
  SetValue,
  Tag,
  TupleValue,
  type Value,
} from '../value/index.js';

const FALSE = 0;
const TRUE = 1;
const INT = 2;
const STR = 3;
const MODEL_VALUE = 4;
const SET = 5;
const TUPLE = 6;
const EMPTY_FCN = 7;
const RECORD = 8;
const FCN = 9;
const INTERVAL = 10;

/**
 * Strings numbered in the order first written, shared by a writer and a
 * reader of one thread; or, made `fixed` from a list, by threads that were
 * each given that list (a string not in it is written out in full).
 */
export class StringTable {
  readonly strings: string[];
  private readonly numbers = new Map<string, number>();
  private readonly fixed: boolean;

  constructor(fixed?: readonly string[]) {
    this.strings = fixed ? [...fixed] : [];
    this.fixed = fixed !== undefined;
    for (let i = 0; i < this.strings.length; i++) this.numbers.set(this.strings[i]!, i);
  }

  /** The string's number; undefined when the table is fixed and lacks it. */
  numberOf(s: string): number | undefined {
    let n = this.numbers.get(s);
    if (n === undefined && !this.fixed) {
      n = this.strings.length;
      this.strings.push(s);
      this.numbers.set(s, n);
    }
    return n;
  }
}

/** A growable buffer of words holding encoded states back to back. */
export class StateWriter {
  words: Int32Array;
  length = 0;
  /** The buffer handed over by the `takeShared` before last, written again next (see there). */
  private spare: Int32Array | undefined;

  /**
   * With `shared`, the words are in shared memory and `takeShared` hands
   * them over without copying (to be read by several threads).
   */
  constructor(
    private readonly table?: StringTable,
    private readonly shared = false,
  ) {
    this.words = this.newWords(1024);
  }

  /** Appends a state; returns the offset of its first word. */
  write(state: State): number {
    const start = this.length;
    for (let i = 0; i < state.length; i++) this.value(state[i]!);
    return start;
  }

  /**
   * Appends a successor of `parent`, whose encoding is `parentWords` with
   * variable i at [bounds[i], bounds[i + 1]) (see StateReader.read). A
   * successor shares its unchanged variables' values with its parent, so
   * those are copied word for word rather than encoded again.
   */
  writeSuccessor(state: State, parent: State, parentWords: Int32Array, bounds: Int32Array): number {
    const start = this.length;
    for (let i = 0; i < state.length; i++) {
      if (state[i] !== parent[i]) {
        this.value(state[i]!);
        continue;
      }
      const from = bounds[i]!;
      const n = bounds[i + 1]! - from;
      this.reserve(n);
      if (n > 32) {
        this.words.set(parentWords.subarray(from, from + n), this.length);
        this.length += n;
      } else {
        const words = this.words;
        for (let k = from; k < from + n; k++) words[this.length++] = parentWords[k]!;
      }
    }
    return start;
  }

  /** The words written, trimmed to a buffer of their own (to transfer to another thread). */
  take(): Int32Array {
    const out = this.words.slice(0, this.length);
    this.length = 0;
    return out;
  }

  /**
   * The words written, where they are (shared memory). What comes next is
   * written into the buffer handed over the time before: two buffers take
   * turns, for a reader that is done with one hand-over by the one after
   * next (a level's states are read while the next level's are written).
   * Memory written for the first time costs a page fault per page, which on
   * some machines costs more than the writing: reusing it avoids that.
   */
  takeShared(): Int32Array {
    const out = this.words.subarray(0, this.length);
    const next = this.spare !== undefined && this.spare.length >= this.length ? this.spare : undefined;
    this.spare = this.words;
    this.words = next ?? this.newWords(this.words.length);
    this.length = 0;
    return out;
  }

  /** Forgets what was written since the last hand-over (its buffer is written again). */
  discard(): void {
    this.length = 0;
  }

  private newWords(length: number): Int32Array {
    return new Int32Array(this.shared ? new SharedArrayBuffer(length * 4) : new ArrayBuffer(length * 4));
  }

  private push(w: number): void {
    if (this.length === this.words.length) this.reserve(1);
    this.words[this.length++] = w;
  }

  /** Makes room for `n` more words. */
  private reserve(n: number): void {
    if (this.length + n <= this.words.length) return;
    let size = this.words.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = this.newWords(size);
    bigger.set(this.words.subarray(0, this.length));
    this.words = bigger;
  }

  private string(s: string): void {
    const number = this.table?.numberOf(s);
    if (number !== undefined) {
      // -1 - number: a length is never negative.
      this.push(-1 - number);
      return;
    }
    const n = s.length;
    this.push(n);
    for (let i = 0; i < n; i += 2) this.push(s.charCodeAt(i) | (i + 1 < n ? s.charCodeAt(i + 1) << 16 : 0));
  }

  private value(v: Value): void {
    switch (typeof v) {
      case 'boolean':
        this.push(v ? TRUE : FALSE);
        return;
      case 'number':
        this.push(INT);
        this.push(v);
        return;
      case 'string':
        this.push(STR);
        this.string(v);
        return;
    }
    switch (v.tag) {
      case Tag.ModelValue:
        this.push(MODEL_VALUE);
        this.string(v.name);
        return;
      case Tag.Interval:
        this.push(INTERVAL);
        this.push(v.lo);
        this.push(v.hi);
        return;
      case Tag.Set:
      case Tag.LazySet: {
        const set = v.tag === Tag.Set ? v : v.toSet();
        const elems = set.elems;
        this.push(SET);
        this.push(set.fpHi);
        this.push(set.fpLo);
        this.push(elems.length);
        for (const e of elems) this.value(e);
        return;
      }
      default: {
        const f = forceFcn(v);
        if (f === TupleValue.emptyFcn) {
          this.push(EMPTY_FCN);
          return;
        }
        const composite = f as TupleValue | RecordValue | FcnValue;
        if (f.tag === Tag.Tuple) {
          this.push(TUPLE);
          this.push(composite.fpHi);
          this.push(composite.fpLo);
          this.push(f.elems.length);
          for (const e of f.elems) this.value(e);
        } else if (f.tag === Tag.Record) {
          this.push(RECORD);
          this.push(composite.fpHi);
          this.push(composite.fpLo);
          this.push(f.names.length);
          for (let i = 0; i < f.names.length; i++) {
            this.string(f.names[i]!);
            this.value(f.values[i]!);
          }
        } else {
          this.push(FCN);
          this.push(composite.fpHi);
          this.push(composite.fpLo);
          this.push(f.domain.length);
          for (let i = 0; i < f.domain.length; i++) {
            this.value(f.domain[i]!);
            this.value(f.values[i]!);
          }
        }
      }
    }
  }
}

/** Decodes states written by a StateWriter; records with the same fields share one names array. */
export class StateReader {
  private words: Int32Array = new Int32Array(0);
  private pos = 0;
  private readonly names: NamesNode = { next: new Map() };

  constructor(private readonly table?: StringTable) {}

  /**
   * Decodes the state of `nVars` values at `offset` of `words`; with
   * `bounds`, also where each variable starts and the last ends.
   */
  read(words: Int32Array, offset: number, nVars: number, bounds?: Int32Array): State {
    this.words = words;
    this.pos = offset;
    const state = new Array<Value>(nVars);
    for (let i = 0; i < nVars; i++) {
      if (bounds) bounds[i] = this.pos;
      state[i] = this.value();
    }
    if (bounds) bounds[nVars] = this.pos;
    return state;
  }

  private string(): string {
    const n = this.words[this.pos++]!;
    if (n < 0) return this.table!.strings[-1 - n]!;
    let s = '';
    for (let i = 0; i < n; i += 2) {
      const w = this.words[this.pos++]!;
      s += i + 1 < n ? String.fromCharCode(w & 0xffff, w >>> 16) : String.fromCharCode(w & 0xffff);
    }
    return s;
  }

  private value(): Value {
    const kind = this.words[this.pos++]!;
    switch (kind) {
      case FALSE:
        return false;
      case TRUE:
        return true;
      case INT:
        return this.words[this.pos++]!;
      case STR:
        return this.string();
      case MODEL_VALUE:
        return ModelValue.of(this.string());
      case INTERVAL: {
        const lo = this.words[this.pos++]!;
        return new IntervalValue(lo, this.words[this.pos++]!);
      }
      case SET: {
        const hi = this.words[this.pos++]!;
        const lo = this.words[this.pos++]!;
        const n = this.words[this.pos++]!;
        if (n === 0) return SetValue.empty;
        return withHash(new SetValue(this.values(n)), hi, lo);
      }
      case EMPTY_FCN:
        return TupleValue.emptyFcn;
      case TUPLE: {
        const hi = this.words[this.pos++]!;
        const lo = this.words[this.pos++]!;
        const n = this.words[this.pos++]!;
        return n === 0 ? TupleValue.empty : withHash(new TupleValue(this.values(n)), hi, lo);
      }
      case RECORD: {
        const hi = this.words[this.pos++]!;
        const lo = this.words[this.pos++]!;
        const n = this.words[this.pos++]!;
        const names = new Array<string>(n);
        const values = new Array<Value>(n);
        for (let i = 0; i < n; i++) {
          names[i] = this.string();
          values[i] = this.value();
        }
        return withHash(new RecordValue(this.internNames(names), values), hi, lo);
      }
      case FCN: {
        const hi = this.words[this.pos++]!;
        const lo = this.words[this.pos++]!;
        const n = this.words[this.pos++]!;
        const domain = new Array<Value>(n);
        const values = new Array<Value>(n);
        for (let i = 0; i < n; i++) {
          domain[i] = this.value();
          values[i] = this.value();
        }
        return withHash(new FcnValue(domain, values), hi, lo);
      }
      default:
        throw new Error(`corrupt serialized state: kind ${kind} at word ${this.pos - 1}`);
    }
  }

  private values(n: number): Value[] {
    const out = new Array<Value>(n);
    for (let i = 0; i < n; i++) out[i] = this.value();
    return out;
  }

  /** One array per field list, found by walking the names (no key string made per record). */
  private internNames(names: string[]): readonly string[] {
    let node = this.names;
    for (const name of names) {
      let next = node.next.get(name);
      if (!next) {
        next = { next: new Map() };
        node.next.set(name, next);
      }
      node = next;
    }
    node.names ??= names;
    return node.names;
  }
}

/** A node of the record field lists met so far: the list ending here, and the lists going on. */
interface NamesNode {
  names?: readonly string[];
  next: Map<string, NamesNode>;
}

/** A decoded composite with the hash of its contents its writer had computed (0 0: not yet). */
function withHash<T extends SetValue | TupleValue | RecordValue | FcnValue>(v: T, hi: number, lo: number): T {
  v.fpHi = hi;
  v.fpLo = lo;
  return v;
}
