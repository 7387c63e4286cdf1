/**
 * The vocabulary of the oral-messages algorithm OM(m): generals are numbered
 * 1..n, general 1 is the commander, and every message travels along a path.
 */

export type Order = 'attack' | 'retreat';

export const ORDERS: readonly Order[] = ['attack', 'retreat'];

/** The order a lieutenant obeys when no value has a strict majority. */
export const DEFAULT_ORDER: Order = 'retreat';

export type GeneralId = number;

export const COMMANDER: GeneralId = 1;

/**
 * `[1, j1, …, jk]`: the commander, then the lieutenants that relayed the
 * value, in order. The last general of the path is the sender of a message
 * along it.
 */
export type Path = readonly GeneralId[];

/** "`from` says that its value for the path without `from` is `value`." */
export interface OralMessage {
  path: Path;
  from: GeneralId;
  to: GeneralId;
  value: Order;
}

/** A message `from` may send (its value is chosen when it is sent). */
export interface Envelope {
  path: Path;
  to: GeneralId;
}

export function messageKey(path: Path, to: GeneralId): string {
  return `${path.join('.')}>${to}`;
}
