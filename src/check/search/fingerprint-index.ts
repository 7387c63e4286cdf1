/**
 * The lookup half of the seen-state store: which fingerprints are present.
 *
 * Per state id the store keeps the two fingerprint halves in chunked arrays
 * (chunks of a fixed size, so growing never copies them and never leaves
 * half an array unused); the index is an open-addressing hash table of
 * 32-bit slots with linear probing. A slot holds id + 1 (0 = empty) in its
 * low bits and, in the bits the ids of a table that size never need, a few
 * bits of the fingerprint: most probes past another fingerprint are settled
 * by the slot alone, without reading that id's fingerprint elsewhere in
 * memory. The table's size is
 * not a power of two: a slot is found by scaling the hash to the size, so
 * the table can grow by half (kept between 2/5 and 3/5 full) rather than
 * double (between 1/4 and 1/2 full). That keeps the store at 19–22 bytes per
 * state: 12 for the id's fingerprint and parent, 6.7–10 for the table.
 *
 * The same buffers can be SharedArrayBuffers: the parallel search's workers
 * then look fingerprints up (read only) in the coordinator's store, which
 * only writes between levels.
 */

/** Ids per chunk of the per-id arrays. */
export const CHUNK_BITS = 14;
export const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** The buffers of a store, as a reader in another thread receives them. */
export interface FingerprintIndexView {
  table: SharedArrayBuffer;
  hi: SharedArrayBuffer[];
  lo: SharedArrayBuffer[];
}

/**
 * The hash-table slot (before scaling) of a fingerprint. Fingerprints are
 * already hashes, but mix both halves so a weak half alone does not cluster.
 */
export function fingerprintSlot(hi: number, lo: number): number {
  return (Math.imul(lo ^ (hi >>> 7), 0x9e3779b1) ^ hi) >>> 0;
}

/** Read-only lookups over a store's buffers (the store's own, or shared ones from another thread). */
export class FingerprintIndex {
  protected table: Int32Array;
  /** table.length / 2^32: a 32-bit hash times this is a slot. */
  protected scale: number;
  /** Bits of a slot that hold id + 1 (ids stay below the table's length). */
  protected idBits = 32;
  protected idMask = -1;
  /** Which bits of a fingerprint's low half go into the slot's high bits. */
  protected tagMask = 0;
  protected readonly hiChunks: Uint32Array[];
  protected readonly loChunks: Uint32Array[];

  constructor(table: Int32Array, hiChunks: Uint32Array[], loChunks: Uint32Array[]) {
    this.table = table;
    this.scale = 0;
    this.useTable(table);
    this.hiChunks = hiChunks;
    this.loChunks = loChunks;
  }

  /** A reader of a store shared by another thread. */
  static ofView(view: FingerprintIndexView): FingerprintIndex {
    return new FingerprintIndex(
      new Int32Array(view.table),
      view.hi.map((b) => new Uint32Array(b)),
      view.lo.map((b) => new Uint32Array(b)),
    );
  }

  /** Whether the fingerprint `hi:lo` is present. */
  has(hi: number, lo: number): boolean {
    return this.find(hi >>> 0, lo >>> 0) < 0;
  }

  /**
   * The slot of the fingerprint's first empty probe, or -1 when the
   * fingerprint is present (halves already unsigned).
   */
  protected find(hi: number, lo: number): number {
    const table = this.table;
    const n = table.length;
    const idMask = this.idMask;
    const tag = this.tagOf(lo);
    let slot = this.home(hi, lo);
    for (;;) {
      const entry = table[slot]!;
      if (entry === 0) return slot;
      if ((entry & ~idMask) === tag) {
        const id = (entry & idMask) - 1;
        const c = id >>> CHUNK_BITS;
        const i = id & CHUNK_MASK;
        // A reader in another thread may meet an id of a chunk it has no view of yet: not a match.
        const los = this.loChunks[c];
        if (los !== undefined && los[i] === lo && this.hiChunks[c]![i] === hi) return -1;
      }
      if (++slot === n) slot = 0;
    }
  }

  /** The slot's value for the state `id` with the low half `lo`. */
  protected entryOf(id: number, lo: number): number {
    return this.tagOf(lo) | (id + 1);
  }

  /** The fingerprint bits kept in a slot, in place. */
  protected tagOf(lo: number): number {
    return (lo & this.tagMask) << this.idBits; // a shift by 32 is none, but the mask is 0 then
  }

  /** Starts using `table`: the bits for ids and for the tag depend on its length. */
  protected useTable(table: Int32Array): void {
    this.table = table;
    this.scale = table.length / 4294967296;
    this.idBits = 32 - Math.clz32(table.length);
    this.idMask = (2 ** this.idBits - 1) | 0;
    this.tagMask = (2 ** (32 - this.idBits) - 1) | 0;
  }

  /** The first slot probed for a fingerprint. */
  protected home(hi: number, lo: number): number {
    const slot = Math.floor(fingerprintSlot(hi, lo) * this.scale);
    return slot < this.table.length ? slot : this.table.length - 1;
  }
}

/** Index of an id within its chunk. */
export function chunkIndex(id: number): number {
  return id & CHUNK_MASK;
}
