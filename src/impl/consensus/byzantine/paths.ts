/**
 * Paths and message counts of OM(m) with n generals. A run sends one message
 * for every path of length 1..m+1 (the commander, then distinct lieutenants)
 * and every lieutenant not on the path: (n-1) + (n-1)(n-2) + … + (n-1)…(n-1-m)
 * messages, which grows as n^(m+1).
 */
import { COMMANDER, type Envelope, type GeneralId, type Path } from './types.js';

export function lieutenants(n: number): GeneralId[] {
  return Array.from({ length: n - 1 }, (_, i) => i + 2);
}

/** The lieutenants a general speaking for `path` sends to: those not on it. */
export function receiversOf(n: number, path: Path): GeneralId[] {
  return lieutenants(n).filter((g) => !path.includes(g));
}

/** Every path of OM(m), shortest first. */
export function allPaths(n: number, m: number): Path[] {
  const out: Path[] = [];
  let level: Path[] = [[COMMANDER]];
  for (let len = 1; len <= m + 1; len++) {
    out.push(...level);
    level = level.flatMap((p) => receiversOf(n, p).map((j) => [...p, j]));
  }
  return out;
}

/** Every message of a complete run of OM(m) as (path, receiver). */
export function allEnvelopes(n: number, m: number): Envelope[] {
  return allPaths(n, m).flatMap((path) => receiversOf(n, path).map((to) => ({ path, to })));
}

/** (n-1) + (n-1)(n-2) + … + (n-1)(n-2)…(n-1-m): the messages of one run. */
export function omMessageCount(n: number, m: number): number {
  let total = 0;
  let product = 1;
  for (let k = 1; k <= m + 1; k++) {
    product *= n - k;
    total += product;
  }
  return total;
}
