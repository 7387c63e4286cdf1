/**
 * The decision rule of OM(m), as lieutenant `self` computes it from the
 * messages it received: for the sub-instance run by the last general of
 * `path`, the value received directly if it is the last round, otherwise the
 * majority of that value and of the values every other lieutenant relays
 * (each computed by the same rule one round deeper).
 */
import { receiversOf } from './paths.js';
import { COMMANDER, DEFAULT_ORDER, type GeneralId, type Order, type Path } from './types.js';

/** The value with a strict majority, else the default (ties and empty lists retreat). */
export function majority(values: readonly Order[]): Order {
  const attacks = values.filter((v) => v === 'attack').length;
  return 2 * attacks > values.length ? 'attack' : DEFAULT_ORDER;
}

/** What `self` received along `path` (throws when the message has not arrived). */
export type Received = (path: Path, self: GeneralId) => Order;

export function valueFor(n: number, m: number, received: Received, path: Path, self: GeneralId): Order {
  const direct = received(path, self);
  if (path.length === m + 1) return direct;
  const relayed = receiversOf(n, path)
    .filter((k) => k !== self)
    .map((k) => valueFor(n, m, received, [...path, k], self));
  return majority([direct, ...relayed]);
}

/** Lieutenant `self`'s decision in OM(m). */
export function decideOM(n: number, m: number, received: Received, self: GeneralId): Order {
  return valueFor(n, m, received, [COMMANDER], self);
}
