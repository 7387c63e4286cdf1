/**
 * TLC's message codes (tlc2.output.EC) that tlaw interprets, and how the
 * wording of an error message in plain output maps back to its code.
 */

export const TlcCode = {
  /** General error, "TLC threw an unexpected exception"; may nest a 2154 block. */
  general: 1000,
  /** Evaluation error, e.g. comparing incomparable values. */
  evaluation: 2102,
  /** The nested expressions being evaluated when an error occurred. */
  nestedExpressions: 2103,
  /** An ASSUME is false. */
  assumptionFalse: 2104,
  /** Evaluating an ASSUME failed. */
  assumptionEvaluationFailed: 2105,
  /** Invariant violated by an initial state; the state follows in the same block. */
  invariantViolatedInitial: 2107,
  /** Invariant violated. */
  invariantViolated: 2110,
  /** Evaluating an invariant failed. */
  invariantEvaluationFailed: 2111,
  /** Action property violated. */
  actionPropertyViolated: 2112,
  /** Deadlock reached. */
  deadlock: 2114,
  /** Temporal property violated. */
  temporalPropertyViolated: 2116,
  /** "The behavior up to this point is:" (safety trace follows). */
  behaviorUpToHere: 2121,
  /** `N: Back to state: <Action ...>` closes a lasso. */
  backToState: 2122,
  /** Assert failed. */
  assertFailed: 2132,
  /** An error raised by a Java override; nested in 1000. */
  javaOverrideError: 2154,
  /** Integer overflow. */
  overflow: 2178,
  /** Model checking starts. */
  starting: 2185,
  /** Model checking finished ("Finished in ..."). */
  finished: 2186,
  /** Initial states computed. */
  initialStatesComputed: 2190,
  /** "Model checking completed. No error has been found." */
  success: 2193,
  /** "The depth of the complete state graph search is N." */
  depth: 2194,
  /** Final "N states generated, N distinct states found, N states left on queue." */
  stats: 2199,
  /** A simulation's final "The number of states generated: N". */
  simulationStats: 2210,
  /** Progress line. */
  progress: 2200,
  /** One trace state. */
  traceState: 2217,
  /** `N: Stuttering`. */
  stuttering: 2218,
  /** SANY starts / finishes. */
  sanyStart: 2220,
  sanyEnd: 2219,
  /** TLC's version line. */
  version: 2262,
  /** "The following behavior constitutes a counter-example:" (liveness trace follows). */
  counterExample: 2264,
  /** "The invariant X specified in the configuration file / is not defined in the specification." */
  configSpecifiedNotDefined: 2229,
  /** Parsing failed, with the reason in the message. */
  parseFailed2: 2171,
  /** Parsing or semantic analysis failed (SANY's report precedes it, outside any block). */
  parseFailed: 3002,
} as const;

const ERROR_WORDING: [RegExp, number][] = [
  [/^Invariant \S+ is violated by the initial state:/, TlcCode.invariantViolatedInitial],
  [/^Invariant \S+ is violated\./, TlcCode.invariantViolated],
  [/^Evaluating invariant \S+ failed\./, TlcCode.invariantEvaluationFailed],
  [/^Action property \S+ is violated\./, TlcCode.actionPropertyViolated],
  [/^Deadlock reached\./, TlcCode.deadlock],
  [/^Temporal property \S+ was violated\./, TlcCode.temporalPropertyViolated],
  [/^The behavior up to this point is:/, TlcCode.behaviorUpToHere],
  [/^The following behavior constitutes a counter-example:/, TlcCode.counterExample],
  [/^The first argument of Assert evaluated to FALSE/, TlcCode.assertFailed],
  [/^The error occurred when TLC was evaluating the nested/, TlcCode.nestedExpressions],
  [/^Parsing or semantic analysis failed\./, TlcCode.parseFailed],
  [/^Assumption .* is false\./, TlcCode.assumptionFalse],
  [/specified in the configuration file$/, TlcCode.configSpecifiedNotDefined],
  [/^Evaluating assumption .* failed\./, TlcCode.assumptionEvaluationFailed],
  [/^Overflow /, TlcCode.overflow],
  [/^TLC threw an unexpected exception\./, TlcCode.general],
];

/** The message code of an `Error: ...` line of plain output (2102, a generic evaluation error, when unknown). */
export function classifyErrorText(firstLine: string): number {
  for (const [pattern, code] of ERROR_WORDING) if (pattern.test(firstLine)) return code;
  return TlcCode.evaluation;
}
