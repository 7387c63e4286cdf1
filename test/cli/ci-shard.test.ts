import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/cli/ci-shard.js';

describe('tlaw ci --shard', () => {
  it('puts every model on exactly one of n shards, keeping manifest order', () => {
    const models = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const shards = [1, 2, 3].map((i) => shardOf(models, { index: i, count: 3 }));
    expect(shards).toEqual([
      ['a', 'd', 'g'],
      ['b', 'e'],
      ['c', 'f'],
    ]);
    expect(shards.flat().sort()).toEqual(models);
    expect(shardOf(models, undefined)).toEqual(models);
  });

  it('reads i/n and rejects shards outside 1..n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '-1/2'])
      expect(parseShard(bad)).toMatch(/expected i\/n/);
  });
});
