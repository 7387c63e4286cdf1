/**
 * Messages between the parallel simulation's coordinator and its workers
 * (`tlaw check --simulate N --workers K`). They travel through the search's
 * WorkerPool, whose own message types are those of the level search: these
 * are cast to and from them at the two ends.
 *
 * A run is a series of rounds. In a round the workers take behaviour numbers
 * from a shared counter until the round's end, and walk each with the
 * behaviour's own generator (prng.ts `behaviourPrng`); the lowest number whose
 * walk met an event (a violation, a deadlock, an evaluation error) is kept in
 * a shared word, which stops every walk of a higher number.
 */

import type { FailedReply, ReadyReply } from './protocol.js';

/** Int32 words of the run's shared buffer. */
export const NEXT_BEHAVIOUR = 0;
/** The lowest behaviour that met an event so far, NO_EVENT while none did. */
export const EVENT_BEHAVIOUR = 1;
export const SHARED_WORDS = 2;
export const NO_EVENT = 0x7fffffff;

/** Coordinator → worker: compile the model of the next run (as the level search's `load`). */
export interface SimulateLoadRequest {
  type: 'load';
  source: unknown;
}

/** Coordinator → worker: walk behaviours from the shared counter while they are below `end`. */
export interface WalkRequest {
  type: 'walk';
  /** SHARED_WORDS Int32 words: NEXT_BEHAVIOUR, EVENT_BEHAVIOUR. */
  shared: SharedArrayBuffer;
  end: number;
  seed: number;
  depth: number;
  checkDeadlock: boolean;
}

/** Worker → coordinator: the round is walked. */
export interface WalkReply {
  type: 'walked';
  /** Behaviours walked to their end without an event, and the number of states of each walk. */
  behaviours: Int32Array;
  lengths: Int32Array;
  /** The behaviour whose walk met an event, or -1. */
  event: number;
  /** Lines printed (Print, PrintT), and the behaviour whose walk printed each. */
  printed: string[];
  printedBy: number[];
}

export type SimulateRequest = SimulateLoadRequest | WalkRequest;
/** A round's answer, or, as with the level search's workers, ready (or not) and failed. */
export type SimulateReply = WalkReply | ReadyReply | FailedReply;
