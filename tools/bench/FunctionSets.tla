---------------------------- MODULE FunctionSets ----------------------------
(* A benchmark in the style of specs that lean on function sets: an       *)
(* assignment of values to processes where the next assignment is chosen  *)
(* from [Procs -> Vals], TypeOK checks membership in function sets, and   *)
(* invariants quantify over function sets or test membership in a set     *)
(* comprehension over one.                                                 *)
EXTENDS Naturals, FiniteSets

CONSTANTS Procs, Vals, MaxRound

VARIABLES assign, owner, history, round

vars == <<assign, owner, history, round>>

Assignments == [Procs -> Vals]

\* Number of processes whose value differs between two assignments.
Dist(f, g) == Cardinality({p \in Procs : f[p] # g[p]})

TypeOK == /\ assign \in [Procs -> Vals]
          /\ owner \in [Vals -> Procs \cup {"none"}]
          /\ history \in [Procs -> SUBSET Vals]
          /\ round \in 0..MaxRound

Init == /\ assign = [p \in Procs |-> CHOOSE v \in Vals : TRUE]
        /\ owner = [v \in Vals |-> "none"]
        /\ history = [p \in Procs |-> {CHOOSE v \in Vals : TRUE}]
        /\ round = 0

\* Move to any assignment that differs in exactly one process.
Step == \E g \in Assignments :
          /\ Dist(assign, g) = 1
          /\ assign' = g
          /\ history' = [p \in Procs |-> history[p] \cup {g[p]}]
          /\ UNCHANGED <<owner, round>>

Claim == \E v \in Vals, p \in Procs :
          /\ owner[v] = "none"
          /\ assign[p] = v
          /\ owner' = [owner EXCEPT ![v] = p]
          /\ UNCHANGED <<assign, history, round>>

Release == \E v \in Vals :
          /\ owner[v] # "none"
          /\ owner' = [owner EXCEPT ![v] = "none"]
          /\ UNCHANGED <<assign, history, round>>

\* A new round starts over from the same assignment.
Tick == /\ round < MaxRound
        /\ round' = round + 1
        /\ UNCHANGED <<assign, owner, history>>

Next == Step \/ Claim \/ Release \/ Tick

\* Some assignment in the set agrees with the current one everywhere.
Covered == \E g \in Assignments : \A p \in Procs : g[p] = assign[p]

\* Every assignment at distance 0 from the current one is the current one.
Unique == \A g \in Assignments : Dist(assign, g) = 0 => g = assign

\* Functions into the values now in use: a function set that changes with the state.
Range(f) == {f[p] : p \in Procs}
InUse == \A g \in [Procs -> Range(assign)] : Dist(g, assign) <= Cardinality(Procs)

\* The history is one of the histories that include the current values.
HistoryOK == history \in {h \in [Procs -> SUBSET Vals] : \A p \in Procs : assign[p] \in h[p]}

\* Owners hold the value they claimed at some point.
OwnersSeen == \A v \in Vals : owner[v] # "none" => v \in history[owner[v]]

=============================================================================
