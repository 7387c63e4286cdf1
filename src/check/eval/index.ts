/**
 * The compiled evaluator of the embedded model checker: a loaded spec and a
 * cfg become a Model (src/check/model.ts) whose initial states, successors
 * and properties run as closures compiled once from the AST.
 */
export { type BuildOptions, buildModel, type EvalModel } from './build-model.js';
export { evaluateConstant, evaluatePredicate } from './helpers.js';
export type { ScopedExpr } from './spec-parts.js';
