/**
 * Messages between the parallel search's coordinator and its workers. A
 * level's chunk of states goes to a worker as serialized states (see
 * ../state-codec.ts) with their store ids; the worker answers with the new
 * states it found, in the order the sequential search would meet them.
 */
import type { MessagePort } from 'node:worker_threads';
import type { FingerprintIndexView } from '../fingerprint-index.js';

/** Coordinator → worker: compile the model of the next search (workers serve one search after another). */
export interface LoadRequest {
  type: 'load';
  /** Whatever the worker entry needs to load the model (spec and cfg files). */
  source: unknown;
}

/** Coordinator → worker: explore these states (all at `level`), then answer. */
export interface LevelRequest {
  type: 'level';
  level: number;
  /** Store id of the level's first state: owners below it in the owners' table are from earlier levels. */
  levelStart: number;
  /** Report deadlocks (a state with no successor at all). */
  checkDeadlock: boolean;
  /** Store ids of the chunk's states, in exploration order. */
  ids: Int32Array;
  /** Offset in `words` of each state. */
  offsets: Int32Array;
  /** The whole level's serialized states, in shared memory (every worker reads its own chunk of it). */
  words: Int32Array;
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
  /** Per candidate (a successor this worker may own): the parent's store id and the fingerprint. */
  parents: Int32Array;
  hi: Int32Array;
  lo: Int32Array;
  /** Offset in `words` of each candidate's state, plus one final offset (the end). */
  offsets: Int32Array;
  words: Int32Array;
  /** Lines printed (Print, PrintT) while exploring, in order. */
  printed: string[];
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
