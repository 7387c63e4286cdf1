/**
 * The BFS queue of states still to explore, with their store ids. Kept in
 * memory (states on the queue are the only states the search holds); behind
 * an interface so a disk-backed queue can replace it.
 */
import type { State } from '../model.js';

export interface StateQueue {
  enqueue(state: State, id: number): void;
  /** Removes the oldest entry; returns false when the queue is empty. */
  dequeue(into: { state: State; id: number }): boolean;
  readonly size: number;
}

/** FIFO on two parallel arrays with a moving head; compacts when half of it is consumed. */
export class MemoryStateQueue implements StateQueue {
  private states: State[] = [];
  private ids: number[] = [];
  private head = 0;

  get size(): number {
    return this.states.length - this.head;
  }

  enqueue(state: State, id: number): void {
    this.states.push(state);
    this.ids.push(id);
  }

  dequeue(into: { state: State; id: number }): boolean {
    if (this.head >= this.states.length) return false;
    into.state = this.states[this.head]!;
    into.id = this.ids[this.head]!;
    this.states[this.head] = EMPTY_STATE; // let the explored state be collected
    this.head++;
    if (this.head >= 4096 && this.head * 2 >= this.states.length) {
      this.states = this.states.slice(this.head);
      this.ids = this.ids.slice(this.head);
      this.head = 0;
    }
    return true;
  }
}

const EMPTY_STATE: State = [];
