/**
 * The seen-state store: which states the search has already found, by 64-bit
 * fingerprint, with each state's parent for rebuilding counterexamples.
 *
 * States themselves are not kept: a state id is its discovery index, and the
 * store holds per id the two fingerprint halves and the parent id (12 bytes),
 * plus a slot in an open-addressing hash table (linear probing, load ≤ 1/2,
 * 4 bytes per slot). A trace is rebuilt by re-running the model along the
 * parent chain and matching fingerprints (see trace.ts), as TLC does.
 */

/** What a search needs from a seen-state store; a disk or shared store can implement it too. */
export interface SeenStateStore {
  /**
   * Adds the fingerprint `hi:lo` with its parent id (-1 for an initial state).
   * Returns the new state's id, or -1 when the fingerprint was already present.
   */
  add(hi: number, lo: number, parent: number): number;
  /** Whether the fingerprint is present. */
  has(hi: number, lo: number): boolean;
  /** Number of distinct fingerprints stored. */
  readonly size: number;
  /** Parent id of a state (-1 for an initial state). */
  parentOf(id: number): number;
  /** Writes the fingerprint of state `id` into `out[0]` (high) and `out[1]` (low). */
  fingerprintOf(id: number, out: Uint32Array): void;
  /** Bytes of memory the store holds. */
  readonly bytes: number;
  /**
   * Adds a fingerprint the caller knows to be absent (the parallel search
   * dedupes in its shared set) and returns its id, skipping the lookup.
   */
  addNew?(hi: number, lo: number, parent: number): number;
}

const EMPTY = 0;

/** In-memory store on typed arrays; grows by doubling. */
export class MemoryStateStore implements SeenStateStore {
  private table: Int32Array; // id + 1 per slot, 0 = empty
  private mask: number;
  private hi: Uint32Array;
  private lo: Uint32Array;
  private parent: Int32Array;
  private count = 0;
  /**
   * Ids below this are in the hash table. States added with `addNew` are
   * not: a search that dedupes elsewhere never needs the table, and it is
   * rebuilt on the next `add` or `has` if one comes.
   */
  private indexed = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap * 2 - 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.parent = new Int32Array(cap);
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.table.byteLength + this.hi.byteLength + this.lo.byteLength + this.parent.byteLength;
  }

  add(hi: number, lo: number, parent: number): number {
    if (this.indexed < this.count) this.reindex();
    hi >>>= 0;
    lo >>>= 0;
    let slot = fingerprintSlot(hi, lo) & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === EMPTY) break;
      const id = entry - 1;
      if (this.lo[id] === lo && this.hi[id] === hi) return -1;
      slot = (slot + 1) & this.mask;
    }
    const id = this.count;
    if (id === this.hi.length) {
      this.growEntries();
      return this.add(hi, lo, parent); // the table was rebuilt: find the slot again
    }
    this.hi[id] = hi;
    this.lo[id] = lo;
    this.parent[id] = parent;
    this.table[slot] = id + 1;
    this.count++;
    this.indexed = this.count;
    return id;
  }

  addNew(hi: number, lo: number, parent: number): number {
    const id = this.count;
    if (id === this.hi.length) this.growArrays();
    this.hi[id] = hi >>> 0;
    this.lo[id] = lo >>> 0;
    this.parent[id] = parent;
    this.count++;
    return id;
  }

  has(hi: number, lo: number): boolean {
    if (this.indexed < this.count) this.reindex();
    hi >>>= 0;
    lo >>>= 0;
    let slot = fingerprintSlot(hi, lo) & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === EMPTY) return false;
      const id = entry - 1;
      if (this.lo[id] === lo && this.hi[id] === hi) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  parentOf(id: number): number {
    return this.parent[id]!;
  }

  fingerprintOf(id: number, out: Uint32Array): void {
    out[0] = this.hi[id]!;
    out[1] = this.lo[id]!;
  }

  /** Doubles the per-id arrays and the hash table (keeping the load factor at most 1/2). */
  private growEntries(): void {
    this.growArrays();
    this.reindex();
  }

  private growArrays(): void {
    const cap = this.hi.length * 2;
    this.hi = copyInto(new Uint32Array(cap), this.hi);
    this.lo = copyInto(new Uint32Array(cap), this.lo);
    this.parent = copyInto(new Int32Array(cap), this.parent);
  }

  /** Rebuilds the hash table over every id, sized for the arrays' capacity. */
  private reindex(): void {
    const cap = this.hi.length;
    const table = new Int32Array(cap * 2);
    const mask = cap * 2 - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = fingerprintSlot(this.hi[id]!, this.lo[id]!) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.mask = mask;
    this.indexed = this.count;
  }
}

/**
 * The hash-table slot (before masking) of a fingerprint. Fingerprints are
 * already hashes, but mix both halves so a weak half alone does not cluster.
 */
export function fingerprintSlot(hi: number, lo: number): number {
  return (Math.imul(lo ^ (hi >>> 7), 0x9e3779b1) ^ hi) >>> 0;
}

function copyInto<T extends Uint32Array | Int32Array>(to: T, from: T): T {
  to.set(from);
  return to;
}
