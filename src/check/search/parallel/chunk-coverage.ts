/**
 * Action coverage (`check --coverage`) counted by a worker of the parallel
 * search, chunk by chunk: per action label, the chunk's states it was
 * enabled in and the successors it generated, in the order the labels first
 * fired; and per candidate new state, which label produced it. The
 * coordinator adds the chunks up in the sequential order (so labels are
 * met in the order a one-thread search meets them) and counts a label's
 * distinct states as it keeps candidates.
 */
import type { Loc } from '../../../tla/ast.js';
import { locKey } from '../../coverage.js';
import type { ActionLabel } from '../../model.js';
import { IntList } from './int-list.js';

/** One label's counts within a chunk. */
export interface ChunkCoverageRow {
  name: string;
  module?: string;
  loc?: Loc;
  enabled: number;
  generated: number;
}

/** What a worker's answer carries when the search counts coverage. */
export interface ReplyCoverage {
  /** Per explored chunk (in the answer's `chunks` order), its labels in order of first firing. */
  rows: ChunkCoverageRow[][];
  /** Per candidate, the index of its label among its chunk's rows. */
  candidateRows: Int32Array;
}

export class ChunkCoverage {
  private rows: ChunkCoverageRow[] = [];
  private lastEnabledIn: number[] = [];
  /** Row by the label's location object (the evaluator hands out one per sub-action), then by its text. */
  private byLoc = new Map<Loc | string, number>();
  private byKey = new Map<string, number>();
  private readonly chunks: ChunkCoverageRow[][] = [];
  private readonly candidates = new IntList();

  /** Counts a group of `n` successors of the state `id` made by `action`; returns the group's row. */
  group(action: ActionLabel, id: number, n: number): number {
    let r = this.byLoc.get(action.loc ?? action.name);
    if (r === undefined || this.rows[r]!.name !== action.name) r = this.rowOf(action);
    const row = this.rows[r]!;
    if (this.lastEnabledIn[r] !== id) row.enabled++;
    this.lastEnabledIn[r] = id;
    row.generated += n;
    return r;
  }

  /** A candidate new state made by the group of row `r`. */
  candidate(r: number): void {
    this.candidates.push(r);
  }

  /** Ends a chunk: the next one counts afresh. */
  endChunk(): void {
    this.chunks.push(this.rows);
    this.rows = [];
    this.lastEnabledIn = [];
    this.byLoc = new Map();
    this.byKey = new Map();
  }

  /** The counts of the chunks since the last call. */
  take(): ReplyCoverage {
    const rows = this.chunks.splice(0);
    return { rows, candidateRows: this.candidates.take() };
  }

  private rowOf(action: ActionLabel): number {
    const loc = action.loc;
    const key = locKey(action.name, loc);
    let r = this.byKey.get(key);
    if (r === undefined) {
      r = this.rows.length;
      this.rows.push({
        name: action.name,
        ...(action.module !== undefined ? { module: action.module } : {}),
        ...(loc ? { loc } : {}),
        enabled: 0,
        generated: 0,
      });
      this.lastEnabledIn.push(-2);
      this.byKey.set(key, r);
    }
    this.byLoc.set(loc ?? action.name, r);
    return r;
  }
}
