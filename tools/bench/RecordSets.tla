----------------------------- MODULE RecordSets -----------------------------
(* A benchmark in the style of message-passing specs (two-phase commit,    *)
(* Paxos): messages are records kept in a set, TypeOK says the set is a    *)
(* subset of a union of record sets, actions look for messages with        *)
(* \E over record sets and set comprehensions, and counts are taken with   *)
(* Cardinality.                                                            *)
EXTENDS Naturals, FiniteSets

CONSTANTS RM, Ballots, Vals

VARIABLES rmState, msgs, bal

vars == <<rmState, msgs, bal>>

Messages ==
       [type : {"prepared"}, rm : RM, bal : Ballots]
  \cup [type : {"vote"}, rm : RM, bal : Ballots, val : Vals]
  \cup [type : {"commit", "abort"}, bal : Ballots]

TypeOK == /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
          /\ msgs \subseteq Messages
          /\ bal \in [RM -> Ballots]

Init == /\ rmState = [r \in RM |-> "working"]
        /\ msgs = {}
        /\ bal = [r \in RM |-> 0]

Prepared(b) == {m \in msgs : m.type = "prepared" /\ m.bal = b}

Votes(b, v) == {m \in msgs : m.type = "vote" /\ m.bal = b /\ m.val = v}

Prepare(r) == /\ rmState[r] = "working"
              /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
              /\ msgs' = msgs \cup {[type |-> "prepared", rm |-> r, bal |-> bal[r]]}
              /\ UNCHANGED bal

\* A resource manager votes for a value in its ballot, by picking a vote
\* record that fits from the set of all vote records.
Vote(r) == /\ rmState[r] = "prepared"
           /\ \E m \in [type : {"vote"}, rm : {r}, bal : {bal[r]}, val : Vals] :
                 /\ m \notin msgs
                 /\ \A m2 \in msgs : m2.type = "vote" /\ m2.rm = r => m2.bal # m.bal
                 /\ msgs' = msgs \cup {m}
           /\ UNCHANGED <<rmState, bal>>

Bump(r) == /\ rmState[r] = "prepared"
           /\ bal[r] + 1 \in Ballots
           /\ bal' = [bal EXCEPT ![r] = bal[r] + 1]
           /\ rmState' = [rmState EXCEPT ![r] = "working"]
           /\ UNCHANGED msgs

Decide(b) == /\ \A r \in RM : [type |-> "prepared", rm |-> r, bal |-> b] \in msgs
             /\ \E v \in Vals : Cardinality(Votes(b, v)) * 2 > Cardinality(RM)
             /\ [type |-> "commit", bal |-> b] \notin msgs
             /\ msgs' = msgs \cup {[type |-> "commit", bal |-> b]}
             /\ UNCHANGED <<rmState, bal>>

Next == \/ \E r \in RM : Prepare(r) \/ Vote(r) \/ Bump(r)
        \/ \E b \in Ballots : Decide(b)

\* Every message is one of the records the protocol can send.
WellFormed == \A m \in msgs : \E t \in {"prepared", "vote", "commit", "abort"} : m.type = t

\* At most one value gets a majority in a ballot.
Agreement == \A b \in Ballots : Cardinality({v \in Vals : Cardinality(Votes(b, v)) * 2 > Cardinality(RM)}) <= 1

\* Commits only follow a full set of prepared messages.
CommitOK == \A b \in Ballots : [type |-> "commit", bal |-> b] \in msgs => Cardinality(Prepared(b)) = Cardinality(RM)

=============================================================================
