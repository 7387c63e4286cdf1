/**
 * The consensus models of specs/models.json as the tests need them: the
 * entries, each config's constants, and the compiled models (loaded once).
 */
import { fileURLToPath } from 'node:url';
import type { Model } from '../../../src/check/model.js';
import {
  type BundledModel,
  bundledModels,
  cfgConstantText,
  loadBundledModel,
  SPECS_DIR,
} from '../../support/bundled-models.js';

export { SPECS_DIR };
export const TRACES_DIR = fileURLToPath(new URL('../../../traces/consensus/', import.meta.url));
export const REGENERATE =
  'npx tsx src/cli.ts check specs/ --save-traces   (or: tlaw check specs/ --save-traces)';

export interface ModelEntry extends BundledModel {
  simulate?: { runs: number; depth: number; seed: number };
}

/** The `consensus-*` entries of specs/models.json, in file order. */
export const CONSENSUS_MODELS = bundledModels<ModelEntry>('consensus-');

export function modelEntry(name: string): ModelEntry {
  const entry = CONSENSUS_MODELS.find((m) => m.name === name);
  if (!entry) throw new Error(`no model ${name} in specs/models.json`);
  return entry;
}

/** The file `tlaw check specs/ --save-traces` writes for a refuted model. */
export const traceFileName = (m: ModelEntry) => `${m.name}-${m.expect.violated}.itf.json`;

/** The compiled model of a spec (file name under specs/) with a config (path relative to specs/), loaded once. */
export function loadConsensusModel(spec: string, config: string): Model {
  return loadBundledModel(spec, config);
}

/** The right-hand side of `name = …` in a cfg file (path relative to specs/). */
export function cfgConstant(config: string, name: string): string {
  const value = cfgConstantText(config, name);
  if (value === undefined) throw new Error(`${config} sets no constant ${name}`);
  return value;
}

/** The elements of a set constant of numbers or strings, e.g. `{1, 2}` or `{"s1", "s2"}`. */
export function cfgSet(config: string, name: string): string[] {
  return [...cfgConstant(config, name).matchAll(/"([^"]*)"|(\d+)/g)].map((m) => m[1] ?? m[2]!);
}
