/**
 * An army running OM(m): the generals, the bus between them, and a complete
 * run under a scheduler that picks which owed message goes next (first
 * owed first, or a seeded random order).
 */
import { General } from './general.js';
import { MessageBus } from './message-bus.js';
import { seededRandom, type TraitorStrategy } from './traitors.js';
import { COMMANDER, type GeneralId, type Order } from './types.js';

export interface ArmyOptions {
  n: number;
  m: number;
  /** Traitors by id, each with what it sends. */
  traitors?: ReadonlyMap<GeneralId, TraitorStrategy>;
}

export class Army {
  readonly generals: General[];
  readonly bus: MessageBus;

  constructor(readonly options: ArmyOptions) {
    const { n, m, traitors } = options;
    if (n < 2 || m < 0 || m > n - 2) throw new Error(`OM(${m}) needs 0 <= m <= n - 2 (n = ${n})`);
    this.generals = Array.from({ length: n }, (_, i) => {
      const id = i + 1;
      const traitor = traitors?.get(id);
      return new General({ id, n, m, ...(traitor ? { traitor } : {}) });
    });
    this.bus = new MessageBus(this.generals);
  }

  /** The loyal commander gives its order (a traitor commander sends what it likes, unasked). */
  command(order: Order): void {
    this.bus.post(this.general(COMMANDER).command(order));
  }

  general(id: GeneralId): General {
    const g = this.generals[id - 1];
    if (!g) throw new Error(`no general ${id}`);
    return g;
  }

  /** The loyal lieutenants, in order. */
  loyalLieutenants(): General[] {
    return this.generals.filter((g) => g.id !== COMMANDER && !g.isTraitor);
  }
}

/** Which owed message goes next: an index into `bus.pending()`. */
export type Scheduler = (pendingCount: number) => number;

export const fifo: Scheduler = () => 0;

export function randomOrder(seed: number): Scheduler {
  const next = seededRandom(seed);
  return (count) => Math.floor(next() * count);
}

export interface RunResult {
  /** Each loyal lieutenant's decision. */
  decisions: Map<GeneralId, Order>;
  messages: number;
}

export interface RunOptions extends ArmyOptions {
  /** The loyal commander's order (unused when the commander is a traitor). */
  order: Order;
}

/** Runs OM(m) to the end: the order given, every owed message sent, then every loyal lieutenant decides. */
export function runOralMessages(options: RunOptions, scheduler: Scheduler = fifo): RunResult {
  const army = new Army(options);
  if (!army.general(COMMANDER).isTraitor) army.command(options.order);
  for (let pending = army.bus.pending(); pending.length > 0; pending = army.bus.pending()) {
    const next = pending[scheduler(pending.length)]!;
    army.bus.send(next.path, next.to);
  }
  const decisions = new Map(army.loyalLieutenants().map((g) => [g.id, g.decide()] as const));
  return { decisions, messages: army.bus.sent().length };
}
