/**
 * Building check results the way TLC reports outcomes: messages, exit codes,
 * and the ASSUME check every search runs first.
 */
import { ExitCode } from '../../errors.js';
import type { Loc } from '../../tla/ast.js';
import { type Model, type SearchContext, EvalError as SpecEvalError, type State } from '../model.js';
import type { CheckOutcome, CheckResult, TraceStep } from '../result.js';
import { fingerprintCollisionProbability } from './collision.js';

/** The counts part of a result. */
export interface SearchCounts {
  distinctStates: number | null;
  totalStates: number | null;
  statesLeftOnQueue: number | null;
  initialStates: number | null;
  depth: number | null;
}

export const NO_COUNTS: SearchCounts = {
  distinctStates: null,
  totalStates: null,
  statesLeftOnQueue: null,
  initialStates: null,
  depth: null,
};

export function makeResult(
  result: CheckOutcome,
  exitCode: ExitCode,
  counts: SearchCounts,
  startedAt: number,
  extra: Partial<CheckResult> = {},
): CheckResult {
  const { distinctStates, totalStates } = counts;
  return {
    result,
    violated: null,
    ...counts,
    ...(distinctStates !== null && totalStates !== null
      ? { collisionProbability: fingerprintCollisionProbability(distinctStates, totalStates) }
      : {}),
    durationMs: Math.max(0, Date.now() - startedAt),
    trace: null,
    diagnostics: [],
    exitCode,
    ...extra,
  };
}

/** A state's first violated invariant or `[]P` property. */
export interface StateViolation {
  name: string;
  outcome: 'invariant-violation' | 'property-violation';
}

/**
 * The first invariant, then `[]P` property, that `state` violates (cfg order),
 * or null. `site.evaluating` names the predicate under evaluation, so that an
 * evaluation error can say which one failed; it is cleared when all hold.
 */
export function violatedStatePredicate(
  model: Model,
  state: State,
  ctx: SearchContext,
  site: { evaluating: string | undefined },
): StateViolation | null {
  for (const inv of model.invariants) {
    site.evaluating = inv.name;
    if (!inv.holds(state, ctx)) return { name: inv.name, outcome: 'invariant-violation' };
  }
  for (const prop of model.stateProperties) {
    site.evaluating = prop.name;
    if (!prop.holds(state, ctx)) return { name: prop.name, outcome: 'property-violation' };
  }
  site.evaluating = undefined;
  return null;
}

/** What was being evaluated when an evaluation error happened, when it was not the next-state relation. */
export type EvalErrorSite = 'invariant' | 'action property' | 'assumption';

/**
 * TLC's exit code for an evaluation error, which depends on where it happened
 * (tlc2.output.EC.ExitStatus), not on what went wrong: 76 while evaluating an
 * invariant (TLC_INVARIANT_EVALUATION_FAILED), 13 an action property, 10 an
 * ASSUME; while computing states, the error's own code (Assert 14, overflow
 * 255, any other 75).
 */
export function evalErrorExitCode(err: SpecEvalError, site?: EvalErrorSite): ExitCode {
  switch (site) {
    case 'invariant':
      return ExitCode.safetyEvaluationError;
    case 'action property':
      return ExitCode.livenessViolation;
    case 'assumption':
      return ExitCode.assumptionFailure;
    default:
      return err.exitCode;
  }
}

/** Result of an evaluation error: `Assert` failures are their own outcome (exit 14), the rest are errors. */
export function evalErrorResult(
  err: SpecEvalError,
  counts: SearchCounts,
  startedAt: number,
  trace: TraceStep[] | null,
  messagePrefix?: string,
  site?: EvalErrorSite,
): CheckResult {
  const isAssert = err.kind === 'assert' && site === undefined;
  return makeResult(
    isAssert ? 'assertion-failure' : 'error',
    evalErrorExitCode(err, site),
    counts,
    startedAt,
    {
      trace,
      message: messagePrefix ? `${messagePrefix}\n${err.message}` : err.message,
      ...(err.loc ? { errorLoc: err.loc } : {}),
    },
  );
}

/** TLC's `line L, col C to line L2, col C2 of module M` (end column inclusive). */
export function tlcLocation(loc: Loc, module?: string): string {
  const of = module ?? moduleOfFile(loc.file);
  return `line ${loc.line}, col ${loc.col} to line ${loc.endLine}, col ${loc.endCol - 1} of module ${of}`;
}

function moduleOfFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.tla$/, '');
}

/** Evaluates the ASSUMEs; returns the failing result (exit 10, or the evaluation error's code) or null. */
export function checkAssumptions(model: Model, startedAt: number): CheckResult | null {
  let assumptions: ReturnType<Model['checkAssumptions']>;
  try {
    assumptions = model.checkAssumptions();
  } catch (err) {
    if (err instanceof SpecEvalError)
      return evalErrorResult(
        err,
        NO_COUNTS,
        startedAt,
        null,
        'Evaluating an assumption failed.',
        'assumption',
      );
    throw err;
  }
  const failed = assumptions.find((a) => !a.holds);
  if (!failed) return null;
  const what = failed.loc ? tlcLocation(failed.loc) : (failed.name ?? 'ASSUME');
  return makeResult('error', ExitCode.assumptionFailure, NO_COUNTS, startedAt, {
    message: `Assumption ${what} is false.`,
    ...(failed.loc ? { errorLoc: failed.loc } : {}),
  });
}

/** Evaluates the POSTCONDITIONs after a complete search; returns the failing result or null. */
export function checkPostconditions(
  model: Model,
  counts: SearchCounts,
  startedAt: number,
): CheckResult | null {
  for (const post of model.postconditions) {
    let holds: boolean;
    try {
      holds = post.holds();
    } catch (err) {
      if (err instanceof SpecEvalError) {
        return evalErrorResult(err, counts, startedAt, null, `Evaluating postcondition ${post.name} failed.`);
      }
      throw err;
    }
    if (!holds) {
      return makeResult('property-violation', ExitCode.safetyViolation, counts, startedAt, {
        violated: post.name,
        message: `Postcondition ${post.name} is violated.`,
      });
    }
  }
  return null;
}
