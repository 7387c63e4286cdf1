/**
 * Liveness checking for the embedded checker: temporal PROPERTYs under the
 * SPECIFICATION's fairness, on the behaviour graph the safety search records.
 */
export { type AtomEvaluator, AtomTable, compileAtoms } from './atoms.js';
export { type LassoTrace, lassoTrace } from './counterexample.js';
export { type FairCycleInput, type FairnessBits, type FairScc, findFairScc } from './fair-scc.js';
export { type BehaviourGraph, GraphRecordingStore } from './graph.js';
export { buildLasso, type Lasso } from './lasso.js';
export { type Ltl, LtlFactory, showLtl } from './ltl.js';
export {
  type LivenessPlan,
  type PlannedProperty,
  type PlanResult,
  planLiveness,
  type UncheckedProperty,
} from './plan.js';
export { buildProduct, type ProductGraph, STUTTER } from './product.js';
export { checkProperties, checkWithLiveness, type LivenessCheck } from './run.js';
export { buildTableau, type Literal, type Tableau, type TableauNode } from './tableau.js';
export { Translator, UnsupportedFormula } from './translate.js';
