/**
 * The task manager models of specs/models.json as the tests need them:
 * the entries and each config's compiled model (loaded once).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Model } from '../../../src/check/model.js';
import { loadModel } from '../../../src/cli/check-load.js';

export const SPECS_DIR = fileURLToPath(new URL('../../../specs/', import.meta.url));
export const SPEC_FILE = `${SPECS_DIR}TaskManagement.tla`;
export const TRACES_DIR = fileURLToPath(new URL('../../../traces/taskManager/', import.meta.url));

export interface ModelEntry {
  name: string;
  config: string;
  expect: { result: string; violated?: string };
  /** The implementation variant a bug model describes. */
  bug?: string;
  benchmark?: boolean;
}

export const TASK_MODELS: readonly ModelEntry[] = (
  JSON.parse(readFileSync(`${SPECS_DIR}models.json`, 'utf8')) as { models: ModelEntry[] }
).models.filter((m) => m.name.startsWith('taskmanager-'));

/** The models that must be refuted, each with a saved counterexample. */
export const BUG_MODELS = TASK_MODELS.filter((m) => m.bug !== undefined);

const loaded = new Map<string, Model>();

/** The compiled model of a config (path relative to specs/), loaded once. */
export function loadTaskModel(config: string): Model {
  let model = loaded.get(config);
  if (model === undefined) {
    const result = loadModel(SPEC_FILE, SPECS_DIR + config);
    if (!result.model) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    model = result.model;
    loaded.set(config, model);
  }
  return model;
}
