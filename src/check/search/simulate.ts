/**
 * Random simulation: `behaviours` random walks of at most `depth` states from
 * a seeded generator, checking the invariants, `[]P` properties and action
 * properties on every state and step walked, and deadlock when asked to.
 * Successors outside the CONSTRAINT / ACTION_CONSTRAINT are not walked to
 * (but, as in BFS, they mean the state is not deadlocked). The first
 * violation is reported with the walk that led to it. Counts: states generated
 * (every initial state and successor computed), and `depth` the longest walk;
 * distinct states are not tracked.
 */
import { ExitCode } from '../../errors.js';
import {
  type Model,
  type SearchContext,
  EvalError as SpecEvalError,
  type State,
  type Transition,
} from '../model.js';
import type { CheckResult } from '../result.js';
import {
  checkAssumptions,
  evalErrorResult,
  makeResult,
  type SearchCounts,
  violatedStatePredicate,
} from './outcome.js';
import { seededPrng } from './prng.js';
import { type StopRequest, stoppedResult } from './stop.js';
import { type PathState, toTraceSteps } from './trace.js';

export interface SimulateOptions {
  /** Number of behaviours to walk. */
  behaviours: number;
  /** Maximum number of states per behaviour (initial state included). */
  depth: number;
  seed: number;
  /** Report deadlocks; defaults to the model's CHECK_DEADLOCK. */
  checkDeadlock?: boolean;
  /** Asked before each behaviour: a reason (`SIGINT`) stops the simulation with the counts so far. */
  stop?: StopRequest;
}

export function simulate(model: Model, options: SimulateOptions): CheckResult {
  const startedAt = Date.now();
  const assumption = checkAssumptions(model, startedAt);
  if (assumption) return assumption;
  const rng = seededPrng(options.seed);
  const checkDeadlock = options.checkDeadlock ?? model.checkDeadlock;
  let totalStates = 0;
  let longest = 0;
  let initialCount = 0;
  let path: PathState[] = [];
  let checking: PathState | undefined;
  /** The named predicate being evaluated, for an evaluation error's report. */
  const site: { evaluating: string | undefined } = { evaluating: undefined };
  const counts = (): SearchCounts => ({
    distinctStates: null,
    totalStates,
    statesLeftOnQueue: null,
    initialStates: initialCount,
    depth: longest,
  });
  const inModel = (from: State | undefined, to: State, ctx: SearchContext): boolean =>
    model.stateConstraints.every((c) => c(to, ctx)) &&
    (from === undefined || model.actionConstraints.every((c) => c(from, to, ctx)));
  const violation = (
    name: string,
    outcome: CheckResult['result'],
    exitCode: CheckResult['exitCode'],
    message: string,
  ) =>
    makeResult(outcome, exitCode, counts(), startedAt, {
      violated: name,
      message,
      trace: toTraceSteps(model, path),
    });

  try {
    // Every initial state is checked once; walks then start from random ones.
    const initCtx: SearchContext = { level: 1 };
    const inits: Transition[] = [];
    for (const t of model.initialStates(initCtx)) {
      totalStates++;
      checking = { state: t.state, action: t.action };
      const bad = violatedStatePredicate(model, t.state, initCtx, site);
      if (bad) {
        path = [checking];
        return makeResult(bad.outcome, ExitCode.safetyViolation, counts(), startedAt, {
          violated: bad.name,
          message: `Invariant ${bad.name} is violated by the initial state:`,
          trace: toTraceSteps(model, path),
          traceKind: 'initial-state',
        });
      }
      if (inModel(undefined, t.state, initCtx)) inits.push(t);
    }
    checking = undefined;
    initialCount = inits.length;
    if (inits.length === 0) return makeResult('ok', ExitCode.ok, counts(), startedAt);

    for (let run = 0; run < options.behaviours; run++) {
      const stopReason = options.stop?.();
      if (stopReason) return stoppedResult(stopReason, counts(), startedAt);
      const first = inits[rng.below(inits.length)]!;
      path = [{ state: first.state, action: first.action }];
      longest = Math.max(longest, 1);
      while (path.length < options.depth) {
        const cur = path[path.length - 1]!.state;
        const level = path.length;
        const succs = [...model.successors(cur, { level })];
        totalStates += succs.length;
        if (succs.length === 0) {
          if (checkDeadlock) {
            return makeResult('deadlock', ExitCode.deadlock, counts(), startedAt, {
              message: 'Deadlock reached.',
              trace: toTraceSteps(model, path),
            });
          }
          break;
        }
        const nextCtx: SearchContext = { level: level + 1 };
        const allowed = succs.filter((t) => inModel(cur, t.state, nextCtx));
        if (allowed.length === 0) break;
        const t = allowed[rng.below(allowed.length)]!;
        checking = { state: t.state, action: t.action };
        path.push(checking);
        longest = Math.max(longest, path.length);
        const bad = violatedStatePredicate(model, t.state, nextCtx, site);
        if (bad)
          return violation(
            bad.name,
            bad.outcome,
            ExitCode.safetyViolation,
            `Invariant ${bad.name} is violated.`,
          );
        for (const prop of model.actionProperties) {
          site.evaluating = prop.name;
          if (!prop.holds(cur, t.state)) {
            return violation(
              prop.name,
              'property-violation',
              ExitCode.livenessViolation,
              `Action property ${prop.name} is violated.`,
            );
          }
        }
        site.evaluating = undefined;
        checking = undefined;
      }
    }
    return makeResult('ok', ExitCode.ok, counts(), startedAt);
  } catch (err) {
    if (!(err instanceof SpecEvalError)) throw err;
    const trace =
      path.length > 0 ? toTraceSteps(model, path) : checking ? toTraceSteps(model, [checking]) : null;
    const prefix = site.evaluating ? `Evaluating invariant ${site.evaluating} failed.` : undefined;
    return evalErrorResult(
      err,
      counts(),
      startedAt,
      trace,
      prefix,
      site.evaluating ? 'invariant' : undefined,
    );
  }
}
