/** A growable list of 32-bit integers on a typed array (doubling), to hand over as a buffer. */
export class IntList {
  a: Int32Array;
  length = 0;

  constructor(capacity = 256) {
    this.a = new Int32Array(Math.max(16, capacity));
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
    const a = this.a;
    let at = this.length;
    for (let i = start; i < end; i++) a[at++] = from[i]!;
    this.length = at;
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
    const b = new Int32Array(cap);
    b.set(this.a.subarray(0, this.length));
    this.a = b;
  }
}
