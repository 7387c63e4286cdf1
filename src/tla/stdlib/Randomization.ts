/** The standard module Randomization: pseudo-random subsets, reproducible for a given state. */
export const RANDOMIZATION = String.raw`------------------------- MODULE Randomization ------------------------------
(***************************************************************************)
(* Pseudo-random subsets of a finite set, evaluated natively. The choices  *)
(* are determined by the state being explored, the call site and the       *)
(* arguments, so every run of the checker makes the same ones.             *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets

\* A subset of S with k elements (0 <= k <= Cardinality(S)).
RandomSubset(k, S) == CHOOSE T \in SUBSET S : Cardinality(T) = k

\* At most k subsets of S, each element of S in each with probability n / Cardinality(S).
RandomSetOfSubsets(k, n, S) == CHOOSE T \in SUBSET SUBSET S : Cardinality(T) <= k

\* At most k subsets of S, each element of S in each with the probability
\* given by the string p (a decimal number between 0 and 1, such as "0.5").
RandomSubsetSet(k, p, S) == CHOOSE T \in SUBSET SUBSET S : Cardinality(T) <= k

\* The sizes of five draws of RandomSetOfSubsets(k, n, S).
TestRandomSetOfSubsets(k, n, S) ==
  [i \in 1 .. 5 |-> Cardinality(RandomSetOfSubsets(k, n, S))]

=============================================================================
`;
