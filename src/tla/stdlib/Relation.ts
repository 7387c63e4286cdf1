/** The community module Relation: properties and closures of binary relations given as Boolean functions. */
export const RELATION = String.raw`----------------------------- MODULE Relation ------------------------------
(***************************************************************************)
(* A relation R over a set S is a function with R[x, y] \in BOOLEAN for x, *)
(* y \in S; each property XxxUnder(op, S) is Xxx for the relation op.      *)
(* TransitiveClosure is evaluated natively (Warshall's algorithm).         *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets

LOCAL AsRelation(op(_, _), S) == [p \in S \X S |-> op(p[1], p[2])]

IsReflexive(R, S) == \A x \in S : R[x, x]
IsReflexiveUnder(op(_, _), S) == IsReflexive(AsRelation(op, S), S)

IsIrreflexive(R, S) == \A x \in S : ~R[x, x]
IsIrreflexiveUnder(op(_, _), S) == IsIrreflexive(AsRelation(op, S), S)

IsSymmetric(R, S) == \A x, y \in S : R[x, y] <=> R[y, x]
IsSymmetricUnder(op(_, _), S) == IsSymmetric(AsRelation(op, S), S)

IsAntiSymmetric(R, S) == \A x, y \in S : R[x, y] /\ R[y, x] => x = y
IsAntiSymmetricUnder(op(_, _), S) == IsAntiSymmetric(AsRelation(op, S), S)

IsAsymmetric(R, S) == \A x, y \in S : ~(R[x, y] /\ R[y, x])
IsAsymmetricUnder(op(_, _), S) == IsAsymmetric(AsRelation(op, S), S)

IsTransitive(R, S) == \A x, y, z \in S : R[x, y] /\ R[y, z] => R[x, z]
IsTransitiveUnder(op(_, _), S) == IsTransitive(AsRelation(op, S), S)

IsStrictlyPartiallyOrdered(R, S) ==
  IsIrreflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)
IsStrictlyPartiallyOrderedUnder(op(_, _), S) ==
  IsStrictlyPartiallyOrdered(AsRelation(op, S), S)

IsPartiallyOrdered(R, S) ==
  IsReflexive(R, S) /\ IsAntiSymmetric(R, S) /\ IsTransitive(R, S)
IsPartiallyOrderedUnder(op(_, _), S) == IsPartiallyOrdered(AsRelation(op, S), S)

IsStrictlyTotallyOrdered(R, S) ==
  IsStrictlyPartiallyOrdered(R, S) /\ \A x, y \in S : x # y => R[x, y] \/ R[y, x]
IsStrictlyTotallyOrderedUnder(op(_, _), S) ==
  IsStrictlyTotallyOrdered(AsRelation(op, S), S)

IsTotallyOrdered(R, S) == IsPartiallyOrdered(R, S) /\ \A x, y \in S : R[x, y] \/ R[y, x]
IsTotallyOrderedUnder(op(_, _), S) == IsTotallyOrdered(AsRelation(op, S), S)

\* R[x, y] holds in the closure iff a chain of one or more R-steps inside S leads from x to y.
TransitiveClosure(R, S) ==
  LET step[n \in Nat] ==
        [x, y \in S |-> IF n = 0 THEN R[x, y]
                        ELSE step[n - 1][x, y] \/ \E z \in S : step[n - 1][x, z] /\ step[n - 1][z, y]]
  IN  step[Cardinality(S)]

ReflexiveTransitiveClosure(R, S) ==
  LET T == TransitiveClosure(R, S) IN [x, y \in S |-> x = y \/ T[x, y]]

IsConnected(R, S) ==
  LET T == ReflexiveTransitiveClosure(R, S) IN \A x, y \in S : T[x, y]

=============================================================================
`;
