------------------------------ MODULE RaftElection ------------------------------
(***************************************************************************)
(* Leader election of Raft (Ongaro and Ousterhout, 2014), without log      *)
(* replication: servers with terms and roles, RequestVote with the         *)
(* up-to-date-log check, one vote per term, majority quorum, heartbeats.   *)
(*                                                                         *)
(* The network is a set of messages in flight, delivered once each in any  *)
(* order (reordering) or dropped (loss; a partition is the loss of every   *)
(* message across it). Timeouts may fire at any time: a server cannot tell *)
(* a slow leader from a dead one.                                          *)
(*                                                                         *)
(* Variant selects a bug: "DoubleVote" grants a vote whatever the server   *)
(* already voted for in the term; "HalfQuorum" counts a quorum as          *)
(* votes >= N/2 instead of votes > N/2.                                    *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, Sequences

CONSTANTS
  Servers,    \* server ids (strings)
  MaxTerm,    \* timeouts stop at this term
  MaxLogLen,  \* client requests stop at this log length
  Variant     \* "Correct", "DoubleVote" or "HalfQuorum"

ASSUME Variant \in {"Correct", "DoubleVote", "HalfQuorum"}

Nil == "none"

\* Message records list their fields in alphabetical order (see docs/consensus.md).
Roles == {"follower", "candidate", "leader"}

VARIABLES
  currentTerm,   \* server -> latest term it has seen
  role,          \* server -> follower, candidate or leader
  votedFor,      \* server -> whom it voted for in currentTerm, or Nil
  votesGranted,  \* server -> the servers that granted it their vote in its current candidacy
  log,           \* server -> its log, a sequence of entry terms
  messages       \* messages in flight

vars == <<currentTerm, role, votedFor, votesGranted, log, messages>>

LastTerm(lg) == IF Len(lg) = 0 THEN 0 ELSE lg[Len(lg)]

IsQuorum(votes) ==
  IF Variant = "HalfQuorum" THEN 2 * Cardinality(votes) >= Cardinality(Servers)
  ELSE 2 * Cardinality(votes) > Cardinality(Servers)

Init ==
  /\ currentTerm = [i \in Servers |-> 0]
  /\ role = [i \in Servers |-> "follower"]
  /\ votedFor = [i \in Servers |-> Nil]
  /\ votesGranted = [i \in Servers |-> {}]
  /\ log = [i \in Servers |-> <<>>]
  /\ messages = {}

\* The election timer of i fires: it starts an election in the next term and asks every peer for its vote.
Timeout(i) ==
  /\ role[i] \in {"follower", "candidate"}
  /\ currentTerm[i] < MaxTerm
  /\ currentTerm' = [currentTerm EXCEPT ![i] = @ + 1]
  /\ role' = [role EXCEPT ![i] = "candidate"]
  /\ votedFor' = [votedFor EXCEPT ![i] = i]
  /\ votesGranted' = [votesGranted EXCEPT ![i] = {i}]
  /\ messages' = messages \cup
       {[dst |-> j, lastLogIndex |-> Len(log[i]), lastLogTerm |-> LastTerm(log[i]),
         src |-> i, term |-> currentTerm[i] + 1, type |-> "RequestVote"] : j \in Servers \ {i}}
  /\ UNCHANGED log

\* m.dst handles a vote request: it adopts a newer term (as a follower), then
\* grants its vote if the term is current, the candidate's log is at least as
\* up to date as its own, and it has not voted for another server in the term.
HandleRequestVote(m) ==
  LET i == m.dst
      newer == m.term > currentTerm[i]
      term == IF newer THEN m.term ELSE currentTerm[i]
      voted == IF newer THEN Nil ELSE votedFor[i]
      logOk == \/ m.lastLogTerm > LastTerm(log[i])
               \/ m.lastLogTerm = LastTerm(log[i]) /\ m.lastLogIndex >= Len(log[i])
      grant == /\ m.term = term
               /\ logOk
               /\ voted \in {Nil, m.src} \/ Variant = "DoubleVote"
  IN /\ m.type = "RequestVote"
     /\ currentTerm' = [currentTerm EXCEPT ![i] = term]
     /\ role' = IF newer THEN [role EXCEPT ![i] = "follower"] ELSE role
     /\ votedFor' = [votedFor EXCEPT ![i] = IF grant THEN m.src ELSE voted]
     /\ votesGranted' = IF newer THEN [votesGranted EXCEPT ![i] = {}] ELSE votesGranted
     /\ messages' = (messages \ {m}) \cup
          {[dst |-> m.src, src |-> i, term |-> term, type |-> "Vote", voteGranted |-> grant]}
     /\ UNCHANGED log

\* m.dst handles a vote: a newer term makes it a follower; a vote granted in
\* its current candidacy is counted, and a quorum makes it the leader.
HandleVote(m) ==
  LET i == m.dst
      votes == votesGranted[i] \cup {m.src}
  IN /\ m.type = "Vote"
     /\ IF m.term > currentTerm[i] THEN
          /\ currentTerm' = [currentTerm EXCEPT ![i] = m.term]
          /\ role' = [role EXCEPT ![i] = "follower"]
          /\ votedFor' = [votedFor EXCEPT ![i] = Nil]
          /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
        ELSE IF m.term = currentTerm[i] /\ role[i] = "candidate" /\ m.voteGranted THEN
          /\ votesGranted' = [votesGranted EXCEPT ![i] = votes]
          /\ role' = [role EXCEPT ![i] = IF IsQuorum(votes) THEN "leader" ELSE "candidate"]
          /\ UNCHANGED <<currentTerm, votedFor>>
        ELSE UNCHANGED <<currentTerm, role, votedFor, votesGranted>>
     /\ messages' = messages \ {m}
     /\ UNCHANGED log

\* The heartbeat timer of leader i fires: it tells every peer it leads the term.
Heartbeat(i) ==
  /\ role[i] = "leader"
  /\ messages' = messages \cup
       {[dst |-> j, src |-> i, term |-> currentTerm[i], type |-> "Heartbeat"] : j \in Servers \ {i}}
  /\ UNCHANGED <<currentTerm, role, votedFor, votesGranted, log>>

\* m.dst hears a leader of its term or a newer one: it follows it.
HandleHeartbeat(m) ==
  LET i == m.dst
  IN /\ m.type = "Heartbeat"
     /\ IF m.term >= currentTerm[i] THEN
          /\ currentTerm' = [currentTerm EXCEPT ![i] = m.term]
          /\ role' = [role EXCEPT ![i] = "follower"]
          /\ votedFor' = IF m.term > currentTerm[i] THEN [votedFor EXCEPT ![i] = Nil] ELSE votedFor
          /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
        ELSE UNCHANGED <<currentTerm, role, votedFor, votesGranted>>
     /\ messages' = messages \ {m}
     /\ UNCHANGED log

\* Leader i appends a client's entry to its own log (replication is out of scope).
ClientRequest(i) ==
  /\ role[i] = "leader"
  /\ Len(log[i]) < MaxLogLen
  /\ log' = [log EXCEPT ![i] = Append(@, currentTerm[i])]
  /\ UNCHANGED <<currentTerm, role, votedFor, votesGranted, messages>>

\* The network loses m.
Drop(m) ==
  /\ messages' = messages \ {m}
  /\ UNCHANGED <<currentTerm, role, votedFor, votesGranted, log>>

Next ==
  \/ \E i \in Servers : Timeout(i) \/ Heartbeat(i) \/ ClientRequest(i)
  \/ \E m \in messages : HandleRequestVote(m) \/ HandleVote(m) \/ HandleHeartbeat(m) \/ Drop(m)

Spec == Init /\ [][Next]_vars

TypeOK ==
  /\ currentTerm \in [Servers -> 0..MaxTerm]
  /\ role \in [Servers -> Roles]
  /\ votedFor \in [Servers -> Servers \cup {Nil}]
  /\ votesGranted \in [Servers -> SUBSET Servers]
  /\ \A i \in Servers : Len(log[i]) <= MaxLogLen

\* At most one leader per term.
ElectionSafety ==
  \A i, j \in Servers :
    role[i] = "leader" /\ role[j] = "leader" /\ currentTerm[i] = currentTerm[j] => i = j
=============================================================================
