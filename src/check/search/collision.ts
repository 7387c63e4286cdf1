/**
 * TLC's estimate of the probability that the search missed states because
 * two distinct states had the same 64-bit fingerprint, "calculated
 * (optimistic)" from the counts: each of the n distinct states could have
 * been confused with each of the (generated - n) duplicates met, each time
 * with probability 2^-64 (tlc2.tool.ModelChecker.reportSuccess:
 * d * (generated - d) / 2^64).
 */
export function fingerprintCollisionProbability(distinct: number, generated: number): number {
  return (distinct * Math.max(0, generated - distinct)) / 2 ** 64;
}

/** TLC's form of the estimate: `1.4E-15` (two significant digits). */
export function formatProbability(p: number): string {
  if (p === 0) return '0.0';
  const [mantissa, exponent] = p.toExponential(1).split('e');
  return `${mantissa}E${Number(exponent)}`;
}
