/**
 * The worker side of the parallel simulation: walks the behaviours it takes
 * from the shared counter with the one-thread simulation's own code
 * (simulate.ts, given a WalkPlan), each with its behaviour's generator, and
 * tells the coordinator how long each walk was. A walk that meets an event is
 * not reported here: its number goes into the shared word, and the
 * coordinator walks that behaviour again to report it exactly as a
 * one-thread run does.
 */
import type { Model, Transition } from '../../model.js';
import { behaviourPrng } from '../prng.js';
import { simulate } from '../simulate.js';
import { IntList } from './int-list.js';
import type { LoadedWorkerModel } from './level-worker.js';
import type { WorkerStart } from './protocol.js';
import {
  EVENT_BEHAVIOUR,
  NEXT_BEHAVIOUR,
  type SimulateReply,
  type SimulateRequest,
  type WalkReply,
  type WalkRequest,
} from './simulate-protocol.js';

/** A model compiled by the worker entry, with the lines it prints (Print, PrintT). */
/** A model compiled by the worker entry (as the level search's workers have it). */
export type LoadedSimulationModel = LoadedWorkerModel;

/** Answers the coordinator's requests on `start.port` until the thread is ended. */
export function serveWalks(start: WorkerStart, load: (source: unknown) => LoadedSimulationModel): void {
  const answered = new Int32Array(start.answered);
  const reply = (message: SimulateReply, transfer: ArrayBuffer[] = []): void => {
    start.port.postMessage(message, transfer);
    Atomics.add(answered, 0, 1);
    Atomics.notify(answered, 0);
  };
  let walker: Walker | undefined;
  start.port.on('message', (request: SimulateRequest) => {
    try {
      if (request.type === 'load') {
        const loaded = load(request.source);
        walker = loaded.model ? new Walker(loaded.model, loaded.takePrinted) : undefined;
        reply({
          type: 'ready',
          ...(loaded.model ? {} : { problem: loaded.problem ?? 'the model did not load' }),
        });
        return;
      }
      if (!walker) throw new Error('no model loaded');
      const r = walker.round(request);
      reply(r, [r.behaviours.buffer, r.lengths.buffer] as ArrayBuffer[]);
    } catch (err) {
      reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  });
}

class Walker {
  /** The model's allowed initial states, computed in the first round. */
  private inits: readonly Transition[] | undefined;

  constructor(
    private readonly model: Model,
    private readonly takePrinted: () => string[],
  ) {}

  round(request: WalkRequest): WalkReply {
    const words = new Int32Array(request.shared);
    const behaviours = new IntList();
    const lengths = new IntList();
    const printed: string[] = [];
    const printedBy: number[] = [];
    let current = -1;
    // Lines belong to the walk that printed them; those of the initial states were the coordinator's.
    const file = (): void => {
      const lines = this.takePrinted();
      if (current < 0) return;
      for (const line of lines) {
        printed.push(line);
        printedBy.push(current);
      }
    };
    function* hand(): Iterable<number> {
      for (;;) {
        file();
        const n = Atomics.add(words, NEXT_BEHAVIOUR, 1);
        if (n >= request.end || n > Atomics.load(words, EVENT_BEHAVIOUR)) return;
        current = n;
        yield n;
      }
    }
    const result = simulate(
      this.model,
      {
        behaviours: request.end,
        depth: request.depth,
        seed: request.seed,
        checkDeadlock: request.checkDeadlock,
      },
      {
        behaviours: hand(),
        rngFor: (n) => behaviourPrng(request.seed, n),
        ...(this.inits ? { initialStates: this.inits } : {}),
        onInitialStates: (inits) => {
          this.inits = inits;
        },
        abandon: (n) => Atomics.load(words, EVENT_BEHAVIOUR) < n,
        walked: (n, length) => {
          behaviours.push(n);
          lengths.push(length);
        },
      },
    );
    file();
    let event = -1;
    if (result.result !== 'ok') {
      if (current < 0)
        throw new Error(`the initial states did not check as in the coordinator (${result.result})`);
      event = current;
      lowerTo(words, EVENT_BEHAVIOUR, event);
    }
    return {
      type: 'walked',
      behaviours: behaviours.take(),
      lengths: lengths.take(),
      event,
      printed,
      printedBy,
    };
  }
}

/** Sets `words[i]` to `value` unless it is lower already. */
function lowerTo(words: Int32Array, i: number, value: number): void {
  for (let seen = Atomics.load(words, i); value < seen; ) {
    const was = Atomics.compareExchange(words, i, seen, value);
    if (was === seen) return;
    seen = was;
  }
}
