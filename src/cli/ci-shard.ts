/**
 * `tlaw ci --shard i/n`: split a manifest's models across n CI machines.
 * Models are dealt round-robin in manifest order (model k goes to shard
 * k mod n + 1), so every model lands on exactly one shard and a long run
 * of similar models is spread out rather than given to one machine.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); a string says what is wrong. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    return `--shard ${text}: expected i/n with 1 <= i <= n (e.g. 2/3).`;
  }
  return { index, count };
}

/** The items of one shard, in their original order. */
export function shardOf<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, k) => k % shard.count === shard.index - 1);
}
