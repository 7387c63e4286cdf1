/** Loads the KvStore fixture spec (test/fixtures/mbt/kv) into a model for the mbt tests. */
import { join } from 'node:path';
import type { Model } from '../../src/check/model.js';
import { loadModel } from '../../src/cli/check-load.js';

export const KV_DIR = join(import.meta.dirname, '..', 'fixtures', 'mbt', 'kv');
export const KV_SPEC = join(KV_DIR, 'KvStore.tla');

export function kvModel(cfg = 'KvStore.cfg'): Model {
  const loaded = loadModel(KV_SPEC, join(KV_DIR, cfg));
  if (!loaded.model) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.model;
}
