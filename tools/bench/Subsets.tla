------------------------------ MODULE Subsets ------------------------------
(* A benchmark in the style of specs built on SUBSET: two agents take and  *)
(* hand back groups of items chosen with \E T \in SUBSET S, TypeOK checks  *)
(* membership in SUBSET, quorums are a comprehension over SUBSET, and      *)
(* invariants quantify over the subsets of a state's set.                   *)
EXTENDS Naturals, FiniteSets

CONSTANTS Items, Agents, Cap

VARIABLES holds, pool

vars == <<holds, pool>>

Quorums == {Q \in SUBSET Items : Cardinality(Q) * 2 > Cardinality(Items)}

TypeOK == /\ holds \in [Agents -> SUBSET Items]
          /\ pool \in SUBSET Items

Init == /\ holds = [a \in Agents |-> {}]
        /\ pool = Items

Take(a) == \E T \in SUBSET pool :
             /\ T # {}
             /\ Cardinality(holds[a] \cup T) <= Cap
             /\ holds' = [holds EXCEPT ![a] = holds[a] \cup T]
             /\ pool' = pool \ T

Give(a) == \E T \in SUBSET holds[a] :
             /\ Cardinality(T) = 1
             /\ holds' = [holds EXCEPT ![a] = holds[a] \ T]
             /\ pool' = pool \cup T

Next == \E a \in Agents : Take(a) \/ Give(a)

\* Items are never held twice.
Disjoint == \A a, b \in Agents : a # b => holds[a] \cap holds[b] = {}

\* Every group of items an agent holds stays within its cap.
Capped == \A a \in Agents : \A T \in SUBSET holds[a] : Cardinality(T) <= Cap

\* An agent that holds a quorum holds no more than Cap items.
QuorumBound == \A a \in Agents : (\E Q \in Quorums : Q \subseteq holds[a]) => Cardinality(holds[a]) <= Cap

\* Everything is somewhere.
Conserved == UNION {holds[a] : a \in Agents} \cup pool = Items

=============================================================================
