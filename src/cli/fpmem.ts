/**
 * `tlaw check --fpmem <amount>`, as TLC's `-fpmem`: the memory set aside for
 * the seen-state store up front, a fraction (below 1) of the machine's
 * memory or a number of megabytes. The embedded checker sizes the store's
 * hash table for as many states as that holds (it still grows beyond), so
 * that a long search does not stop to rehash a large table; without the
 * option the store starts small and grows as needed.
 */
import { totalmem } from 'node:os';
import { InvalidArgumentError } from 'commander';

/** Bytes a stored state takes: 12 for its fingerprint and parent, 6.7–10 for its hash-table slot. */
const BYTES_PER_STATE = 20;
/** The most states a store's table is sized for at once (its slots stay within a typed array's length). */
const MOST_STATES = 1_200_000_000;

/** Parses `--fpmem`: a fraction in (0, 1) of the machine's memory, or megabytes (1 and more). */
export function parseFpmem(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('--fpmem must be a fraction of memory (below 1) or a number of MB.');
  return n;
}

/** The bytes an `--fpmem` amount stands for. */
export function fpmemBytes(amount: number): number {
  return amount < 1 ? Math.floor(totalmem() * amount) : Math.floor(amount * 2 ** 20);
}

/** How many states the store is sized for, for an `--fpmem` amount. */
export function storeCapacityFor(amount: number): number {
  return Math.min(MOST_STATES, Math.max(1, Math.floor(fpmemBytes(amount) / BYTES_PER_STATE)));
}
