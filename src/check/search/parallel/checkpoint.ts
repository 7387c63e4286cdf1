/**
 * Checkpoints of a level-synchronous search, so that a run of hours
 * survives a restart (`check --checkpoint <minutes>`, `--recover <dir>`), as
 * TLC's `-checkpoint` and `-recover` do.
 *
 * Taken between two levels, where the whole search is: the seen-state
 * store (per id the fingerprint and the parent), the next level's states
 * (serialized), the level number and the counts. A folder holds one
 * checkpoint: `meta.json`, `store.bin` and `frontier.bin`. It is written
 * into a sibling folder and renamed over the old one, so a crash while
 * writing leaves the previous checkpoint whole.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeenStateStore } from '../store.js';

/** A level's states: store ids and serialized states, in exploration order. */
export interface SerializedLevel {
  ids: Int32Array;
  offsets: Int32Array;
  words: Int32Array;
}

export interface Checkpoint {
  /** Which model was being checked (a recovery refuses another model's checkpoint). */
  identity: string;
  /** Level of the states of `frontier`. */
  level: number;
  totalStates: number;
  depth: number;
  /** The store, per id: fingerprint halves and parent id. */
  hi: Int32Array;
  lo: Int32Array;
  parent: Int32Array;
  frontier: SerializedLevel;
}

interface Meta {
  /** The layout of the files (and of serialized states, state-codec.ts): another cannot be read. */
  format: number;
  identity: string;
  level: number;
  totalStates: number;
  depth: number;
  states: number;
  frontierStates: number;
  frontierWords: number;
  writtenAt: string;
}

/** The store's fingerprints and parents, by id. */
export function snapshotStore(store: SeenStateStore): Pick<Checkpoint, 'hi' | 'lo' | 'parent'> {
  const n = store.size;
  const hi = new Int32Array(n);
  const lo = new Int32Array(n);
  const parent = new Int32Array(n);
  const fp = new Uint32Array(2);
  for (let id = 0; id < n; id++) {
    store.fingerprintOf(id, fp);
    hi[id] = fp[0]!;
    lo[id] = fp[1]!;
    parent[id] = store.parentOf(id);
  }
  return { hi, lo, parent };
}

/**
 * Fills `store` (holding the initial states the search just computed) with
 * the checkpoint's states; returns why it cannot, when the initial states
 * differ from the checkpoint's.
 */
export function restoreStore(store: SeenStateStore, cp: Checkpoint): string | undefined {
  const fp = new Uint32Array(2);
  if (store.size > cp.hi.length) return 'the checkpoint holds fewer states than the model has initial states';
  for (let id = 0; id < store.size; id++) {
    store.fingerprintOf(id, fp);
    if ((fp[0]! | 0) !== cp.hi[id] || (fp[1]! | 0) !== cp.lo[id])
      return 'the initial states of the model differ from those of the checkpoint';
  }
  for (let id = store.size; id < cp.hi.length; id++) {
    if (store.add(cp.hi[id]! >>> 0, cp.lo[id]! >>> 0, cp.parent[id]!) !== id)
      return `the checkpoint's state ${id} is a duplicate`;
  }
  return undefined;
}

/** Format 2: composites carry their hash in serialized states. */
export const CHECKPOINT_FORMAT = 2;

export function writeCheckpoint(dir: string, cp: Checkpoint): void {
  const writing = `${dir}.writing`;
  rmSync(writing, { recursive: true, force: true });
  mkdirSync(writing, { recursive: true });
  const meta: Meta = {
    format: CHECKPOINT_FORMAT,
    identity: cp.identity,
    level: cp.level,
    totalStates: cp.totalStates,
    depth: cp.depth,
    states: cp.hi.length,
    frontierStates: cp.frontier.ids.length,
    frontierWords: cp.frontier.words.length,
    writtenAt: new Date().toISOString(),
  };
  writeFileSync(join(writing, 'store.bin'), concat([cp.hi, cp.lo, cp.parent]));
  writeFileSync(
    join(writing, 'frontier.bin'),
    concat([cp.frontier.ids, cp.frontier.offsets, cp.frontier.words]),
  );
  writeFileSync(join(writing, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(writing, dir);
}

/** The identity recorded in a checkpoint folder, or why the folder is not one. */
export function checkpointIdentity(dir: string): { identity?: string; problem?: string } {
  const file = join(dir, 'meta.json');
  if (!existsSync(file)) return { problem: `${dir} holds no checkpoint (no meta.json)` };
  try {
    const meta = JSON.parse(readFileSync(file, 'utf8')) as Meta;
    if (meta.format !== CHECKPOINT_FORMAT)
      return {
        problem: `${dir} holds a checkpoint of format ${meta.format}, written by another version of tlaw (this one reads format ${CHECKPOINT_FORMAT}); start the search afresh`,
      };
    return { identity: meta.identity };
  } catch (err) {
    return { problem: `${file} cannot be read: ${(err as Error).message}` };
  }
}

export function readCheckpoint(dir: string): Checkpoint {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  const store = words(readFileSync(join(dir, 'store.bin')));
  const n = meta.states;
  const frontier = words(readFileSync(join(dir, 'frontier.bin')));
  const m = meta.frontierStates;
  return {
    identity: meta.identity,
    level: meta.level,
    totalStates: meta.totalStates,
    depth: meta.depth,
    hi: store.subarray(0, n),
    lo: store.subarray(n, 2 * n),
    parent: store.subarray(2 * n, 3 * n),
    frontier: {
      ids: frontier.subarray(0, m),
      offsets: frontier.subarray(m, 2 * m),
      words: frontier.subarray(2 * m, 2 * m + meta.frontierWords),
    },
  };
}

function concat(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A file's bytes as 32-bit words (copied: a read buffer need not be 4-aligned). */
function words(bytes: Buffer): Int32Array {
  const out = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
