/**
 * The task manager models of specs/models.json as the tests need them:
 * the entries and each config's compiled model (loaded once).
 */
import { fileURLToPath } from 'node:url';
import type { Model } from '../../../src/check/model.js';
import {
  type BundledModel,
  bundledModels,
  loadBundledModel,
  SPECS_DIR,
} from '../../support/bundled-models.js';

export { SPECS_DIR };
export const SPEC_FILE = `${SPECS_DIR}TaskManagement.tla`;
export const TRACES_DIR = fileURLToPath(new URL('../../../traces/taskManager/', import.meta.url));

export interface ModelEntry extends BundledModel {
  /** The implementation variant a bug model describes. */
  bug?: string;
}

export const TASK_MODELS = bundledModels<ModelEntry>('taskmanager-');

/** The models that must be refuted, each with a saved counterexample. */
export const BUG_MODELS = TASK_MODELS.filter((m) => m.bug !== undefined);

/** The compiled model of a config (path relative to specs/), loaded once. */
export function loadTaskModel(config: string): Model {
  return loadBundledModel('TaskManagement.tla', config);
}
