/**
 * Transition-covering paths as vitest tests: `xstateTests(model, binding)`
 * inside a test file defines one test per path that `coverTransitions`
 * generates, each replaying its behaviour on a fresh system from the
 * binding. Together the tests take every edge of the abstract graph.
 *
 * Like ./vitest.ts, this module imports vitest: test files import it
 * directly, and src/mbt/index.ts does not re-export it.
 */
import { it } from 'vitest';
import { type Model, EvalError as SpecEvalError } from '../check/model.js';
import type { Binding } from './binding.js';
import { replay, thrownMessage } from './replay.js';
import { type CoveringPath, coverTransitions, type TransitionCoverOptions } from './xstate.js';

export interface XStateTestsOptions extends TransitionCoverOptions {
  /** Per-test timeout in milliseconds (vitest's default otherwise). */
  timeout?: number;
}

/** Replays one covering path and throws a readable error when the implementation diverges. */
export async function replayCoveringPath<Sut>(path: CoveringPath, binding: Binding<Sut>): Promise<void> {
  const result = await replay(path.steps, binding);
  if (result.failure) {
    throw new Error(`${binding.name} diverges from the spec on ${path.name}: ${result.failure.message}`);
  }
}

/** An evaluation error of the spec with its place (`file:line:col: message`). */
function describeError(err: unknown): string {
  if (err instanceof SpecEvalError && err.loc)
    return `${err.loc.file}:${err.loc.line}:${err.loc.col}: ${err.message}`;
  return thrownMessage(err);
}

/**
 * Defines one vitest test per generated path (call it at the top level of a
 * test file or in a describe). A spec that cannot be explored gives one
 * failing test that says why, rather than an error while collecting tests.
 */
export function xstateTests<Sut>(
  model: Model,
  binding: Binding<Sut>,
  options: XStateTestsOptions = {},
): void {
  const { timeout, ...cover } = options;
  let paths: CoveringPath[];
  try {
    paths = coverTransitions(model, cover).paths;
  } catch (err) {
    const why = describeError(err);
    it(`transition-covering paths of ${model.moduleName}`, () => {
      throw new Error(`exploring ${model.moduleName} failed: ${why}`);
    });
    return;
  }
  if (paths.length === 0) {
    it(`transition-covering paths of ${model.moduleName}`, () => {
      throw new Error(`${model.moduleName} has no initial state: there is no path to test`);
    });
    return;
  }
  paths.forEach((path, i) => {
    it(
      `path ${i + 1}: ${path.name} replays on ${binding.name}`,
      () => replayCoveringPath(path, binding),
      timeout,
    );
  });
}
