/**
 * Where a failing model points in the sources, for annotations: the
 * spec or cfg error's place; else the definition of the violated invariant
 * or property (the one found, or the one that was expected and not found);
 * else the model's .cfg.
 */
import { loadSpec, moduleScope, symbolLoc } from '../tla/modules/index.js';
import type { ModelOutcome } from './ci-outcome.js';
import { errorPlace } from './ci-outcome.js';

type Place = NonNullable<ModelOutcome['location']>;

/** The definition of `name` as the spec's root module sees it. */
export function definitionPlace(spec: string, name: string, lib: readonly string[]): Place | undefined {
  const loaded = loadSpec(spec, { libPaths: [...lib] });
  if (!loaded.value) return undefined;
  const symbol = moduleScope(loaded.value, loaded.value.root.name).get(name);
  if (!symbol) return undefined;
  const loc = symbolLoc(symbol);
  return loc.file.startsWith('<builtin>') ? undefined : { file: loc.file, line: loc.line, col: loc.col };
}

export function failurePlace(o: ModelOutcome, lib: readonly string[]): Place {
  const r = o.result;
  const error = r ? (errorPlace(r.diagnostics) ?? r.errorLoc) : undefined;
  if (error) return { file: error.file, line: error.line, col: error.col };
  const property = r?.violated ?? o.job.expect?.violated;
  const def = property ? definitionPlace(o.job.spec, property, lib) : undefined;
  return def ?? { file: o.job.config, line: 1, col: 1 };
}
