--------------------------- MODULE ByzantineGenerals ---------------------------
(***************************************************************************)
(* The oral-messages algorithm OM(M) of Lamport, Shostak and Pease, "The   *)
(* Byzantine Generals Problem" (1982), over an asynchronous network.       *)
(*                                                                         *)
(* General 1 is the commander, the others are lieutenants. A message is a  *)
(* pair <<p, r>>: p is a path <<1, j1, ..., jk>> of distinct generals      *)
(* (k <= M) and r a lieutenant not on it. Last(p) sends it to r, saying    *)
(* "the value I hold for Prefix(p) is v"; for p = <<1>> it is the          *)
(* commander's order, which a loyal commander first chooses (Command). A   *)
(* loyal general relays what it received, a traitor sends any value.      *)
(* Messages are sent one at a time in any order, so every                 *)
(* interleaving of the rounds is a behaviour. Once a loyal lieutenant has  *)
(* every message addressed to it, it decides by the recursive majority of  *)
(* OM, with ties broken to the default "retreat".                          *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS
  N,        \* number of generals, commander included
  M,        \* rounds of the recursion: OM(M)
  Traitors  \* generals (numbers in 1..N) who may send anything

ASSUME N >= 2 /\ M \in 0..(N - 2) /\ Traitors \subseteq 1..N

Commander == 1
Lieutenants == 2..N
LoyalLieutenants == Lieutenants \ Traitors
Values == {"attack", "retreat"}
Default == "retreat"
None == "none"

Range(p) == {p[k] : k \in DOMAIN p}
Last(p) == p[Len(p)]
Prefix(p) == SubSeq(p, 1, Len(p) - 1)

\* Paths of length k: the commander followed by k - 1 distinct lieutenants.
PathsOfLen[k \in 1..(M + 1)] ==
  IF k = 1 THEN {<<Commander>>}
  ELSE UNION {{p \o <<j>> : j \in Lieutenants \ Range(p)} : p \in PathsOfLen[k - 1]}

Paths == UNION {PathsOfLen[k] : k \in 1..(M + 1)}

\* Every message of a complete run of OM(M).
Messages == {m \in Paths \X Lieutenants : m[2] \notin Range(m[1])}

VARIABLES
  order,     \* the loyal commander's order ("none" until given; a traitor gives none)
  msgs,      \* every message <<p, r>> of the run: the value sent, "none" until sent
  decision   \* each loyal lieutenant's decision, "none" until it decides

vars == <<order, msgs, decision>>

\* The value a loyal Last(p) relays along p: what it received for Prefix(p).
Honest(p) == IF Len(p) = 1 THEN order ELSE msgs[<<Prefix(p), Last(p)>>]

Sent(p, r) == msgs[<<p, r>>] # None

\* Last(p) can speak for p once it holds its own value for Prefix(p); a loyal
\* commander once it has chosen its order, a traitor commander at any time.
CanSend(p) ==
  IF Len(p) = 1 THEN Commander \in Traitors \/ order # None
  ELSE Sent(Prefix(p), Last(p))

\* Lieutenant i's value for the sub-instance of OM run by Last(p): the value
\* received directly at the last round, else the majority of that value and
\* of the values the other lieutenants relay (computed recursively).
RECURSIVE ValueOf(_, _)
ValueOf(p, i) ==
  IF Len(p) = M + 1 THEN msgs[<<p, i>>]
  ELSE LET others == Lieutenants \ (Range(p) \cup {i})
           attacks == Cardinality({k \in others : ValueOf(p \o <<k>>, i) = "attack"})
                      + (IF msgs[<<p, i>>] = "attack" THEN 1 ELSE 0)
       IN IF 2 * attacks > Cardinality(others) + 1 THEN "attack" ELSE Default

HasAllMessages(i) == \A p \in Paths : i \notin Range(p) => Sent(p, i)

Init ==
  /\ order = None
  /\ msgs = [x \in Messages |-> None]
  /\ decision = [i \in LoyalLieutenants |-> None]

\* The loyal commander chooses its order.
Command(v) ==
  /\ Commander \notin Traitors
  /\ order = None
  /\ order' = v
  /\ UNCHANGED <<msgs, decision>>

\* Last(p) sends v, its value for p, to lieutenant r; a traitor chooses any v.
Send(p, r, v) ==
  /\ CanSend(p)
  /\ r \notin Range(p)
  /\ ~Sent(p, r)
  /\ Last(p) \in Traitors \/ v = Honest(p)
  /\ msgs' = [msgs EXCEPT ![<<p, r>>] = v]
  /\ UNCHANGED <<order, decision>>

Decide(i) ==
  /\ decision[i] = None
  /\ HasAllMessages(i)
  /\ decision' = [decision EXCEPT ![i] = ValueOf(<<Commander>>, i)]
  /\ UNCHANGED <<order, msgs>>

Next ==
  \/ \E v \in Values : Command(v)
  \/ \E p \in Paths, r \in Lieutenants, v \in Values : Send(p, r, v)
  \/ \E i \in LoyalLieutenants : Decide(i)

Spec == Init /\ [][Next]_vars

TypeOK ==
  /\ order \in Values \cup {None}
  /\ msgs \in [Messages -> Values \cup {None}]
  /\ decision \in [LoyalLieutenants -> Values \cup {None}]

\* IC1: all loyal lieutenants obey the same order.
Agreement ==
  \A i, j \in LoyalLieutenants :
    decision[i] # None /\ decision[j] # None => decision[i] = decision[j]

\* IC2: if the commander is loyal, every loyal lieutenant obeys its order.
Validity ==
  Commander \notin Traitors =>
    \A i \in LoyalLieutenants : decision[i] \in {None, order}
=============================================================================
