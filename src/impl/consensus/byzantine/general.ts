/**
 * A general as an actor: the commander is given its order (`command`); each
 * general holds the messages it received, knows which
 * messages it owes (it may speak for a path once it holds its own value for
 * it), chooses the value of each message when the bus sends it (a traitor
 * asks its strategy), and decides on request once every message addressed
 * to it has arrived.
 */
import { decideOM } from './majority.js';
import { receiversOf } from './paths.js';
import type { TraitorStrategy } from './traitors.js';
import {
  COMMANDER,
  type Envelope,
  type GeneralId,
  messageKey,
  type OralMessage,
  type Order,
  type Path,
} from './types.js';

export interface GeneralOptions {
  id: GeneralId;
  n: number;
  m: number;
  /** Present for a traitor: what it sends instead of the truth. */
  traitor?: TraitorStrategy;
}

export class General {
  readonly id: GeneralId;
  private readonly received = new Map<string, Order>();
  private decided: Order | undefined;
  private ordered: Order | undefined;

  constructor(private readonly options: GeneralOptions) {
    this.id = options.id;
  }

  get isTraitor(): boolean {
    return this.options.traitor !== undefined;
  }

  get decision(): Order | undefined {
    return this.decided;
  }

  /** The loyal commander's order, once given. */
  get order(): Order | undefined {
    return this.ordered;
  }

  /** The messages this general owes from the start: a traitor commander's, who needs no order. */
  initialEnvelopes(): Envelope[] {
    return this.id === COMMANDER && this.isTraitor ? this.commanderEnvelopes() : [];
  }

  /** The loyal commander chooses its order; returns the messages it now owes. */
  command(order: Order): Envelope[] {
    if (this.id !== COMMANDER || this.isTraitor)
      throw new Error(`general ${this.id} is not a loyal commander`);
    if (this.ordered !== undefined) throw new Error('the commander has already given its order');
    this.ordered = order;
    return this.commanderEnvelopes();
  }

  /** The value this general sends along `path` to `to`: the truth, or its strategy's choice. */
  speak(path: Path, to: GeneralId): Order {
    const honest = this.honestValue(path);
    if (this.options.traitor) return this.options.traitor({ path, from: this.id, to, honest });
    if (honest === undefined) throw new Error(`general ${this.id} cannot speak for ${path.join('.')} yet`);
    return honest;
  }

  /** Takes a message in; returns the messages it now owes (relays of this one, if a round remains). */
  receive(message: OralMessage): Envelope[] {
    const key = messageKey(message.path, this.id);
    if (this.received.has(key)) return []; // a duplicate delivery changes nothing
    this.received.set(key, message.value);
    if (message.path.length > this.options.m) return [];
    const path = [...message.path, this.id];
    return receiversOf(this.options.n, path).map((to) => ({ path, to }));
  }

  /** What it received along `path`, if that message arrived. */
  heard(path: Path): Order | undefined {
    return this.received.get(messageKey(path, this.id));
  }

  /** Decides by the OM(m) majority rule; throws while a message addressed to it is missing. */
  decide(): Order {
    const { n, m } = this.options;
    this.decided = decideOM(n, m, (path) => this.mustHave(path), this.id);
    return this.decided;
  }

  private commanderEnvelopes(): Envelope[] {
    const path: Path = [COMMANDER];
    return receiversOf(this.options.n, path).map((to) => ({ path, to }));
  }

  private honestValue(path: Path): Order | undefined {
    if (path.length === 1) return this.ordered;
    return this.heard(path.slice(0, -1));
  }

  private mustHave(path: Path): Order {
    const value = this.heard(path);
    if (value === undefined) throw new Error(`general ${this.id} has not received ${path.join('.')} yet`);
    return value;
  }
}
