/**
 * The bundled models of specs/models.json as the system tests need them:
 * the entries of one system (by name prefix) and their compiled models,
 * each loaded once per spec and config.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Model } from '../../src/check/model.js';
import { loadModel } from '../../src/cli/check-load.js';

export const SPECS_DIR = fileURLToPath(new URL('../../specs/', import.meta.url));

/** The fields of a models.json entry every system uses; each adds its own. */
export interface BundledModel {
  name: string;
  spec: string;
  config: string;
  traces?: string;
  expect: { result: string; violated?: string };
  benchmark?: boolean;
}

/** The entries of specs/models.json whose name starts with `prefix`, in file order. */
export function bundledModels<M extends BundledModel>(prefix: string): readonly M[] {
  const all = (JSON.parse(readFileSync(`${SPECS_DIR}models.json`, 'utf8')) as { models: M[] }).models;
  return all.filter((m) => m.name.startsWith(prefix));
}

const loaded = new Map<string, Model>();

/** The compiled model of a spec (file under specs/) with a config (path relative to specs/), loaded once. */
export function loadBundledModel(spec: string, config: string): Model {
  const key = `${spec} ${config}`;
  let model = loaded.get(key);
  if (model === undefined) {
    const result = loadModel(SPECS_DIR + spec, SPECS_DIR + config);
    if (!result.model) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    model = result.model;
    loaded.set(key, model);
  }
  return model;
}

/**
 * The right-hand side of `name = …` in a cfg file (path relative to specs/),
 * or undefined when the file sets no such constant.
 */
export function cfgConstantText(config: string, name: string): string | undefined {
  const text = readFileSync(SPECS_DIR + config, 'utf8');
  return new RegExp(`^\\s+${name} = (.*)$`, 'm').exec(text)?.[1]?.trim();
}
