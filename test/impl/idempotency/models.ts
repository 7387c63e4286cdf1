/**
 * The idempotency models of specs/models.json as the tests need them: the
 * entries, each config's binding-relevant constants, and the compiled model
 * (loaded once per config).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Model } from '../../../src/check/model.js';
import { loadModel } from '../../../src/cli/check-load.js';
import type { ModelConstants } from './binding.js';

export const SPECS_DIR = fileURLToPath(new URL('../../../specs/', import.meta.url));
export const SPEC_FILE = `${SPECS_DIR}IdempotencyStore.tla`;

export interface ModelEntry {
  name: string;
  spec: string;
  config: string;
  traces?: string;
  expect: { result: string; violated?: string };
  antipattern?: number;
  benchmark?: boolean;
}

/** The `idempotency-*` entries of specs/models.json, in file order. */
export const IDEMPOTENCY_MODELS: readonly ModelEntry[] = (
  JSON.parse(readFileSync(`${SPECS_DIR}models.json`, 'utf8')) as { models: ModelEntry[] }
).models.filter((m) => m.name.startsWith('idempotency-'));

/** The anti-pattern entries (each must be refuted). */
export const ANTIPATTERN_MODELS = IDEMPOTENCY_MODELS.filter((m) => m.antipattern !== undefined);

const loaded = new Map<string, Model>();

/** The compiled model of a config (path relative to specs/), loaded once. */
export function loadIdempotencyModel(config: string): Model {
  let model = loaded.get(config);
  if (model === undefined) {
    const result = loadModel(SPEC_FILE, SPECS_DIR + config);
    if (!result.model) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    model = result.model;
    loaded.set(config, model);
  }
  return model;
}

/** The binding-relevant constants of a cfg file (path relative to specs/) and its Variant. */
export function constantsOf(config: string): ModelConstants & { variant: string } {
  const text = readFileSync(SPECS_DIR + config, 'utf8');
  const get = (name: string) => new RegExp(`^\\s+${name} = (.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const set = (name: string) => [...get(name).matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  return {
    variant: get('Variant').replaceAll('"', ''),
    users: set('Users'),
    keys: set('Keys'),
    steps: Number(get('Steps')),
    lockTTL: Number(get('LockTTL')),
    retention: Number(get('Retention')),
  };
}
