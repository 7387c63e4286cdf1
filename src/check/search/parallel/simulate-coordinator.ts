/**
 * The parallel simulation (`tlaw check --simulate N --workers K`): K worker
 * threads walk the N behaviours, each behaviour with a generator derived from
 * the seed and its number (prng.ts `behaviourPrng`), so what a behaviour
 * walks does not depend on the thread that walks it.
 *
 * The coordinator checks the initial states itself, then runs rounds: the
 * workers take behaviour numbers from a shared counter (simulate-worker.ts).
 * When walks meet events (a violation, a deadlock, an evaluation error),
 * the lowest-numbered one is the run's: walks of higher numbers stop, lower
 * ones finish, and the coordinator walks that behaviour again with the
 * one-thread code, which reports it with its trace as a one-thread run
 * does. The counts are those of behaviours 0 to that one, so a run's result
 * depends on the seed alone, not on the number of workers or their timing.
 * Between rounds the coordinator asks whether to stop and prints what the
 * walks printed, in behaviour order.
 *
 * The coordinator waits synchronously (WorkerPool.collect), so the
 * simulation stays an ordinary function call.
 */
import { ExitCode } from '../../../errors.js';
import type { Model, Transition } from '../../model.js';
import type { CheckResult } from '../../result.js';
import { makeResult, NO_COUNTS, type SearchCounts } from '../outcome.js';
import { behaviourPrng } from '../prng.js';
import { type SimulateOptions, simulate } from '../simulate.js';
import { stoppedResult } from '../stop.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';
import {
  EVENT_BEHAVIOUR,
  NEXT_BEHAVIOUR,
  NO_EVENT,
  SHARED_WORDS,
  type SimulateReply,
  type SimulateRequest,
  type WalkReply,
} from './simulate-protocol.js';
import { sharedPool, type WorkerPool } from './worker-pool.js';

export interface ParallelSimulateOptions extends SimulateOptions {
  /** Number of worker threads. */
  workers: number;
  /** Module each worker runs: it calls `serveWalks` with a loader of models. */
  entry: URL;
  /** What the entry's loader needs to load this run's model (files, module paths). */
  source: unknown;
  /** Where the workers' Print output goes. */
  print?: (line: string) => void;
}

/** How long a round should take: short enough to stop promptly, long enough that waits between rounds are rare. */
const ROUND_MS = 250;

export function simulateInParallel(model: Model, options: ParallelSimulateOptions): CheckResult {
  const startedAt = Date.now();
  const pool = sharedPool(options.entry, options.workers);
  pool.busy = true;
  try {
    // The workers compile the spec while the initial states are checked here.
    for (let w = 0; w < pool.size; w++) send(pool, w, { type: 'load', source: options.source });
    let inits: readonly Transition[] = [];
    const initial = simulate(model, options, {
      behaviours: [],
      rngFor: (n) => behaviourPrng(options.seed, n),
      onInitialStates: (found) => {
        inits = found;
      },
    });
    const loaded = collect(pool);
    if (initial.result !== 'ok' || inits.length === 0) return initial;
    const problem = loaded.find((r) => r.type !== 'ready' || r.problem);
    if (problem) return failed(problem, startedAt);
    return new Rounds(model, options, pool, inits, initial, startedAt).run();
  } finally {
    pool.busy = false;
  }
}

class Rounds {
  private totalStates: number;
  private longest = 0;
  private traces = 0;
  private readonly words = new Int32Array(new SharedArrayBuffer(SHARED_WORDS * 4));

  constructor(
    private readonly model: Model,
    private readonly options: ParallelSimulateOptions,
    private readonly pool: WorkerPool,
    private readonly inits: readonly Transition[],
    private readonly initial: CheckResult,
    private readonly startedAt: number,
  ) {
    this.totalStates = initial.totalStates ?? 0;
    this.words[EVENT_BEHAVIOUR] = NO_EVENT;
  }

  run(): CheckResult {
    const { options } = this;
    const pool = this.pool;
    const behaviours = Math.min(options.behaviours, NO_EVENT);
    let size = pool.size * 4; // a first round to time the walks
    for (let next = 0; next < behaviours; ) {
      const stopReason = options.stop?.();
      if (stopReason)
        return { ...stoppedResult(stopReason, this.counts(), this.startedAt), traces: this.traces };
      const end = Math.min(behaviours, next + size);
      const roundStart = Date.now();
      Atomics.store(this.words, NEXT_BEHAVIOUR, next);
      for (let w = 0; w < pool.size; w++) {
        send(pool, w, {
          type: 'walk',
          shared: this.words.buffer as SharedArrayBuffer,
          end,
          seed: options.seed,
          depth: options.depth,
          checkDeadlock: options.checkDeadlock ?? this.model.checkDeadlock,
        });
      }
      const replies = collect(pool);
      const bad = replies.find((r) => r.type !== 'walked');
      if (bad) return failed(bad, this.startedAt);
      const event = Atomics.load(this.words, EVENT_BEHAVIOUR);
      this.take(replies as WalkReply[], event);
      if (event !== NO_EVENT) return this.report(event);
      next = end;
      const took = Math.max(1, Date.now() - roundStart);
      size = Math.max(pool.size, Math.min(size * 4, Math.round((size * ROUND_MS) / took)));
    }
    return makeResult('ok', ExitCode.ok, this.counts(), this.startedAt, { traces: this.traces });
  }

  /** Counts the walks of the round below `event` (the others do not belong to the run) and prints what they printed. */
  private take(replies: readonly WalkReply[], event: number): void {
    const lines: { by: number; line: string }[] = [];
    for (const r of replies) {
      for (let i = 0; i < r.behaviours.length; i++) {
        if (r.behaviours[i]! >= event) continue;
        const length = r.lengths[i]!;
        this.traces++;
        this.totalStates += length - 1; // the walk's first state was counted with the initial states
        this.longest = Math.max(this.longest, length);
      }
      r.printed.forEach((line, i) => {
        if (r.printedBy[i]! < event) lines.push({ by: r.printedBy[i]!, line });
      });
    }
    if (!this.options.print) return;
    lines.sort((a, b) => a.by - b.by); // stable: a walk's lines stay in order
    for (const l of lines) this.options.print(l.line);
  }

  /** Walks `behaviour` again here, which reports its event as the one-thread simulation does. */
  private report(behaviour: number): CheckResult {
    const again = simulate(
      this.model,
      { ...this.options, stop: undefined },
      {
        behaviours: [behaviour],
        rngFor: (n) => behaviourPrng(this.options.seed, n),
        initialStates: this.inits,
      },
    );
    if (again.result === 'ok') {
      return makeResult('error', ExitCode.systemError, this.counts(), this.startedAt, {
        message:
          `Behaviour ${behaviour} of the simulation met an error or a violation in a worker thread, but not when walked again; ` +
          'run with --workers 1 to check this model.',
        traces: this.traces,
      });
    }
    return {
      ...again,
      totalStates: this.totalStates + (again.totalStates ?? 0),
      depth: Math.max(this.longest, again.depth ?? 0),
      traces: this.traces + 1,
      durationMs: Math.max(0, Date.now() - this.startedAt),
    };
  }

  private counts(): SearchCounts {
    return {
      distinctStates: null,
      totalStates: this.totalStates,
      statesLeftOnQueue: null,
      initialStates: this.initial.initialStates,
      depth: this.longest,
    };
  }
}

function send(pool: WorkerPool, w: number, request: SimulateRequest): void {
  pool.send(w, request as unknown as WorkerRequest);
}

/** The workers' answers; a worker that stopped (out of memory, crashed) is one that failed. */
function collect(pool: WorkerPool): SimulateReply[] {
  try {
    return pool.collect() as readonly WorkerReply[] as unknown as SimulateReply[];
  } catch (err) {
    return [{ type: 'failed', message: err instanceof Error ? err.message : String(err) }];
  }
}

/** A worker that could not load the model or failed: said plainly, as the run's error. */
function failed(reply: SimulateReply, startedAt: number): CheckResult {
  const why =
    reply.type === 'failed'
      ? `a simulation worker failed: ${reply.message}`
      : reply.type === 'ready'
        ? `a simulation worker could not load the model: ${reply.problem}`
        : 'a simulation worker gave an unexpected answer';
  return makeResult('error', ExitCode.systemError, NO_COUNTS, startedAt, {
    message: `The simulation stopped: ${why}.`,
  });
}
