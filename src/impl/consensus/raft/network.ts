/**
 * A simulated network for Raft: messages in flight are delivered when the
 * caller says so, in any order; they can be dropped, delivered more than once
 * (duplicated), or lost because a partition separates sender and receiver.
 * Identical messages in flight are one message (as in the spec's set).
 */
import { messageKey, type RaftMessage, type ServerId } from './types.js';

export class SimulatedNetwork {
  private readonly inFlight = new Map<string, RaftMessage>();
  /** Group number of each server while partitioned; servers in different groups cannot talk. */
  private groups: Map<ServerId, number> | undefined;
  private readonly handlers = new Map<ServerId, (m: RaftMessage) => void>();
  /** Messages lost to a partition (at sending or at delivery). */
  lostToPartition = 0;

  attach(id: ServerId, handler: (m: RaftMessage) => void): void {
    this.handlers.set(id, handler);
  }

  send(message: RaftMessage): void {
    if (!this.connected(message.src, message.dst)) {
      this.lostToPartition++;
      return;
    }
    this.inFlight.set(messageKey(message), message);
  }

  messages(): RaftMessage[] {
    return [...this.inFlight.values()];
  }

  /**
   * Hands `message` to its destination. With `keep`, a copy stays in flight
   * and can be delivered again (a duplicate). Across a partition it is lost.
   */
  deliver(message: RaftMessage, options: { keep?: boolean } = {}): void {
    const key = messageKey(message);
    const inFlight = this.inFlight.get(key);
    if (!inFlight) throw new Error(`not in flight: ${key}`);
    if (!options.keep) this.inFlight.delete(key);
    if (!this.connected(inFlight.src, inFlight.dst)) {
      this.inFlight.delete(key);
      this.lostToPartition++;
      return;
    }
    const handler = this.handlers.get(inFlight.dst);
    if (!handler) throw new Error(`no server ${inFlight.dst} on the network`);
    handler(inFlight);
  }

  drop(message: RaftMessage): void {
    const key = messageKey(message);
    if (!this.inFlight.delete(key)) throw new Error(`not in flight: ${key}`);
  }

  /** Splits the servers into groups that cannot reach each other (servers not listed are cut off alone). */
  partition(groups: readonly (readonly ServerId[])[]): void {
    this.groups = new Map(groups.flatMap((g, i) => g.map((id) => [id, i] as const)));
  }

  heal(): void {
    this.groups = undefined;
  }

  private connected(a: ServerId, b: ServerId): boolean {
    if (!this.groups) return true;
    const ga = this.groups.get(a);
    return ga !== undefined && ga === this.groups.get(b);
  }
}
