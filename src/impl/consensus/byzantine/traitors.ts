/**
 * What traitors send. A strategy is asked for the value of each message a
 * traitor sends, at the moment it sends it, so a test (or a trace replay)
 * decides exactly what every traitor says to whom.
 */
import type { GeneralId, Order, Path } from './types.js';

export interface TraitorTurn {
  path: Path;
  from: GeneralId;
  to: GeneralId;
  /** What a loyal general would send here (undefined for a traitor commander: it has no order). */
  honest: Order | undefined;
}

export type TraitorStrategy = (turn: TraitorTurn) => Order;

const opposite = (v: Order | undefined): Order => (v === 'attack' ? 'retreat' : 'attack');

/** Says the same thing to everyone, whatever it heard. */
export const always =
  (value: Order): TraitorStrategy =>
  () =>
    value;

/** Relays the opposite of what it heard (a traitor commander says "attack"). */
export const liar: TraitorStrategy = ({ honest }) => opposite(honest);

/** Tells even-numbered lieutenants "attack" and odd-numbered ones "retreat": the classic split. */
export const splitter: TraitorStrategy = ({ to }) => (to % 2 === 0 ? 'attack' : 'retreat');

/** A random value per message from a seeded generator (mulberry32), the same for the same seed. */
export function randomTraitor(seed: number): TraitorStrategy {
  const next = seededRandom(seed);
  return () => (next() < 0.5 ? 'attack' : 'retreat');
}

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
