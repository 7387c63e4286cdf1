/**
 * A BFS queue that holds its states serialized (see state-codec.ts) and
 * writes them to disk beyond a memory budget, as TLC's disk queue does, so
 * that a search whose frontier outgrows memory can go on.
 *
 * States are appended to a tail segment; a full segment is sealed and kept
 * in memory while the sealed segments in memory stay within the budget,
 * else written to a file in a temporary folder of its own. The head is read
 * back one segment at a time, a state decoded per dequeue, so only the
 * segments at both ends need to be in memory. A serialized state takes a
 * fraction of the memory of the live values it encodes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { State } from '../model.js';
import { IntList } from './parallel/int-list.js';
import type { StateQueue } from './queue.js';
import { StateReader, StateWriter, StringTable } from './state-codec.js';

export interface SpillingQueueOptions {
  /** Bytes of serialized states to keep in memory before writing segments to disk. */
  memoryBytes: number;
  /** Number of variables of a state (to decode one). */
  variables: number;
  /** Folder for the segment files (default: a new folder under the system's temporary folder). */
  dir?: string;
  /** States per segment (default 4096). */
  segmentStates?: number;
}

interface Segment {
  ids: Int32Array;
  offsets: Int32Array;
  words: Int32Array | undefined;
  /** The file holding `words` while it is on disk. */
  file: string | undefined;
}

export class SpillingStateQueue implements StateQueue {
  // The queue is read by the thread that wrote it: strings are numbered, one word each.
  private readonly strings = new StringTable();
  private readonly writer = new StateWriter(this.strings);
  private readonly reader = new StateReader(this.strings);
  private readonly tailIds = new IntList();
  private readonly tailOffsets = new IntList();
  private readonly sealed: Segment[] = [];
  private head: Segment | undefined;
  private headPos = 0;
  private count = 0;
  private memoryWords = 0;
  private spilled = 0;
  private dir: string | undefined;

  constructor(private readonly options: SpillingQueueOptions) {}

  get size(): number {
    return this.count;
  }

  /** Bytes of serialized states held in memory now. */
  get bytesInMemory(): number {
    return (this.memoryWords + this.writer.length) * 4;
  }

  /** Segments written to disk so far. */
  get segmentsSpilled(): number {
    return this.spilled;
  }

  enqueue(state: State, id: number): void {
    this.tailIds.push(id);
    this.tailOffsets.push(this.writer.write(state));
    this.count++;
    if (this.tailIds.length >= (this.options.segmentStates ?? 4096)) this.seal();
  }

  dequeue(into: { state: State; id: number }): boolean {
    if (this.count === 0) return false;
    if (!this.head || this.headPos === this.head.ids.length) this.nextHead();
    const head = this.head!;
    into.state = this.reader.read(head.words!, head.offsets[this.headPos]!, this.options.variables);
    into.id = head.ids[this.headPos]!;
    this.headPos++;
    this.count--;
    return true;
  }

  /** Removes the segment files; the queue is unusable afterwards. */
  dispose(): void {
    if (this.dir && !this.options.dir) rmSync(this.dir, { recursive: true, force: true });
    else for (const s of this.sealed) if (s.file) rmSync(s.file, { force: true });
  }

  private seal(): void {
    if (this.tailIds.length === 0) return;
    const words = this.writer.take();
    const segment: Segment = {
      ids: this.tailIds.take(),
      offsets: this.tailOffsets.take(),
      words,
      file: undefined,
    };
    if ((this.memoryWords + words.length) * 4 > this.options.memoryBytes) {
      segment.file = join(this.folder(), `segment-${this.spilled++}.bin`);
      writeFileSync(segment.file, words);
      segment.words = undefined;
    } else {
      this.memoryWords += words.length;
    }
    this.sealed.push(segment);
  }

  private nextHead(): void {
    if (this.head?.words && !this.head.file) this.memoryWords -= this.head.words.length;
    if (this.sealed.length === 0) this.seal(); // only the tail is left
    const next = this.sealed.shift()!;
    if (next.file) {
      const bytes = readFileSync(next.file);
      // A copy: the file's bytes may sit at an offset of a shared pool that is not 4-aligned.
      next.words = new Int32Array(bytes.byteLength / 4);
      new Uint8Array(next.words.buffer).set(bytes);
      rmSync(next.file, { force: true });
      next.file = undefined;
      this.memoryWords += next.words.length;
    }
    this.head = next;
    this.headPos = 0;
  }

  private folder(): string {
    if (!this.dir) this.dir = this.options.dir ?? mkdtempSync(join(tmpdir(), 'tlaw-queue-'));
    return this.dir;
  }
}
