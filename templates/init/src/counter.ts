/** The system under test: a counter that counts up to a maximum and can be reset (specs/Counter.tla). */
export class Counter {
  #count = 0;

  constructor(readonly max: number) {}

  get count(): number {
    return this.#count;
  }

  inc(): void {
    if (this.#count < this.max) this.#count++;
  }

  reset(): void {
    this.#count = 0;
  }
}
