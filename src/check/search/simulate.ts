/**
 * Random simulation: `behaviours` random walks of at most `depth` states from
 * a seeded generator, checking the invariants, `[]P` properties and action
 * properties on every state and step walked, and deadlock when asked to.
 * Successors outside the CONSTRAINT / ACTION_CONSTRAINT are not walked to
 * (but, as in BFS, they mean the state is not deadlocked). The first
 * violation is reported with the walk that led to it.
 *
 * As TLC's simulator, a step computes the successors of one action chosen at
 * random (the model's `successorsOfRandomAction`; other actions are tried
 * only while the chosen one is disabled) and walks to one of them, so a step
 * costs one action, not the whole next-state relation. Counts, as TLC's:
 * states checked (every initial state, then one per step walked) as
 * "states generated", the behaviours walked (`traces`), and `depth` the
 * longest walk; distinct states are not tracked.
 *
 * A `WalkPlan` lets the parallel simulation (parallel/simulate-*.ts) walk
 * chosen behaviours, each with a generator of its own, with this same code.
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
import { type Prng, seededPrng } from './prng.js';
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

/** Which behaviours a simulation walks, and with which generators; by default all, from one seeded stream. */
export interface WalkPlan {
  /** Behaviour numbers, in walking order (read lazily: threads may share them out as they go). */
  behaviours: Iterable<number>;
  /** The generator that behaviour `n` walks with. */
  rngFor(n: number): Prng;
  /** The allowed initial states, known already: not evaluated, checked or counted again. */
  initialStates?: readonly Transition[];
  /** Receives the allowed initial states once computed (a worker walks from them in every round). */
  onInitialStates?(inits: readonly Transition[]): void;
  /** Asked at each step: true gives up behaviour `n`'s walk (a lower-numbered one already met an event). */
  abandon?(n: number): boolean;
  /** Behaviour `n`'s walk ended, without an event, after `length` states. */
  walked?(n: number, length: number): void;
}

export function simulate(model: Model, options: SimulateOptions, plan?: WalkPlan): CheckResult {
  const startedAt = Date.now();
  if (!plan?.initialStates) {
    const assumption = checkAssumptions(model, startedAt);
    if (assumption) return assumption;
  }
  let rng = seededPrng(options.seed);
  const walks: WalkPlan = plan ?? { behaviours: count(options.behaviours), rngFor: () => rng };
  const checkDeadlock = options.checkDeadlock ?? model.checkDeadlock;
  let totalStates = 0;
  let traces = 0;
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
  const extra = () => ({ traces });
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
      ...extra(),
    });

  try {
    // Every initial state is checked once; walks then start from random ones.
    const initCtx: SearchContext = { level: 1 };
    const inits: Transition[] = walks.initialStates ? [...walks.initialStates] : [];
    for (const t of walks.initialStates ? [] : model.initialStates(initCtx)) {
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
    walks.onInitialStates?.(inits);
    if (inits.length === 0) return makeResult('ok', ExitCode.ok, counts(), startedAt, extra());

    for (const run of walks.behaviours) {
      const stopReason = options.stop?.();
      if (stopReason) return { ...stoppedResult(stopReason, counts(), startedAt), ...extra() };
      traces++;
      rng = walks.rngFor(run);
      const first = inits[rng.below(inits.length)]!;
      path = [{ state: first.state, action: first.action }];
      longest = Math.max(longest, 1);
      let abandoned = false;
      while (path.length < options.depth) {
        if (walks.abandon?.(run)) {
          abandoned = true;
          break;
        }
        const cur = path[path.length - 1]!.state;
        const level = path.length;
        const ctx: SearchContext = { level };
        const succs = model.successorsOfRandomAction
          ? toArray(model.successorsOfRandomAction(cur, ctx, rng.below))
          : toArray(model.successors(cur, ctx));
        if (succs.length === 0) {
          if (checkDeadlock) {
            return makeResult('deadlock', ExitCode.deadlock, counts(), startedAt, {
              message: 'Deadlock reached.',
              trace: toTraceSteps(model, path),
              ...extra(),
            });
          }
          break;
        }
        const nextCtx: SearchContext = { level: level + 1 };
        const t = pickAllowed(succs, rng, (c) => inModel(cur, c.state, nextCtx));
        if (t === undefined) break;
        totalStates++;
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
      if (!abandoned) walks.walked?.(run, path.length);
    }
    return makeResult('ok', ExitCode.ok, counts(), startedAt, extra());
  } catch (err) {
    if (!(err instanceof SpecEvalError)) throw err;
    const trace =
      path.length > 0 ? toTraceSteps(model, path) : checking ? toTraceSteps(model, [checking]) : null;
    const prefix = site.evaluating ? `Evaluating invariant ${site.evaluating} failed.` : undefined;
    return {
      ...evalErrorResult(err, counts(), startedAt, trace, prefix, site.evaluating ? 'invariant' : undefined),
      ...extra(),
    };
  }
}

function* count(n: number): Iterable<number> {
  for (let i = 0; i < n; i++) yield i;
}

function toArray(ts: Iterable<Transition>): Transition[] {
  return Array.isArray(ts) ? ts : [...ts];
}

/**
 * A random successor that `allowed` accepts (the constraints), drawing
 * without replacement so the constraints are evaluated only on the states
 * drawn; undefined when none is allowed.
 */
function pickAllowed(
  succs: Transition[],
  rng: Prng,
  allowed: (t: Transition) => boolean,
): Transition | undefined {
  for (let n = succs.length; n > 0; n--) {
    const i = rng.below(n);
    const t = succs[i]!;
    if (allowed(t)) return t;
    succs[i] = succs[n - 1]!;
    succs[n - 1] = t;
  }
  return undefined;
}
