/**
 * Messages between the parallel search's coordinator and its workers. A
 * level's chunk of states goes to a worker as serialized states (see
 * ../state-codec.ts) with their store ids; the worker answers with the new
 * states it found, in the order the sequential search would meet them.
 */
import type { MessagePort } from 'node:worker_threads';
import type { FingerprintIndexView } from '../fingerprint-index.js';
import type { ReplyCoverage } from './chunk-coverage.js';

/** Coordinator → worker: compile the model of the next search (workers serve one search after another). */
export interface LoadRequest {
  type: 'load';
  /** Whatever the worker entry needs to load the model (spec and cfg files). */
  source: unknown;
  /**
   * Strings written as one word each between the threads (the spec's own:
   * identifiers and literals), the same list for the coordinator and every
   * worker. Others are written out in full.
   */
  strings?: string[];
}

/**
 * Coordinator → worker: explore chunks of this level's states, claiming
 * them one after another from a shared counter until none is left (so that
 * a worker whose chunks are quick takes more of them), then answer.
 */
export interface LevelRequest {
  type: 'level';
  level: number;
  /** Store id of the level's first state: owners below it in the owners' table are from earlier levels. */
  levelStart: number;
  /** Report deadlocks (a state with no successor at all). */
  checkDeadlock: boolean;
  /** Count action coverage (the answer's `coverage`). */
  coverage?: boolean;
  /** Store ids of the level's states, in exploration order (shared memory). */
  ids: Int32Array;
  /** Per state, which of `segments` holds it (shared memory). */
  segs: Int32Array;
  /** Per state, its offset in its segment (shared memory). */
  offsets: Int32Array;
  /** The level's serialized states, in the buffers the workers wrote them in (shared memory). */
  segments: Int32Array[];
  /** Index in `ids` where each chunk starts, and one past the last (shared memory). */
  chunkStarts: Int32Array;
  /** Word 0: the next chunk to claim (Atomics.add). */
  claims: Int32Array;
  /** The table of the level's new fingerprints and their owners, when it changed since the last request. */
  owners?: SharedArrayBuffer;
  /** The coordinator's store (read only during the level), when its buffers changed since the last request. */
  store?: FingerprintIndexView;
}

/** Worker → coordinator: the chunk is explored. */
export interface LevelReply {
  type: 'level';
  /**
   * The chunk holds an event (a violation, a deadlock, an evaluation error):
   * the coordinator replays the level with the sequential search, which
   * reports it with TLC's counts and trace.
   */
  event: boolean;
  /** The owners' table filled up during the level: grow it and run the level again. */
  full: boolean;
  /** States generated (TLC's count, by whole action groups). */
  generated: number;
  /** The chunks this worker explored, in the order it did. */
  chunks: Int32Array;
  /** Per explored chunk, the number of candidates so far (so chunk k's candidates end there). */
  chunkEnds: Int32Array;
  /** Per explored chunk, the lines printed (Print, PrintT) while exploring it. */
  printed: string[][];
  /** Per candidate (a successor this worker may own): the parent's store id and the fingerprint. */
  parents: Int32Array;
  hi: Int32Array;
  lo: Int32Array;
  /** Offset in `words` of each candidate's state, plus one final offset (the end). */
  offsets: Int32Array;
  /** The candidates' serialized states (shared memory: the next level is read from here). */
  words: Int32Array;
  /** Action coverage of the explored chunks, when the request asked for it. */
  coverage?: ReplyCoverage;
}

/** Worker → coordinator: the spec is compiled and the worker is ready (or could not load it). */
export interface ReadyReply {
  type: 'ready';
  problem?: string;
}

/** Worker → coordinator: a bug, not a property of the spec. */
export interface FailedReply {
  type: 'failed';
  message: string;
}

export type WorkerRequest = LoadRequest | LevelRequest;
export type WorkerReply = LevelReply | ReadyReply | FailedReply;

/** What the coordinator gives each worker at start (`workerData`). */
export interface WorkerStart {
  /** Int32 word 0 counts the workers that have answered the current request. */
  answered: SharedArrayBuffer;
  /** Int32 word 0 is set to 1 when some worker found an event: the others may stop early. */
  eventFlag: SharedArrayBuffer;
  port: MessagePort;
}
