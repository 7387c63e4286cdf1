/**
 * Generating the successors of one random action, as TLC's simulator does.
 *
 * TLC's simulator splits Next into its actions (disjuncts, and `\E` over
 * each value), picks one at random and computes only its successors; when
 * that action is disabled it tries the others in turn. The compiled Next
 * does the same while a sampler is set: at each splitting disjunction and
 * `\E` it visits the branches from a random one onwards (wrapping around)
 * and stops after the first branch that produced a successor. An innermost
 * action still yields all of its own successors; the caller picks one.
 */

/** Returns an integer in [0, n). */
export type Below = (n: number) => number;

let sampler: Below | null = null;

/** The sampler in force while generating successors, or null for a full generation. */
export function activeSampler(): Below | null {
  return sampler;
}

/** Runs `generate` with branch sampling on (successors of one random action only). */
export function withActionSampling<T>(below: Below, generate: () => T): T {
  const prev = sampler;
  sampler = below;
  try {
    return generate();
  } finally {
    sampler = prev;
  }
}

/**
 * Calls `branch(i, k)` for i = start, start+1, … (mod n) from a random start,
 * until one of them calls its continuation: that branch's successors are the
 * step's.
 */
export function sampleBranches(
  n: number,
  below: Below,
  branch: (i: number, k: () => void) => void,
  k: () => void,
): void {
  if (n === 0) return;
  let produced = false;
  const mark = (): void => {
    produced = true;
    k();
  };
  const start = below(n);
  for (let j = 0; j < n && !produced; j++) branch((start + j) % n, mark);
}
