/**
 * The idempotency models of specs/models.json as the tests need them: the
 * entries, each config's binding-relevant constants, and the compiled model
 * (loaded once per config).
 */
import type { Model } from '../../../src/check/model.js';
import {
  type BundledModel,
  bundledModels,
  cfgConstantText,
  loadBundledModel,
  SPECS_DIR,
} from '../../support/bundled-models.js';
import type { ModelConstants } from './binding.js';

export { SPECS_DIR };
export const SPEC_FILE = `${SPECS_DIR}IdempotencyStore.tla`;

export interface ModelEntry extends BundledModel {
  antipattern?: number;
}

/** The `idempotency-*` entries of specs/models.json, in file order. */
export const IDEMPOTENCY_MODELS = bundledModels<ModelEntry>('idempotency-');

/** The anti-pattern entries (each must be refuted). */
export const ANTIPATTERN_MODELS = IDEMPOTENCY_MODELS.filter((m) => m.antipattern !== undefined);

/** The compiled model of a config (path relative to specs/), loaded once. */
export function loadIdempotencyModel(config: string): Model {
  return loadBundledModel('IdempotencyStore.tla', config);
}

/** The binding-relevant constants of a cfg file (path relative to specs/) and its Variant. */
export function constantsOf(config: string): ModelConstants & { variant: string } {
  const get = (name: string) => cfgConstantText(config, name) ?? '';
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
