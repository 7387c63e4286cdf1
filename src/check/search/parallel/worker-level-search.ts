/**
 * The coordinator of the parallel breadth-first search (`--workers N`).
 *
 * Level-synchronous: the states of a level are cut into contiguous chunks,
 * several per worker thread, in store-id order, which the workers claim one
 * after another (see level-worker.ts), looking earlier levels' fingerprints
 * up in the coordinator's store (shared, read only during a level) and
 * settling who generated each new one first in a table of the level's own
 * (level-owners.ts); the coordinator waits for all of them before the next
 * level. The new states are then taken in the sequential search's order
 * (chunk by chunk, parent by parent, successor by successor), keeping each
 * at its first generator (the owner the table settled on), so store ids,
 * parents, counts and depth are those
 * of the one-thread search, and so is the next level's order. A level in
 * which a worker met a violation, a deadlock or an error is left to the
 * sequential search (bfs.ts), which reports the first one with its counts
 * and trace: the verdict and numbers do not depend on the number of workers.
 *
 * The coordinator waits synchronously (Atomics.wait, receiveMessageOnPort),
 * so the search stays an ordinary function call; it must not run on a
 * thread that has to answer events meanwhile.
 */
import type { CoverageCounter, CoverageRow } from '../../coverage.js';
import type { State } from '../../model.js';
import { rankedStrings } from '../../value/index.js';
import type { Frontier, LevelSearch } from '../level-search.js';
import { StateReader, StateWriter, StringTable } from '../state-codec.js';
import { MemoryStateStore, type SeenStateStore } from '../store.js';
import {
  readCheckpoint,
  restoreStore,
  type SerializedLevel,
  snapshotStore,
  writeCheckpoint,
} from './checkpoint.js';
import type { ChunkCoverageRow } from './chunk-coverage.js';
import { IntList, sharedInts } from './int-list.js';
import { LevelOwners } from './level-owners.js';
import type { LevelReply, LevelRequest, WorkerReply } from './protocol.js';
import { sharedPool, type WorkerPool } from './worker-pool.js';

export interface ParallelSearchOptions {
  /** Number of worker threads. */
  workers: number;
  /** Module each worker runs: it calls `serveLevels` with a loader of models. */
  entry: URL;
  /** What the entry's loader needs to load this search's model (files, module paths). */
  source: unknown;
  /** Where the workers' Print output goes, level by level in the sequential order. */
  print?: (line: string) => void;
  /** Initial slots of the table of a level's new fingerprints (it grows as needed). */
  fingerprintSlots?: number;
  /** States the seen-state store is sized for up front (it grows beyond). */
  storeCapacity?: number;
  /** Write a checkpoint into `dir` between levels, at most every `everyMs`. */
  checkpoint?: { dir: string; everyMs: number; identity: string; onWritten?: (dir: string) => void };
  /** Start from the checkpoint in `dir` instead of the initial states (its identity checked by the caller). */
  recover?: { dir: string };
}

/**
 * A level's states as the workers read them: each where a worker wrote it
 * (one segment per worker's answer), so that no state is copied between
 * levels. Ids, segments and offsets are in exploration order.
 */
interface Level {
  ids: Int32Array;
  segs: Int32Array;
  offsets: Int32Array;
  segments: Int32Array[];
}

/** A level of one segment (the initial states, a checkpoint's frontier). */
function levelOf(serialized: SerializedLevel): Level {
  const n = serialized.ids.length;
  return {
    ids: sharedInts(serialized.ids),
    segs: sharedInts(new Int32Array(n)),
    offsets: sharedInts(serialized.offsets),
    segments: [sharedInts(serialized.words)],
  };
}

/** The level in one buffer, as a checkpoint holds it (decoded and written again: checkpoints are rare). */
function serialized(level: Level, nVars: number, strings: StringTable): SerializedLevel {
  const reader = new StateReader(strings);
  const writer = new StateWriter();
  const offsets = new Int32Array(level.ids.length);
  for (let i = 0; i < level.ids.length; i++) {
    offsets[i] = writer.write(reader.read(level.segments[level.segs[i]!]!, level.offsets[i]!, nVars));
  }
  return { ids: level.ids.slice(), offsets, words: writer.take() };
}

export class WorkerLevelSearch implements LevelSearch {
  /** The seen-state store, in shared memory so that the workers can look fingerprints up. */
  readonly store: MemoryStateStore;
  private readonly pool: WorkerPool;
  /** The next chunk of a level to claim, shared with the workers. */
  private readonly claims = new Int32Array(new SharedArrayBuffer(4));
  private owners: LevelOwners;
  /** The owners' table changed since the workers last saw it. */
  private ownersChanged = true;
  /** The store's buffers the workers last saw (its version), -1 before the first level. */
  private storeVersionSent = -1;
  /** Most new states per explored state in a level so far, to size the set ahead of a level. */
  private branching = 4;
  /** The workers' answers to the load requests are still to be taken. */
  private loading = true;
  /** The strings written as numbers between the threads (see LoadRequest.strings). */
  private readonly strings: StringTable;

  /** Starts (or reuses) the threads, which compile the model while the initial states are computed. */
  constructor(private readonly options: ParallelSearchOptions) {
    this.store = new MemoryStateStore(options.storeCapacity ?? 1 << 12, { shared: true });
    this.owners = new LevelOwners(options.fingerprintSlots ?? 1 << 16);
    this.pool = sharedPool(options.entry, options.workers);
    this.pool.busy = true;
    const strings = rankedStrings();
    this.strings = new StringTable(strings);
    for (let w = 0; w < this.pool.size; w++)
      this.pool.send(w, { type: 'load', source: options.source, strings });
  }

  /** Bytes of the table of a level's new fingerprints (besides the store). */
  get levelTableBytes(): number {
    return this.owners.bytes;
  }

  run(f: Frontier): void {
    this.loading = false;
    this.collect(); // every worker has compiled the spec
    if ((f.store as SeenStateStore) !== this.store)
      throw new Error('the parallel search must run on its own seen-state store (give bfs no other)');
    let level = levelOf(
      this.options.recover ? this.recover(f, this.options.recover.dir) : this.dequeueAll(f),
    );
    const nVars = f.model.variables.length;
    const reader = new StateReader(this.strings);
    let checkpointAt = Date.now() + (this.options.checkpoint?.everyMs ?? 0);
    for (;;) {
      if (level.ids.length === 0 || f.stop?.()) break;
      const replies = this.exploreLevel(f, level);
      if (!replies) break; // an event: the sequential search takes this level
      level = this.merge(f, level, replies);
      f.level++;
      const checkpoint = this.options.checkpoint;
      if (checkpoint && Date.now() >= checkpointAt) {
        writeCheckpoint(checkpoint.dir, {
          identity: checkpoint.identity,
          level: f.level,
          totalStates: f.totalStates,
          depth: f.depth,
          ...snapshotStore(f.store),
          frontier: serialized(level, nVars, this.strings),
        });
        checkpoint.onWritten?.(checkpoint.dir);
        checkpointAt = Date.now() + checkpoint.everyMs;
      }
      f.onProgress?.({
        totalStates: f.totalStates,
        distinctStates: f.store.size,
        statesLeftOnQueue: level.ids.length,
        level: f.level,
        elapsedMs: Date.now() - f.startedAt,
      });
    }
    for (let i = 0; i < level.ids.length; i++) {
      f.queue.enqueue(reader.read(level.segments[level.segs[i]!]!, level.offsets[i]!, nVars), level.ids[i]!);
    }
  }

  close(): void {
    // A search that ended before its levels (an ASSUME, an initial state) leaves the load answers.
    if (this.loading) this.pool.collect();
    this.loading = false;
    this.pool.busy = false;
  }

  /** Replaces the initial states by the checkpoint's search; returns its level's states. */
  private recover(f: Frontier, dir: string): SerializedLevel {
    const cp = readCheckpoint(dir);
    const problem = restoreStore(f.store, cp);
    if (problem) throw new Error(`cannot recover from ${dir}: ${problem}`);
    const entry: { state: State; id: number } = { state: [], id: -1 };
    while (f.queue.dequeue(entry)) {} // the initial states: the checkpoint is past them
    f.level = cp.level;
    f.totalStates = cp.totalStates;
    f.depth = cp.depth;
    return cp.frontier;
  }

  /** Takes the states off the queue into a serialized level. */
  private dequeueAll(f: Frontier): SerializedLevel {
    const writer = new StateWriter();
    const ids = new IntList();
    const offsets = new IntList();
    const entry: { state: State; id: number } = { state: [], id: -1 };
    while (f.queue.dequeue(entry)) {
      ids.push(entry.id);
      offsets.push(writer.write(entry.state));
    }
    return { ids: ids.take(), offsets: offsets.take(), words: writer.take() };
  }

  /** Explores one level on the workers; null when the level holds an event. */
  private exploreLevel(f: Frontier, level: Level): LevelReply[] | null {
    const levelStart = level.ids[0]!;
    const chunkStarts = chunksOf(level.ids.length, this.pool.size);
    for (;;) {
      this.reserve(level.ids.length * this.branching);
      this.owners.startLevel();
      const storeView = this.store.version !== this.storeVersionSent ? this.store.view() : undefined;
      this.storeVersionSent = this.store.version;
      Atomics.store(this.pool.eventFlag, 0, 0);
      Atomics.store(this.claims, 0, 0);
      const request: LevelRequest = {
        type: 'level',
        level: f.level,
        levelStart,
        checkDeadlock: f.checkDeadlock,
        ...(f.coverage ? { coverage: true } : {}),
        ids: level.ids,
        segs: level.segs,
        offsets: level.offsets,
        segments: level.segments,
        chunkStarts,
        claims: this.claims,
        ...(this.ownersChanged ? { owners: this.owners.buffer } : {}),
        ...(storeView ? { store: storeView } : {}),
      };
      for (let w = 0; w < this.pool.size; w++) this.pool.send(w, request);
      this.ownersChanged = false;
      const replies = this.collect() as LevelReply[];
      if (replies.some((r) => r.event)) return null;
      if (!replies.some((r) => r.full)) return replies;
      // Out of room: grow the table and run the level again.
      this.grow(this.owners.capacity * 2);
      this.branching *= 2;
    }
  }

  /** Keeps each new state at its owner, in the sequential order; returns the next level. */
  private merge(f: Frontier, level: Level, replies: readonly LevelReply[]): Level {
    // Each chunk's candidates, wherever (whichever worker) they are, taken in chunk order.
    const byChunk: { w: number; k: number; start: number; end: number }[] = [];
    replies.forEach((r, w) => {
      for (let k = 0; k < r.chunks.length; k++)
        byChunk[r.chunks[k]!] = { w, k, start: k === 0 ? 0 : r.chunkEnds[k - 1]!, end: r.chunkEnds[k]! };
    });
    // Sized for every candidate at once: growing (and zero-filling) lists level after level costs more.
    let candidates = 0;
    for (const r of replies) candidates += r.parents.length;
    const ids = new IntList(candidates, true);
    const segs = new IntList(candidates, true);
    const offsets = new IntList(candidates, true);
    const before = f.store.size;
    const levelStart = level.ids[0]!;
    for (const r of replies) f.totalStates += r.generated;
    byChunk.forEach(({ w, k, start, end }, chunk) => {
      const r = replies[w]!;
      const rows = f.coverage && r.coverage ? addChunkCoverage(f.coverage, r.coverage.rows[k]!) : undefined;
      // The first chunk holds the level's lowest ids: no later chunk can take its candidates over.
      const final = chunk === 0;
      for (let c = start; c < end; c++) {
        const parent = r.parents[c]!;
        if (!final && this.owners.ownerOf(r.hi[c]!, r.lo[c]!, levelStart) !== parent) continue;
        // New for sure: the workers found it in no earlier level and this is its owner.
        ids.push(this.store.addNew(r.hi[c]!, r.lo[c]!, parent));
        segs.push(w);
        offsets.push(r.offsets[c]!); // the state stays where its worker wrote it
        if (rows) rows[r.coverage!.candidateRows[c]!]!.distinct++;
      }
      if (this.options.print) for (const line of r.printed[k]!) this.options.print(line);
    });
    const added = f.store.size - before;
    if (added > 0) f.depth = f.level + 1;
    this.branching = Math.max(this.branching, Math.ceil(added / Math.max(1, level.ids.length)));
    return {
      ids: ids.view(),
      segs: segs.view(),
      offsets: offsets.view(),
      segments: replies.map((r) => r.words),
    };
  }

  /** Grows the owners' table ahead of a level so that `expected` new fingerprints fit. */
  private reserve(expected: number): void {
    if (expected <= this.owners.limit) return;
    let capacity = this.owners.capacity;
    while (Math.floor(capacity * 0.75) < expected) capacity *= 2;
    this.grow(capacity);
  }

  /** A fresh, larger table: it holds one level, so nothing is carried over. */
  private grow(capacity: number): void {
    this.owners = new LevelOwners(capacity);
    this.ownersChanged = true;
  }

  /** The workers' answers; a worker's failure is a bug, reported as one. */
  private collect(): WorkerReply[] {
    return this.pool.collect().map((reply) => {
      if (reply.type === 'failed') throw new Error(`a search worker failed: ${reply.message}`);
      if (reply.type === 'ready' && reply.problem)
        throw new Error(`a search worker could not load the model: ${reply.problem}`);
      return reply;
    });
  }
}

/**
 * Where the chunks of a level of `states` start (and where the last ends):
 * several per worker, so that a worker done early takes over what another
 * has not begun, but not so small that claiming them costs.
 */
function chunksOf(states: number, workers: number): Int32Array {
  const size = Math.max(32, Math.ceil(states / (workers * 8)));
  const n = Math.max(1, Math.ceil(states / size));
  const starts = new Int32Array(new SharedArrayBuffer((n + 1) * 4));
  for (let c = 0; c <= n; c++) starts[c] = Math.min(states, c * size);
  return starts;
}

/**
 * Adds a chunk's coverage counts to the search's, label by label in the
 * order they fired (so labels first met here are listed as a one-thread
 * search lists them); returns the search's rows for the chunk's rows.
 */
function addChunkCoverage(counter: CoverageCounter, chunkRows: readonly ChunkCoverageRow[]): CoverageRow[] {
  return chunkRows.map((x) => {
    const row = counter.row({
      name: x.name,
      ...(x.module !== undefined ? { module: x.module } : {}),
      ...(x.loc ? { loc: x.loc } : {}),
      params: [],
    });
    row.enabled += x.enabled;
    row.generated += x.generated;
    return row;
  });
}
