/**
 * The seen-state store: which states the search has already found, by 64-bit
 * fingerprint, with each state's parent for rebuilding counterexamples.
 *
 * States themselves are not kept: a state id is its discovery index, and the
 * store holds per id the two fingerprint halves and the parent id (12 bytes),
 * plus a slot in a hash table (see fingerprint-index.ts): 19–22 bytes per
 * state in all. A trace is rebuilt by re-running the model along the parent
 * chain and matching fingerprints (see trace.ts), as TLC does.
 */
import {
  CHUNK,
  CHUNK_BITS,
  chunkIndex,
  FingerprintIndex,
  type FingerprintIndexView,
} from './fingerprint-index.js';

export { fingerprintSlot } from './fingerprint-index.js';

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
   * dedupes elsewhere) and returns its id, skipping the comparisons.
   */
  addNew?(hi: number, lo: number, parent: number): number;
}

/** The table grows (by half) once more than this share of its slots is taken. */
const MAX_LOAD = 0.6;
const MIN_TABLE = 1024;

export interface MemoryStateStoreOptions {
  /**
   * Keep the buffers in SharedArrayBuffers, so that other threads can look
   * fingerprints up (see `view`) while this one does not write.
   */
  shared?: boolean;
}

/** In-memory store on typed arrays. */
export class MemoryStateStore extends FingerprintIndex implements SeenStateStore {
  private readonly parentChunks: Int32Array[] = [];
  private count = 0;
  private readonly shared: boolean;
  /** Bumped whenever a buffer is replaced or added, so that readers know to take a new view. */
  private bufferVersion = 0;

  constructor(initialCapacity = 1 << 12, options: MemoryStateStoreOptions = {}) {
    const shared = options.shared ?? false;
    super(newTable(Math.max(MIN_TABLE, Math.ceil(initialCapacity / MAX_LOAD)), shared), [], []);
    this.shared = shared;
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.table.byteLength + this.hiChunks.length * CHUNK * 12;
  }

  /** Changes whenever `view()` would give other buffers. */
  get version(): number {
    return this.bufferVersion;
  }

  /** The buffers, for a reader in another thread (a shared store only). */
  view(): FingerprintIndexView {
    if (!this.shared) throw new Error('only a shared store has a view for other threads');
    return {
      table: this.table.buffer as SharedArrayBuffer,
      hi: this.hiChunks.map((a) => a.buffer as SharedArrayBuffer),
      lo: this.loChunks.map((a) => a.buffer as SharedArrayBuffer),
    };
  }

  add(hi: number, lo: number, parent: number): number {
    hi >>>= 0;
    lo >>>= 0;
    const slot = this.find(hi, lo);
    if (slot < 0) return -1;
    if (this.count + 1 > this.table.length * MAX_LOAD) return this.addNew(hi, lo, parent);
    return this.append(hi, lo, parent, slot);
  }

  addNew(hi: number, lo: number, parent: number): number {
    hi >>>= 0;
    lo >>>= 0;
    if (this.count + 1 > this.table.length * MAX_LOAD) this.growTable();
    const table = this.table;
    const n = table.length;
    let slot = this.home(hi, lo);
    while (table[slot] !== 0) if (++slot === n) slot = 0;
    return this.append(hi, lo, parent, slot);
  }

  parentOf(id: number): number {
    return this.parentChunks[id >>> CHUNK_BITS]![chunkIndex(id)]!;
  }

  fingerprintOf(id: number, out: Uint32Array): void {
    const c = id >>> CHUNK_BITS;
    const i = chunkIndex(id);
    out[0] = this.hiChunks[c]![i]!;
    out[1] = this.loChunks[c]![i]!;
  }

  private append(hi: number, lo: number, parent: number, slot: number): number {
    const id = this.count;
    const c = id >>> CHUNK_BITS;
    if (c === this.hiChunks.length) this.addChunk();
    const i = chunkIndex(id);
    this.hiChunks[c]![i] = hi;
    this.loChunks[c]![i] = lo;
    this.parentChunks[c]![i] = parent;
    this.table[slot] = this.entryOf(id, lo);
    this.count++;
    return id;
  }

  private addChunk(): void {
    const buffer = (bytes: number) => (this.shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    this.hiChunks.push(new Uint32Array(buffer(CHUNK * 4)));
    this.loChunks.push(new Uint32Array(buffer(CHUNK * 4)));
    this.parentChunks.push(new Int32Array(buffer(CHUNK * 4)));
    this.bufferVersion++;
  }

  /** Rebuilds the table half as large again over every id. */
  private growTable(): void {
    this.useTable(newTable(Math.ceil(this.table.length * 1.5), this.shared));
    const table = this.table;
    const n = table.length;
    for (let id = 0; id < this.count; id++) {
      const c = id >>> CHUNK_BITS;
      const i = chunkIndex(id);
      const lo = this.loChunks[c]![i]!;
      let slot = this.home(this.hiChunks[c]![i]!, lo);
      while (table[slot] !== 0) if (++slot === n) slot = 0;
      table[slot] = this.entryOf(id, lo);
    }
    this.bufferVersion++;
  }
}

function newTable(slots: number, shared: boolean): Int32Array {
  return new Int32Array(shared ? new SharedArrayBuffer(slots * 4) : new ArrayBuffer(slots * 4));
}
