/**
 * A small seeded pseudo-random generator (SplitMix32) so that a simulation
 * run with the same seed explores the same behaviours on every machine.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
}

export function seededPrng(seed: number): Prng {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
  return {
    next,
    below: (n) => Math.floor(next() * n),
  };
}

/**
 * The generator of behaviour `n` of a parallel simulation, from the seed and
 * `n` alone: the behaviour is the same whichever thread walks it, and the
 * coordinator can walk it again on its own to report it.
 */
export function behaviourPrng(seed: number, n: number): Prng {
  return seededPrng(mix32(mix32(n ^ 0x5bd1e995) ^ (seed >>> 0)));
}

/** MurmurHash3's finalizer: nearby inputs give unrelated outputs. */
function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
