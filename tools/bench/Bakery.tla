------------------------------ MODULE Bakery ------------------------------
(* Lamport's bakery algorithm, simplified for model checking: taking a    *)
(* ticket is one step, and a waiting process reads the others one at a    *)
(* time. Tickets are bounded by MaxTicket so the state space is finite.   *)
EXTENDS Naturals

CONSTANTS N, MaxTicket

Procs == 1..N

VARIABLES num, pc, unread

vars == <<num, pc, unread>>

Max(S) == CHOOSE m \in S : \A x \in S : x <= m

Init == /\ num = [p \in Procs |-> 0]
        /\ pc = [p \in Procs |-> "ncs"]
        /\ unread = [p \in Procs |-> {}]

TakeTicket(p) == /\ pc[p] = "ncs"
                 /\ Max({num[q] : q \in Procs}) < MaxTicket
                 /\ num' = [num EXCEPT ![p] = Max({num[q] : q \in Procs}) + 1]
                 /\ unread' = [unread EXCEPT ![p] = Procs \ {p}]
                 /\ pc' = [pc EXCEPT ![p] = "wait"]

Before(p, q) == \/ num[p] < num[q]
                \/ num[p] = num[q] /\ p < q

Check(p) == /\ pc[p] = "wait"
            /\ \E q \in unread[p] :
                 /\ num[q] = 0 \/ Before(p, q)
                 /\ unread' = [unread EXCEPT ![p] = @ \ {q}]
            /\ UNCHANGED <<num, pc>>

Enter(p) == /\ pc[p] = "wait"
            /\ unread[p] = {}
            /\ pc' = [pc EXCEPT ![p] = "cs"]
            /\ UNCHANGED <<num, unread>>

Exit(p) == /\ pc[p] = "cs"
           /\ num' = [num EXCEPT ![p] = 0]
           /\ pc' = [pc EXCEPT ![p] = "ncs"]
           /\ UNCHANGED unread

Next == \E p \in Procs : TakeTicket(p) \/ Check(p) \/ Enter(p) \/ Exit(p)

MutualExclusion == \A p, q \in Procs : p # q => ~(pc[p] = "cs" /\ pc[q] = "cs")

TypeOK == /\ num \in [Procs -> 0..MaxTicket]
          /\ pc \in [Procs -> {"ncs", "wait", "cs"}]

=============================================================================
