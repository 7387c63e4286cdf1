/**
 * The worker side of the parallel search: explores the chunks of states the
 * coordinator sends, one level at a time, with the same rules as the
 * sequential search (bfs.ts): a successor is new when the coordinator's
 * store (shared, read only during a level) does not hold it, and the
 * level's owners' table (level-owners.ts) settles who generated it first.
 *
 * Per state of its chunk, in order: its successors by action group (each
 * group counted whole in "states generated"); each successor in the model
 * (CONSTRAINT, ACTION_CONSTRAINT) and not in the store goes into the owners'
 * table with the state as its owner. A successor that this state owns, for now, is a candidate new
 * state: its invariants are checked here and it goes back to the
 * coordinator, which keeps it if the state is still its owner once the level
 * is done (the first generator in the sequential order). Successors outside
 * the model are checked every time, action properties on every transition,
 * as bfs.ts does. Anything that bfs.ts would report (a violation, a deadlock,
 * an evaluation error) is only flagged: the coordinator replays that level
 * sequentially, which reports it exactly as a single-threaded run does.
 */
import type { Model, SearchContext, State, Transition } from '../../model.js';
import { sameAction } from '../action-group.js';
import { FingerprintIndex } from '../fingerprint-index.js';
import { StateReader, StateWriter, StringTable } from '../state-codec.js';
import { ChunkCoverage } from './chunk-coverage.js';
import { IntList } from './int-list.js';
import { Insert, LevelOwners } from './level-owners.js';
import type { LevelReply, LevelRequest, WorkerReply, WorkerRequest, WorkerStart } from './protocol.js';

/** A model compiled by the worker entry, with the lines it prints (Print, PrintT). */
export interface LoadedWorkerModel {
  model?: Model;
  /** Why the model did not load. */
  problem?: string;
  /** Lines printed since the last call (taken, not copied). */
  takePrinted: () => string[];
}

/**
 * Answers the coordinator's requests on `port` until the thread is ended:
 * `load` compiles a model with `load` (the entry's loader), `level`
 * explores a chunk of states of it.
 */
export function serveLevels(start: WorkerStart, load: (source: unknown) => LoadedWorkerModel): void {
  const answered = new Int32Array(start.answered);
  const eventFlag = new Int32Array(start.eventFlag);
  const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []): void => {
    start.port.postMessage(message, transfer);
    Atomics.add(answered, 0, 1);
    Atomics.notify(answered, 0);
  };
  let explorer: ChunkExplorer | undefined;
  start.port.on('message', (request: WorkerRequest) => {
    try {
      if (request.type === 'load') {
        const loaded = load(request.source);
        const strings = new StringTable(request.strings ?? []);
        explorer = loaded.model
          ? new ChunkExplorer(loaded.model, eventFlag, loaded.takePrinted, strings)
          : undefined;
        reply({
          type: 'ready',
          ...(loaded.model ? {} : { problem: loaded.problem ?? 'the model did not load' }),
        });
        return;
      }
      if (!explorer) throw new Error('no model loaded');
      const r = explorer.explore(request);
      reply(r, [
        r.chunks.buffer,
        r.chunkEnds.buffer,
        r.parents.buffer,
        r.hi.buffer,
        r.lo.buffer,
        r.offsets.buffer,
      ] as ArrayBuffer[]);
    } catch (err) {
      reply({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}

/** Thrown to abandon a level whose new states do not fit in the owners' table. */
const TABLE_FULL = Symbol('fingerprint set full');

class ChunkExplorer {
  private owners: LevelOwners | undefined;
  private seen: FingerprintIndex | undefined;
  private readonly reader: StateReader;
  private readonly writer: StateWriter;
  private readonly parents = new IntList();
  private readonly his = new IntList();
  private readonly los = new IntList();
  private readonly offsets = new IntList();
  private readonly fp = new Uint32Array(2);
  private generated = 0;
  /** The words of the state being explored, and where each of its variables starts in them. */
  private curWords: Int32Array = new Int32Array(0);
  private bounds = new Int32Array(0);
  private readonly chunks = new IntList();
  private readonly chunkEnds = new IntList();
  /** Fingerprints this worker added to the owners' table and has not counted there yet. */
  private uncounted = 0;
  /** Action coverage of this answer's chunks, when the request asks for it. */
  private coverage: ChunkCoverage | undefined;

  constructor(
    private readonly model: Model,
    private readonly eventFlag: Int32Array,
    private readonly takePrinted: () => string[],
    strings: StringTable,
  ) {
    this.reader = new StateReader(strings);
    this.writer = new StateWriter(strings, true);
  }

  explore(request: LevelRequest): LevelReply {
    if (request.owners) this.owners = new LevelOwners(request.owners);
    this.uncounted = 0;
    if (request.store) this.seen = FingerprintIndex.ofView(request.store);
    this.generated = 0;
    this.coverage = request.coverage ? (this.coverage ?? new ChunkCoverage()) : undefined;
    const printed: string[][] = [];
    const nChunks = request.chunkStarts.length - 1;
    let outcome: 'done' | 'event' | 'full' = 'done';
    for (;;) {
      const c = Atomics.add(request.claims, 0, 1);
      if (c >= nChunks) break;
      outcome = this.exploreChunk(request, request.chunkStarts[c]!, request.chunkStarts[c + 1]!);
      this.chunks.push(c);
      this.chunkEnds.push(this.parents.length);
      this.coverage?.endChunk();
      printed.push(this.takePrinted());
      if (outcome !== 'done') break;
    }
    this.offsets.push(this.writer.length);
    return {
      type: 'level',
      event: outcome === 'event',
      full: outcome === 'full',
      generated: this.generated,
      chunks: this.chunks.take(),
      chunkEnds: this.chunkEnds.take(),
      printed,
      parents: this.parents.take(),
      hi: this.his.take(),
      lo: this.los.take(),
      offsets: this.offsets.take(),
      // A level that is run again or replayed keeps reading the buffer handed over last time.
      words: outcome === 'done' ? this.writer.takeShared() : this.discarded(),
      ...(this.coverage ? { coverage: this.coverage.take() } : {}),
    };
  }

  private discarded(): Int32Array {
    this.writer.discard();
    return new Int32Array(0);
  }

  /** Explores the level's states from index `start` to `end`. */
  private exploreChunk(request: LevelRequest, start: number, end: number): 'done' | 'event' | 'full' {
    const { model } = this;
    const nVars = model.variables.length;
    const ctx: SearchContext = { level: request.level };
    const nextCtx: SearchContext = { level: request.level + 1 };
    const group: Transition[] = [];
    try {
      for (let i = start; i < end; i++) {
        // Another worker found an event: this level is replayed anyway.
        if (Atomics.load(this.eventFlag, 0) !== 0) return 'event';
        const id = request.ids[i]!;
        const words = request.segments[request.segs[i]!]!;
        if (this.bounds.length < nVars + 1) this.bounds = new Int32Array(nVars + 1);
        const state = this.reader.read(words, request.offsets[i]!, nVars, this.bounds);
        this.curWords = words;
        const succs = model.successors(state, ctx);
        let any = false;
        group.length = 0;
        for (const t of succs) {
          any = true;
          if (group.length > 0 && !sameAction(group[0]!.action, t.action)) {
            if (!this.processGroup(state, id, group, nextCtx, request.levelStart)) return this.flag();
            group.length = 0;
          }
          group.push(t);
        }
        if (group.length > 0 && !this.processGroup(state, id, group, nextCtx, request.levelStart))
          return this.flag();
        if (!any && request.checkDeadlock) return this.flag();
      }
      return 'done';
    } catch (err) {
      if (err === TABLE_FULL) return 'full';
      // An evaluation error (or a bug the sequential replay will meet too).
      return this.flag();
    }
  }

  private flag(): 'event' {
    Atomics.store(this.eventFlag, 0, 1);
    return 'event';
  }

  /** Returns false on a violation. */
  private processGroup(
    cur: State,
    curId: number,
    group: readonly Transition[],
    ctx: SearchContext,
    levelStart: number,
  ): boolean {
    const model = this.model;
    this.generated += group.length;
    const row = this.coverage?.group(group[0]!.action, curId, group.length) ?? -1;
    for (const t of group) {
      const succ = t.state;
      let check = true;
      if (this.inModel(cur, succ, ctx)) {
        model.fingerprint(succ, this.fp);
        if (this.seen!.has(this.fp[0]!, this.fp[1]!)) {
          check = false;
        } else {
          const owners = this.owners!;
          const r = owners.insert(this.fp[0]!, this.fp[1]!, curId, levelStart);
          check = r !== Insert.owned;
          if (r === Insert.added && ++this.uncounted === owners.countBatch) {
            this.uncounted = 0;
            if (owners.addCount(owners.countBatch) > owners.limit) throw TABLE_FULL;
          }
        }
        if (check) {
          this.parents.push(curId);
          this.his.push(this.fp[0]!);
          this.los.push(this.fp[1]!);
          this.offsets.push(this.writer.writeSuccessor(succ, cur, this.curWords, this.bounds));
          if (row >= 0) this.coverage!.candidate(row);
        }
      }
      if (check) {
        for (const inv of model.invariants) if (!inv.holds(succ, ctx)) return false;
        for (const prop of model.stateProperties) if (!prop.holds(succ, ctx)) return false;
      }
      for (const prop of model.actionProperties) if (!prop.holds(cur, succ)) return false;
    }
    return true;
  }

  private inModel(from: State, to: State, ctx: SearchContext): boolean {
    for (const c of this.model.stateConstraints) if (!c(to, ctx)) return false;
    for (const c of this.model.actionConstraints) if (!c(from, to, ctx)) return false;
    return true;
  }
}
