/**
 * A growable list of 32-bit integers on a typed array (doubling), to hand
 * over as a buffer; in shared memory when other threads are to read it
 * where it is (a level's states, read by every worker).
 */
export class IntList {
  a: Int32Array;
  length = 0;

  constructor(
    capacity = 256,
    private readonly shared = false,
  ) {
    this.a = newInts(Math.max(16, capacity), shared);
  }

  push(v: number): void {
    if (this.length === this.a.length) this.reserve(1);
    this.a[this.length++] = v;
  }

  /** The values, without copying (the list must not be used afterwards). */
  view(): Int32Array {
    return this.a.subarray(0, this.length);
  }

  /** Appends `from[start..end)`. */
  append(from: Int32Array, start: number, end: number): void {
    const n = end - start;
    if (this.length + n > this.a.length) this.reserve(n);
    this.a.set(from.subarray(start, end), this.length);
    this.length += n;
  }

  /** The values, trimmed to an array of their own; the list is emptied. */
  take(): Int32Array {
    const out = this.a.slice(0, this.length);
    this.length = 0;
    return out;
  }

  private reserve(more: number): void {
    let cap = this.a.length * 2;
    while (cap < this.length + more) cap *= 2;
    const b = newInts(cap, this.shared);
    b.set(this.a.subarray(0, this.length));
    this.a = b;
  }
}

function newInts(length: number, shared: boolean): Int32Array {
  return new Int32Array(shared ? new SharedArrayBuffer(length * 4) : new ArrayBuffer(length * 4));
}

/** `a` itself when its memory is shared, else a copy in shared memory. */
export function sharedInts(a: Int32Array): Int32Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = newInts(a.length, true);
  out.set(a);
  return out;
}
