/**
 * The behaviour graph the liveness check runs on, recorded while the safety
 * search (src/check/search/bfs.ts) explores the state space.
 *
 * The search is given a seen-state store (`GraphRecordingStore`) and a thin
 * wrapper of the model: the wrapper remembers the state whose successors
 * are being generated and the state last fingerprinted, and the store,
 * when the search adds that fingerprint, records the transition (to a new
 * or an already seen state) and evaluates the atoms of the temporal
 * formulas on it. States themselves are not kept: per state the parent id
 * and fingerprint (for rebuilding counterexamples), its state-atom bits and
 * the action-atom bits of its stuttering step; per transition the target id
 * and its action-atom bits, in typed arrays. A model without temporal
 * properties never goes through here.
 */
import type { Model, SearchContext, State, Transition } from '../model.js';
import { fingerprintSlot, type SeenStateStore } from '../search/index.js';
import type { AtomEvaluator } from './atoms.js';

/** The recorded graph, edges grouped by source state (compressed sparse rows). */
export interface BehaviourGraph {
  readonly size: number;
  /** Ids of the initial states. */
  readonly initial: Int32Array;
  /** Edges of state s are `edgeStart[s] .. edgeStart[s + 1] - 1`. */
  readonly edgeStart: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Action-atom bits per edge (`actionWords` words each). */
  readonly edgeBits: Uint32Array;
  /** State-atom bits per state (`stateWords` words each). */
  readonly stateBits: Uint32Array;
  /** Action-atom bits of each state's stuttering step. */
  readonly stutterBits: Uint32Array;
  readonly stateWords: number;
  readonly actionWords: number;
  /** The store the search filled (parents and fingerprints, for rebuilding states). */
  readonly store: SeenStateStore;
}

/** Growable typed array. */
class Grow<T extends Int32Array | Uint32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < n) cap *= 2;
    const d = this.make(cap);
    d.set(this.data);
    this.data = d;
  }
  push(v: number): void {
    this.ensure(this.length + 1);
    this.data[this.length++] = v;
  }
}

const EMPTY = 0;

/** A seen-state store that also records the transitions the search takes and their atom bits. */
export class GraphRecordingStore implements SeenStateStore {
  private table = new Int32Array(1 << 13);
  private mask = (1 << 13) - 1;
  private readonly hi = new Grow(new Uint32Array(1 << 12), (n) => new Uint32Array(n));
  private readonly lo = new Grow(new Uint32Array(1 << 12), (n) => new Uint32Array(n));
  private readonly parent = new Grow(new Int32Array(1 << 12), (n) => new Int32Array(n));
  private readonly initialIds = new Grow(new Int32Array(16), (n) => new Int32Array(n));
  private readonly edgeFrom = new Grow(new Int32Array(1 << 12), (n) => new Int32Array(n));
  private readonly edgeTo = new Grow(new Int32Array(1 << 12), (n) => new Int32Array(n));
  private readonly edgeBitsRaw: Grow<Uint32Array>;
  private readonly stateBitsRaw: Grow<Uint32Array>;
  private readonly stutterBitsRaw: Grow<Uint32Array>;
  /** State being explored (whose successors the search asked for last). */
  private from: State | undefined;
  /** State last fingerprinted, with its fingerprint. */
  private last: State | undefined;
  private readonly lastFp = new Uint32Array(2);

  constructor(private readonly atoms: AtomEvaluator) {
    this.edgeBitsRaw = new Grow(new Uint32Array(atoms.actionWords << 12), (n) => new Uint32Array(n));
    this.stateBitsRaw = new Grow(new Uint32Array(atoms.stateWords << 12), (n) => new Uint32Array(n));
    this.stutterBitsRaw = new Grow(new Uint32Array(atoms.actionWords << 12), (n) => new Uint32Array(n));
  }

  /** The model to give the search: the same model, telling this store which states it handles. */
  wrap(model: Model): Model {
    const store = this;
    const wrapped: Model = Object.create(model);
    return Object.assign(wrapped, {
      successors(state: State, ctx: SearchContext): Iterable<Transition> {
        store.from = state;
        return model.successors(state, ctx);
      },
      fingerprint(state: State, out: Uint32Array): void {
        model.fingerprint(state, out);
        store.last = state;
        store.lastFp[0] = out[0]!;
        store.lastFp[1] = out[1]!;
      },
    });
  }

  get size(): number {
    return this.hi.length;
  }

  get bytes(): number {
    return (
      this.table.byteLength +
      [
        this.hi,
        this.lo,
        this.parent,
        this.initialIds,
        this.edgeFrom,
        this.edgeTo,
        this.edgeBitsRaw,
        this.stateBitsRaw,
        this.stutterBitsRaw,
      ]
        .map((g) => g.data.byteLength)
        .reduce((a, b) => a + b, 0)
    );
  }

  add(hi: number, lo: number, parent: number): number {
    hi >>>= 0;
    lo >>>= 0;
    const state = this.last;
    if (!state || this.lastFp[0] !== hi || this.lastFp[1] !== lo) {
      throw new Error('liveness: the search added a fingerprint that was not computed through the model');
    }
    let id = this.find(hi, lo);
    const fresh = id < 0;
    if (fresh) id = this.insert(hi, lo, parent, state);
    if (parent < 0) {
      if (fresh) this.initialIds.push(id);
    } else {
      this.recordEdge(parent, id, state);
    }
    return fresh ? id : -1;
  }

  has(hi: number, lo: number): boolean {
    return this.find(hi >>> 0, lo >>> 0) >= 0;
  }

  parentOf(id: number): number {
    return this.parent.data[id]!;
  }

  fingerprintOf(id: number, out: Uint32Array): void {
    out[0] = this.hi.data[id]!;
    out[1] = this.lo.data[id]!;
  }

  /** The graph recorded so far, edges grouped by source. */
  graph(): BehaviourGraph {
    const n = this.size;
    const m = this.edgeFrom.length;
    const aw = this.atoms.actionWords;
    const edgeStart = new Int32Array(n + 1);
    const from = this.edgeFrom.data;
    const to = this.edgeTo.data;
    const bits = this.edgeBitsRaw.data;
    for (let e = 0; e < m; e++) edgeStart[from[e]! + 1]!++;
    for (let s = 0; s < n; s++) edgeStart[s + 1]! += edgeStart[s]!;
    const fill = edgeStart.slice(0, n);
    const edgeTarget = new Int32Array(m);
    const edgeBits = new Uint32Array(m * aw);
    for (let e = 0; e < m; e++) {
      const at = fill[from[e]!]!++;
      edgeTarget[at] = to[e]!;
      edgeBits.set(bits.subarray(e * aw, e * aw + aw), at * aw);
    }
    return {
      size: n,
      initial: this.initialIds.data.slice(0, this.initialIds.length),
      edgeStart,
      edgeTarget,
      edgeBits,
      stateBits: this.stateBitsRaw.data.slice(0, n * this.atoms.stateWords),
      stutterBits: this.stutterBitsRaw.data.slice(0, n * aw),
      stateWords: this.atoms.stateWords,
      actionWords: aw,
      store: this,
    };
  }

  private recordEdge(parent: number, id: number, to: State): void {
    const from = this.from;
    if (!from) throw new Error('liveness: a transition was added before any state was explored');
    const e = this.edgeFrom.length;
    this.edgeFrom.push(parent);
    this.edgeTo.push(id);
    const aw = this.atoms.actionWords;
    this.edgeBitsRaw.ensure((e + 1) * aw);
    this.edgeBitsRaw.length = (e + 1) * aw;
    this.atoms.actionBits(from, to, this.edgeBitsRaw.data, e * aw);
  }

  private insert(hi: number, lo: number, parent: number, state: State): number {
    const id = this.hi.length;
    this.hi.push(hi);
    this.lo.push(lo);
    this.parent.push(parent);
    const sw = this.atoms.stateWords;
    const aw = this.atoms.actionWords;
    this.stateBitsRaw.ensure((id + 1) * sw);
    this.stateBitsRaw.length = (id + 1) * sw;
    this.atoms.stateBits(state, this.stateBitsRaw.data, id * sw);
    this.stutterBitsRaw.ensure((id + 1) * aw);
    this.stutterBitsRaw.length = (id + 1) * aw;
    this.atoms.actionBits(state, state, this.stutterBitsRaw.data, id * aw);
    if ((id + 1) * 2 > this.table.length) this.rehash();
    else this.place(id);
    return id;
  }

  private find(hi: number, lo: number): number {
    let slot = fingerprintSlot(hi, lo) & this.mask;
    for (;;) {
      const entry = this.table[slot]!;
      if (entry === EMPTY) return -1;
      const id = entry - 1;
      if (this.lo.data[id] === lo && this.hi.data[id] === hi) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  private place(id: number): void {
    let slot = fingerprintSlot(this.hi.data[id]!, this.lo.data[id]!) & this.mask;
    while (this.table[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.table[slot] = id + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = this.table.length - 1;
    for (let id = 0; id < this.hi.length; id++) this.place(id);
  }
}
