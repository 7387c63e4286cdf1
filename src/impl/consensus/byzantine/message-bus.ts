/**
 * An asynchronous message bus between generals. Generals hand it the
 * messages they owe; the bus sends them one at a time, in whatever order its
 * caller chooses (a scheduler, or a trace replay), asking the sender for the
 * value at the moment of sending. Every sent message is logged.
 */
import type { General } from './general.js';
import {
  type Envelope,
  type GeneralId,
  messageKey,
  type OralMessage,
  type Order,
  type Path,
} from './types.js';

export class MessageBus {
  private readonly owed = new Map<string, Envelope>();
  private readonly log: OralMessage[] = [];
  private readonly values = new Map<string, Order>();
  private readonly generals = new Map<GeneralId, General>();

  constructor(generals: Iterable<General>) {
    for (const g of generals) this.generals.set(g.id, g);
    for (const g of this.generals.values()) this.post(g.initialEnvelopes());
  }

  /** Messages owed but not sent yet, in the order they became owed. */
  pending(): Envelope[] {
    return [...this.owed.values()];
  }

  /** Messages sent so far, in order. */
  sent(): readonly OralMessage[] {
    return this.log;
  }

  /** The value sent along `path` to `to`, if that message has been sent. */
  valueSent(path: Path, to: GeneralId): Order | undefined {
    return this.values.get(messageKey(path, to));
  }

  /** Sends the owed message along `path` to `to`: the sender chooses its value, the receiver takes it in. */
  send(path: Path, to: GeneralId): OralMessage {
    const key = messageKey(path, to);
    if (!this.owed.has(key)) throw new Error(`no message ${path.join('.')} -> ${to} is owed`);
    this.owed.delete(key);
    const from = path[path.length - 1]!;
    const message: OralMessage = { path, from, to, value: this.general(from).speak(path, to) };
    this.log.push(message);
    this.values.set(key, message.value);
    this.post(this.general(to).receive(message));
    return message;
  }

  /** Queues messages a general now owes (e.g. the commander's, once it has an order). */
  post(envelopes: readonly Envelope[]): void {
    for (const e of envelopes) this.owed.set(messageKey(e.path, e.to), e);
  }

  private general(id: GeneralId): General {
    const g = this.generals.get(id);
    if (!g) throw new Error(`no general ${id}`);
    return g;
  }
}
