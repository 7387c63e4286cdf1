/**
 * What the liveness check will do for a model, decided before the search:
 * the atoms to evaluate while it runs, the fairness conditions of the
 * SPECIFICATION, and per temporal PROPERTY the tableau of
 * "the spec's other temporal assumptions hold and the property does not".
 * Properties it cannot read are listed with the reason, to be reported
 * as unchecked.
 */
import type { Loc } from '../../tla/ast.js';
import type { ModelConfig } from '../../tla/cfg/types.js';
import type { EvalModel, ScopedExpr } from '../eval/index.js';
import { EvalError as SpecEvalError } from '../model.js';
import { type AtomEvaluator, AtomTable, compileAtoms } from './atoms.js';
import type { FairnessBits } from './fair-scc.js';
import { type Ltl, LtlFactory } from './ltl.js';
import { buildTableau, type Tableau } from './tableau.js';
import { Translator, UnsupportedFormula } from './translate.js';

export interface PlannedProperty {
  name: string;
  tableau: Tableau;
}

export interface LivenessPlan {
  atoms: AtomTable;
  evaluator: AtomEvaluator;
  fairness: FairnessBits[];
  properties: PlannedProperty[];
}

export interface UncheckedProperty {
  name: string;
  reason: string;
  loc?: Loc;
}

export interface PlanResult {
  /** Absent when no temporal property can be checked. */
  plan?: LivenessPlan;
  unchecked: UncheckedProperty[];
}

/** Plans the liveness check of `model`'s temporal properties (none: no plan, nothing unchecked). */
export function planLiveness(model: EvalModel, cfg?: ModelConfig): PlanResult {
  const { properties, assumptions } = splitTemporal(model, cfg);
  if (properties.length === 0) return { unchecked: [] };
  const atoms = new AtomTable();
  const L = new LtlFactory();
  const tr = new Translator(model, atoms, L);
  const unchecked: UncheckedProperty[] = [];
  const reason = (err: unknown): { reason: string; loc?: Loc } => {
    if (err instanceof UnsupportedFormula || err instanceof SpecEvalError)
      return { reason: err.message, ...(err.loc ? { loc: err.loc } : {}) };
    return { reason: err instanceof Error ? err.message : String(err) };
  };

  // Fairness of the SPECIFICATION: WF/SF conjuncts become conditions on SCCs; any other
  // temporal conjunct of the spec is an assumption conjoined to every negated property.
  const fairness: FairnessBits[] = [];
  let assumed: Ltl = L.T;
  try {
    const split = assumptions.map((a) => ({ a, fair: tr.fairnessConjuncts(a) }));
    for (const f of [...model.fairness, ...split.flatMap((x) => x.fair ?? [])]) {
      if (f.expr.kind !== 'Fairness') continue;
      const { enabled, taken } = atoms.fairness(f.expr, f.scope);
      fairness.push({
        strength: f.expr.strength,
        enabledBit: atoms.atoms[enabled]!.bit,
        takenBit: atoms.atoms[taken]!.bit,
      });
    }
    assumed = L.and(split.filter((x) => x.fair === null).map((x) => tr.translate(x.a)));
  } catch (err) {
    const why = reason(err);
    return {
      unchecked: properties.map((p) => ({
        name: p.name,
        reason: `the specification's temporal formula cannot be read: ${why.reason}`,
        ...(why.loc ? { loc: why.loc } : {}),
      })),
    };
  }

  const planned: PlannedProperty[] = [];
  for (const p of properties) {
    try {
      const negated = L.or(p.parts.map((part) => tr.translate(part, true)));
      planned.push({ name: p.name, tableau: buildTableau(L.and([assumed, negated])) });
    } catch (err) {
      unchecked.push({ name: p.name, ...reason(err) });
    }
  }
  if (planned.length === 0) return { unchecked };
  let evaluator: AtomEvaluator;
  try {
    evaluator = compileAtoms(model, atoms);
  } catch (err) {
    const why = reason(err);
    return {
      unchecked: [
        ...unchecked,
        ...planned.map((p) => ({
          name: p.name,
          reason: `its predicates cannot be compiled: ${why.reason}`,
          ...(why.loc ? { loc: why.loc } : {}),
        })),
      ],
    };
  }
  return { plan: { atoms, evaluator, fairness, properties: planned }, unchecked };
}

/**
 * The model lists the SPECIFICATION's own temporal conjuncts (other than plain
 * WF/SF) as a temporal property named after the specification; they are
 * assumptions of the behaviours, not something to check.
 */
function splitTemporal(
  model: EvalModel,
  cfg: ModelConfig | undefined,
): { properties: { name: string; parts: readonly ScopedExpr[] }[]; assumptions: ScopedExpr[] } {
  const specName = cfg?.specification?.name;
  let asProperty = cfg ? cfg.properties.filter((r) => r.name === specName).length : Number.POSITIVE_INFINITY;
  const properties: { name: string; parts: readonly ScopedExpr[] }[] = [];
  const assumptions: ScopedExpr[] = [];
  for (const p of model.temporalProperties) {
    if (cfg && p.name === specName) {
      if (asProperty > 0) asProperty--;
      else {
        assumptions.push(...p.parts);
        continue;
      }
    }
    properties.push(p);
  }
  return { properties, assumptions };
}
