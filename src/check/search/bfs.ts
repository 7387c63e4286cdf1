/**
 * Breadth-first search with TLC's semantics and counts.
 *
 * Per explored state, successors come in groups, one per action (TLC's
 * sub-actions: consecutive transitions with the same label name and source
 * location). A group is counted in "states generated" as a whole before its
 * states are looked at, as TLC does; an evaluation error inside a group means
 * the group is not counted. Then, for each successor:
 *   1. it is in the model when every CONSTRAINT and ACTION_CONSTRAINT holds;
 *   2. an in-model successor is added to the seen-state store (a new distinct state);
 *   3. a new successor, in the model or not, is checked against the invariants
 *      and the `[]P` properties; every transition against the `[][A]_v` properties;
 *   4. a new in-model successor is queued for exploration, only after it passed
 *      the checks (a violating state counts as distinct but is not left on the queue).
 * A state is deadlocked when no action yields any successor at all: successors
 * outside the constraints still count, so the boundary of a constrained model is
 * not a deadlock. Initial states are queued before their invariants are checked.
 * "Depth" is the level of the deepest state added to the store.
 */
import { ExitCode } from '../../errors.js';
import { CoverageCounter, type CoverageRow, type DeclaredAction } from '../coverage.js';
import {
  type Model,
  type SearchContext,
  EvalError as SpecEvalError,
  type State,
  type Transition,
} from '../model.js';
import type { CheckResult, TraceStep } from '../result.js';
import { sameAction } from './action-group.js';
import type { Frontier, LevelSearch } from './level-search.js';
import {
  checkAssumptions,
  checkPostconditions,
  evalErrorResult,
  makeResult,
  NO_COUNTS,
  type SearchCounts,
  violatedStatePredicate,
} from './outcome.js';
import { MemoryStateQueue, type StateQueue } from './queue.js';
import { type StopRequest, stoppedResult } from './stop.js';
import { MemoryStateStore, type SeenStateStore } from './store.js';
import { type PathState, rebuildPath, toTraceSteps } from './trace.js';

/** Numbers a progress display shows while the search runs. */
export interface SearchProgress {
  totalStates: number;
  distinctStates: number;
  statesLeftOnQueue: number;
  /** Level of the states being explored. */
  level: number;
  elapsedMs: number;
}

export interface BfsOptions {
  /** Report deadlocks; defaults to the model's CHECK_DEADLOCK. */
  checkDeadlock?: boolean;
  store?: SeenStateStore;
  /** States the seen-state store is sized for up front (without `store`; it grows beyond). */
  storeCapacity?: number;
  queue?: StateQueue;
  /** Called at most every `progressIntervalMs` (default 500) while the search runs. */
  onProgress?: (progress: SearchProgress) => void;
  progressIntervalMs?: number;
  /** Called once the initial states are computed, with the number of distinct initial states. */
  onInitialStates?: (count: number) => void;
  /**
   * Count action coverage (result.coverage): per action, the states it was
   * enabled in, the successors it generated and the new states among them.
   * `declared` names the actions known from the spec, so that those that
   * never fire are listed too.
   */
  coverage?: { declared: readonly DeclaredAction[] };
  /** Asked before each state is explored: a reason (`SIGINT`) stops the search with the counts so far. */
  stop?: StopRequest;
  /** Explores whole levels elsewhere (several threads: ./parallel/) before the per-state loop. */
  levels?: LevelSearch;
}

/** Model-checks `model` exhaustively, breadth first. */
export function bfs(model: Model, options: BfsOptions = {}): CheckResult {
  return new BfsRun(model, options).run();
}

/** What was being evaluated when an evaluation error struck, to build TLC's report. */
interface ErrorSite {
  /** Store id of the state being explored (-1 while computing initial states). */
  exploringId: number;
  /** The state being checked, when the error came from checking it. */
  checking: PathState | undefined;
  /** The named predicate being evaluated on it (TLC: `Evaluating invariant Inv failed.`). */
  evaluating: string | undefined;
  evaluatingKind: 'invariant' | 'action property';
}

class BfsRun {
  private readonly store: SeenStateStore;
  private readonly queue: StateQueue;
  private readonly checkDeadlock: boolean;
  private readonly startedAt = Date.now();
  private readonly fp = new Uint32Array(2);
  private totalStates = 0;
  private initialStates: number | null = null;
  private maxLevel = 0;
  private readonly site: ErrorSite = {
    exploringId: -1,
    checking: undefined,
    evaluating: undefined,
    evaluatingKind: 'invariant',
  };
  private nextProgressAt: number;
  private readonly coverage: CoverageCounter | undefined;

  constructor(
    private readonly model: Model,
    private readonly options: BfsOptions,
  ) {
    this.store = options.store ?? options.levels?.store ?? new MemoryStateStore(options.storeCapacity);
    this.queue = options.queue ?? new MemoryStateQueue();
    this.checkDeadlock = options.checkDeadlock ?? model.checkDeadlock;
    this.nextProgressAt = this.startedAt + (options.progressIntervalMs ?? 500);
    this.coverage = options.coverage
      ? new CoverageCounter([{ name: 'Initial predicate' }, ...options.coverage.declared])
      : undefined;
  }

  run(): CheckResult {
    let result: CheckResult;
    try {
      result = this.search();
    } finally {
      this.options.levels?.close();
    }
    if (this.coverage) result.coverage = this.coverage.summary();
    return result;
  }

  private search(): CheckResult {
    const assumption = checkAssumptions(this.model, this.startedAt);
    if (assumption) return assumption;
    try {
      const initResult = this.computeInitialStates();
      if (initResult) return initResult;
      const exploreResult = this.explore(this.exploreLevels());
      if (exploreResult) return exploreResult;
      const post = checkPostconditions(this.model, this.counts(), this.startedAt);
      if (post) return post;
      return makeResult('ok', ExitCode.ok, this.counts(), this.startedAt);
    } catch (err) {
      if (err instanceof SpecEvalError) return this.evalError(err);
      throw err;
    }
  }

  private counts(): SearchCounts {
    return {
      distinctStates: this.store.size,
      totalStates: this.totalStates,
      statesLeftOnQueue: this.queue.size,
      initialStates: this.initialStates,
      depth: this.maxLevel,
    };
  }

  private computeInitialStates(): CheckResult | null {
    const ctx: SearchContext = { level: 1 };
    for (const t of this.model.initialStates(ctx)) {
      this.totalStates++;
      const state = t.state;
      this.setSite(-1, t);
      const row = this.coverage?.row(t.action);
      if (row) {
        row.enabled = 1;
        row.generated++;
      }
      let unseen = true;
      if (this.inModel(state, ctx)) {
        const id = this.addToStore(state, -1, 1);
        unseen = id >= 0;
        if (unseen) this.queue.enqueue(state, id);
        if (unseen && row) row.distinct++;
      }
      if (unseen) {
        // TLC prints no counts when an initial state violates an invariant.
        const violated = violatedStatePredicate(this.model, state, ctx, this.site);
        if (violated) {
          return makeResult(violated.outcome, ExitCode.safetyViolation, NO_COUNTS, this.startedAt, {
            violated: violated.name,
            message: `Invariant ${violated.name} is violated by the initial state:`,
            trace: toTraceSteps(this.model, [{ state, action: t.action }]),
            traceKind: 'initial-state',
          });
        }
      }
      this.setSite(-1, undefined);
    }
    this.initialStates = this.store.size;
    this.options.onInitialStates?.(this.initialStates);
    return null;
  }

  /** Runs the level search, if any; returns the level of the states left on the queue. */
  private exploreLevels(): number {
    const levels = this.options.levels;
    if (!levels) return 1;
    const frontier: Frontier = {
      model: this.model,
      store: this.store,
      queue: this.queue,
      level: 1,
      totalStates: this.totalStates,
      depth: this.maxLevel,
      checkDeadlock: this.checkDeadlock,
      startedAt: this.startedAt,
      ...(this.options.stop ? { stop: this.options.stop } : {}),
      ...(this.options.onProgress ? { onProgress: this.options.onProgress } : {}),
      ...(this.coverage ? { coverage: this.coverage } : {}),
    };
    levels.run(frontier);
    this.totalStates = frontier.totalStates;
    this.maxLevel = frontier.depth;
    return frontier.level;
  }

  private explore(startLevel: number): CheckResult | null {
    const entry: { state: State; id: number } = { state: [], id: -1 };
    let level = startLevel;
    let levelEnd = this.store.size; // ids below this are at `level` or above
    let ctx: SearchContext = { level };
    let nextCtx: SearchContext = { level: level + 1 };
    const group: Transition[] = [];
    while (this.queue.dequeue(entry)) {
      const stopReason = this.options.stop?.();
      if (stopReason) return stoppedResult(stopReason, this.counts(), this.startedAt, 1);
      if (entry.id >= levelEnd) {
        level++;
        levelEnd = this.store.size;
        ctx = { level };
        nextCtx = { level: level + 1 };
      }
      const cur = entry.state;
      const curId = entry.id;
      this.setSite(curId, undefined);
      let deadlocked = true;
      group.length = 0;
      for (const t of this.model.successors(cur, ctx)) {
        if (group.length > 0 && !sameAction(group[0]!.action, t.action)) {
          deadlocked = false;
          const r = this.processGroup(cur, curId, group, nextCtx);
          if (r) return r;
          group.length = 0;
          this.setSite(curId, undefined);
        }
        group.push(t);
      }
      if (group.length > 0) {
        deadlocked = false;
        const r = this.processGroup(cur, curId, group, nextCtx);
        if (r) return r;
      }
      if (deadlocked && this.checkDeadlock) {
        return makeResult('deadlock', ExitCode.deadlock, this.counts(), this.startedAt, {
          message: 'Deadlock reached.',
          trace: this.traceTo(curId),
        });
      }
      if (this.options.onProgress) this.maybeReportProgress(level);
    }
    return null;
  }

  private processGroup(
    cur: State,
    curId: number,
    group: Transition[],
    ctx: SearchContext,
  ): CheckResult | null {
    const generatedBefore = this.totalStates;
    this.totalStates += group.length;
    const model = this.model;
    // One lookup per group: every transition of a group has the same label.
    const row: CoverageRow | undefined = this.coverage?.row(group[0]!.action);
    if (row) {
      if (row.lastEnabledIn !== curId) row.enabled++;
      row.lastEnabledIn = curId;
      row.generated += group.length;
    }
    for (let i = 0; i < group.length; i++) {
      const t = group[i]!;
      const succ = t.state;
      this.setSite(curId, t);
      let unseen = true;
      let id = -1;
      if (this.inModel(succ, ctx) && this.inActions(cur, succ, ctx)) {
        id = this.addToStore(succ, curId, ctx.level);
        unseen = id >= 0;
        if (unseen && row) row.distinct++;
      }
      if (unseen) {
        const violated = violatedStatePredicate(this.model, succ, ctx, this.site);
        if (violated) {
          // TLC has generated the group's states up to the violating one, not the rest.
          this.totalStates = generatedBefore + i + 1;
          return makeResult(violated.outcome, ExitCode.safetyViolation, this.counts(), this.startedAt, {
            violated: violated.name,
            message: `Invariant ${violated.name} is violated.`,
            trace: this.traceTo(curId, { state: succ, action: t.action }),
          });
        }
      }
      for (const prop of model.actionProperties) {
        this.site.evaluating = prop.name;
        this.site.evaluatingKind = 'action property';
        if (!prop.holds(cur, succ)) {
          // TLC has generated the group's states up to the violating one, not the rest.
          this.totalStates = generatedBefore + i + 1;
          return makeResult('property-violation', ExitCode.livenessViolation, this.counts(), this.startedAt, {
            violated: prop.name,
            message: `Action property ${prop.name} is violated.`,
            trace: this.traceTo(curId, { state: succ, action: t.action }),
          });
        }
      }
      if (id >= 0) this.queue.enqueue(succ, id);
    }
    return null;
  }

  private inModel(state: State, ctx: SearchContext): boolean {
    for (const c of this.model.stateConstraints) if (!c(state, ctx)) return false;
    return true;
  }

  private inActions(from: State, to: State, ctx: SearchContext): boolean {
    for (const c of this.model.actionConstraints) if (!c(from, to, ctx)) return false;
    return true;
  }

  /** Adds the state's fingerprint; returns its new id, or -1 when already seen. */
  private addToStore(state: State, parent: number, level: number): number {
    this.model.fingerprint(state, this.fp);
    const id = this.store.add(this.fp[0]!, this.fp[1]!, parent);
    if (id >= 0 && level > this.maxLevel) this.maxLevel = level;
    return id;
  }

  /** The behaviour from an initial state to the stored state `id`, then `extra` if given. */
  private traceTo(id: number, extra?: PathState): TraceStep[] {
    const path = id >= 0 ? rebuildPath(this.model, this.store, id) : [];
    if (extra) path.push(extra);
    return toTraceSteps(this.model, path);
  }

  private setSite(exploringId: number, checking: PathState | undefined): void {
    this.site.exploringId = exploringId;
    this.site.checking = checking;
    this.site.evaluating = undefined;
    this.site.evaluatingKind = 'invariant';
  }

  private evalError(err: SpecEvalError): CheckResult {
    const { exploringId, checking, evaluating, evaluatingKind } = this.site;
    const prefix = evaluating && checking ? `Evaluating ${evaluatingKind} ${evaluating} failed.` : undefined;
    if (exploringId < 0) {
      // TLC prints the counts (no "initial states" line) and the state it was working on, if any,
      // without naming the invariant.
      const trace = checking ? toTraceSteps(this.model, [checking]) : null;
      const r = evalErrorResult(err, this.counts(), this.startedAt, trace);
      if (trace) r.traceKind = 'while-initial';
      return r;
    }
    const site = evaluating && checking ? evaluatingKind : undefined;
    return evalErrorResult(
      err,
      this.counts(),
      this.startedAt,
      this.traceTo(exploringId, checking),
      prefix,
      site,
    );
  }

  private maybeReportProgress(level: number): void {
    const now = Date.now();
    if (now < this.nextProgressAt) return;
    this.nextProgressAt = now + (this.options.progressIntervalMs ?? 500);
    this.options.onProgress?.({
      totalStates: this.totalStates,
      distinctStates: this.store.size,
      statesLeftOnQueue: this.queue.size,
      level,
      elapsedMs: now - this.startedAt,
    });
  }
}
