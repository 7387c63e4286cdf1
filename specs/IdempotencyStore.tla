--------------------------- MODULE IdempotencyStore ---------------------------
(***************************************************************************)
(* An idempotency store in front of a side-effecting request handler.     *)
(*                                                                         *)
(* Clients send requests (user, key, payload); workers take them, acquire *)
(* the idempotency record for (user, key) atomically, run the business    *)
(* effect and complete the record in the same fenced transaction.  Workers *)
(* may crash, locks expire on a logical clock, records expire after a     *)
(* retention period.  The constant Variant selects the correct design or  *)
(* one of thirteen classic anti-patterns; each anti-pattern breaks one of *)
(* the invariants at the bottom of this module.                           *)
(*                                                                         *)
(* Variables are chosen to be observable from an implementation:          *)
(*   records    the idempotency table, one row per (user, key)            *)
(*   effects    the business table: effects applied per intent and step  *)
(*   responses  final (cacheable) responses the clients received          *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS
  Users,        \* user ids (strings)
  Keys,         \* idempotency keys a client may send (strings)
  Payloads,     \* request bodies (strings)
  Workers,      \* server workers handling requests concurrently
  Variant,      \* "Correct" or the name of an anti-pattern (see Variants)
  MaxRequests,  \* bound on requests sent (first attempts and retries)
  MaxCrashes,   \* bound on worker crashes
  RetryWindow,  \* clients retry while clock <= RetryWindow
  LockTTL,      \* clock ticks a pending lock stays valid
  Retention,    \* clock ticks a record lives before cleanup may remove it
  Steps         \* business steps per request (2 = a multi-step workflow)

Variants == {
  "Correct",
  "ServerKeys",              \* 1  keys derived by the server from the payload
  "CheckThenAct",            \* 2  lookup and insert in separate steps
  "NoInProgress",            \* 3  no pending marker while processing
  "OptionalKeys",            \* 4  requests without a key run unprotected
  "FailuresNotCached",       \* 5  4xx responses are not stored
  "StaleReads",              \* 6  store reads a stale replica, writes blindly
  "NoRecovery",              \* 7  an expired pending lock is never taken over
  "NoFingerprint",           \* 8  a key reused with another payload replays
  "AmbiguousStoreFailure",   \* 9  a store error is answered as a success
  "SeparateTransactions",    \* 10 effect and record commit separately
  "ShortRetention",          \* 11 retention shorter than the retry window
  "NoWorkflowCorrelation",   \* 12 a retried workflow restarts at step 1
  "NoFencing"                \* 13 commit does not check the lock token
}

ASSUME Variant \in Variants
ASSUME MaxRequests \in Nat /\ MaxCrashes \in Nat /\ RetryWindow \in Nat
ASSUME LockTTL \in Nat /\ Retention \in Nat /\ Steps \in Nat /\ LockTTL > 0 /\ Retention > 0 /\ Steps > 0

VARIABLES
  records,    \* [Slots -> Record]: the idempotency table
  replica,    \* the stale copy of records that "StaleReads" reads from
  workers,    \* [Workers -> WorkerState]
  effects,    \* [Users \X Keys \X StepIds -> Nat]: business effects per intent
  responses,  \* set of final responses: 2xx and 4xx (409, 422, 5xx are not final)
  clock,      \* logical clock for lock expiry and retention
  nextToken,  \* next fencing token to hand out
  sent,       \* requests sent so far
  crashes     \* worker crashes so far

vars == <<records, replica, workers, effects, responses, clock, nextToken, sent, crashes>>

StepIds == 1..Steps
Statuses == {"absent", "pending", "completed", "failed-retryable", "failed-permanent"}
\* A record is addressed by (user, key); "ServerKeys" addresses it by (user, payload).
Slots == IF Variant = "ServerKeys" THEN Users \X Payloads ELSE Users \X Keys
Slot(u, k, p) == IF Variant = "ServerKeys" THEN <<u, p>> ELSE <<u, k>>

\* The identity of the request whose handler produced a response body.
Req(u, k, p) == [user |-> u, key |-> k, payload |-> p]
NoBody == Req("", "", "")

NoRecord == [status |-> "absent", fp |-> "", code |-> 0, body |-> NoBody,
             token |-> 0, lockedUntil |-> 0, createdAt |-> 0, progress |-> 0]

Idle == [phase |-> "idle", user |-> "", key |-> "", payload |-> "",
         keyed |-> TRUE, token |-> 0, step |-> 0]

Busy(phase, u, k, p, keyed, token, step) ==
  [phase |-> phase, user |-> u, key |-> k, payload |-> p,
   keyed |-> keyed, token |-> token, step |-> step]

\* Reads go to the stale replica only in "StaleReads".
Read(s) == IF Variant = "StaleReads" THEN replica[s] ELSE records[s]

LockLive(rec) == rec.status = "pending" /\ clock < rec.lockedUntil

(* What one atomic acquisition decides for a request with payload p,      *)
(* given the record it read.                                              *)
Decision(rec, p) ==
  IF rec.status = "absent" THEN "acquire"
  ELSE IF rec.fp # p /\ Variant # "NoFingerprint" THEN "mismatch"      \* 422
  ELSE IF rec.status \in {"completed", "failed-permanent"} THEN "replay"
  ELSE IF rec.status = "failed-retryable" THEN "takeover"
  ELSE IF LockLive(rec) THEN "busy"                                    \* 409
  ELSE IF Variant = "NoRecovery" THEN "busy"
  ELSE "takeover"

\* The step a new lock holder starts at: resume after the last committed step.
ResumeStep(rec) == IF Variant = "NoWorkflowCorrelation" THEN 1 ELSE rec.progress + 1

PendingRecord(rec, p, step) ==
  [status |-> "pending", fp |-> p, code |-> 0, body |-> NoBody, token |-> nextToken,
   lockedUntil |-> clock + LockTTL,
   createdAt |-> IF rec.status = "absent" THEN clock ELSE rec.createdAt,
   progress |-> step - 1]

Respond(u, k, p, code, body) ==
  responses' = responses \cup {[user |-> u, key |-> k, payload |-> p, code |-> code, body |-> body]}

-----------------------------------------------------------------------------
(* Actions.  Parameters: w worker, u user, k key, p payload.              *)

Init ==
  /\ records = [s \in Slots |-> NoRecord]
  /\ replica = records
  /\ workers = [w \in Workers |-> Idle]
  /\ effects = [x \in Users \X Keys \X StepIds |-> 0]
  /\ responses = {}
  /\ clock = 0
  /\ nextToken = 1
  /\ sent = 0
  /\ crashes = 0

\* Take the lock on slot s: write a pending record with a fresh fencing token.
TakeLock(w, u, k, p, s, rec) ==
  LET step == IF rec.status = "absent" THEN 1 ELSE ResumeStep(rec) IN
  /\ records' = [records EXCEPT ![s] = PendingRecord(rec, p, step)]
  /\ workers' = [workers EXCEPT ![w] = Busy("working", u, k, p, TRUE, nextToken, step)]
  /\ nextToken' = nextToken + 1

(* A request with an idempotency key reaches worker w, which acquires the *)
(* record in one transaction and acts on the decision.                    *)
Receive(w, u, k, p) ==
  LET s == Slot(u, k, p)
      rec == Read(s)
      d == Decision(rec, p)
  IN
  /\ workers[w].phase = "idle"
  /\ sent < MaxRequests
  /\ sent' = sent + 1
  /\ IF d = "acquire" /\ Variant = "CheckThenAct" THEN
       \* saw "absent"; the insert is a later, separate step
       /\ workers' = [workers EXCEPT ![w] = Busy("checked", u, k, p, TRUE, 0, 1)]
       /\ UNCHANGED <<records, nextToken, responses>>
     ELSE IF d = "acquire" /\ Variant = "NoInProgress" THEN
       \* no pending marker: just run the handler
       /\ workers' = [workers EXCEPT ![w] = Busy("working", u, k, p, TRUE, 0, 1)]
       /\ UNCHANGED <<records, nextToken, responses>>
     ELSE IF d \in {"acquire", "takeover"} THEN
       /\ TakeLock(w, u, k, p, s, rec)
       /\ UNCHANGED responses
     ELSE IF d = "replay" THEN
       /\ Respond(u, k, p, rec.code, rec.body)
       /\ UNCHANGED <<records, workers, nextToken>>
     ELSE
       \* 409 busy or 422 mismatch: not final, nothing changes
       UNCHANGED <<records, workers, nextToken, responses>>
  /\ UNCHANGED <<replica, effects, clock, crashes>>

(* "CheckThenAct": the insert after a lookup that saw "absent".  It is a *)
(* plain write, so it overwrites whatever another worker stored since.    *)
Insert(w) ==
  LET ws == workers[w]
      s == Slot(ws.user, ws.key, ws.payload)
  IN
  /\ ws.phase = "checked"
  /\ TakeLock(w, ws.user, ws.key, ws.payload, s, records[s])
  /\ UNCHANGED <<replica, effects, responses, clock, sent, crashes>>

(* A request without an idempotency key: 400, except in "OptionalKeys",  *)
(* where the handler runs unprotected.                                    *)
ReceiveWithoutKey(w, u, k, p) ==
  /\ workers[w].phase = "idle"
  /\ sent < MaxRequests
  /\ sent' = sent + 1
  /\ IF Variant = "OptionalKeys"
       THEN workers' = [workers EXCEPT ![w] = Busy("working", u, k, p, FALSE, 0, 1)]
       ELSE UNCHANGED workers
  /\ UNCHANGED <<records, replica, effects, responses, clock, nextToken, crashes>>

(* The store is unavailable during acquisition: fail closed with 503,    *)
(* except in "AmbiguousStoreFailure", which answers as if it were a      *)
(* completed duplicate.                                                   *)
StoreFailure(u, k, p) ==
  /\ sent < MaxRequests
  /\ sent' = sent + 1
  /\ IF Variant = "AmbiguousStoreFailure"
       THEN Respond(u, k, p, 200, NoBody)
       ELSE UNCHANGED responses
  /\ UNCHANGED <<records, replica, workers, effects, clock, nextToken, crashes>>

\* Whether worker w's commit transaction may proceed.
CanCommit(w) ==
  LET ws == workers[w]
      rec == records[Slot(ws.user, ws.key, ws.payload)]
  IN
  \/ ~ws.keyed
  \/ Variant \in {"NoInProgress", "StaleReads", "NoFencing"}   \* no compare-and-set
  \/ rec.status = "pending" /\ rec.token = ws.token            \* fencing token still ours

Intent(ws, step) == <<ws.user, ws.key, step>>

(* An intermediate step of a workflow commits its effect together with   *)
(* the record's progress (the recovery point), fenced by the token.      *)
CommitStep(w) ==
  LET ws == workers[w]
      s == Slot(ws.user, ws.key, ws.payload)
  IN
  /\ ws.phase = "working"
  /\ ws.step < Steps
  /\ IF CanCommit(w)
       THEN /\ effects' = [effects EXCEPT ![Intent(ws, ws.step)] = @ + 1]
            /\ records' = [records EXCEPT ![s].progress = ws.step]
            /\ workers' = [workers EXCEPT ![w].step = ws.step + 1]
       ELSE /\ workers' = [workers EXCEPT ![w] = Idle]
            /\ UNCHANGED <<effects, records>>
  /\ UNCHANGED <<replica, responses, clock, nextToken, sent, crashes>>

(* The handler finishes its last step with an outcome: "ok" (200, effect),*)
(* "rejected" (400, no effect, cached) or "error" (500, retryable, not    *)
(* cached).  Effect and record completion commit in one transaction that *)
(* aborts if the worker lost its lock.                                    *)
Process(w, outcome) ==
  LET ws == workers[w]
      s == Slot(ws.user, ws.key, ws.payload)
      me == Req(ws.user, ws.key, ws.payload)
      code == IF outcome = "ok" THEN 200 ELSE 400
      final == [records[s] EXCEPT !.status = IF outcome = "ok" THEN "completed" ELSE "failed-permanent",
                                  !.fp = ws.payload, !.code = code, !.body = me, !.lockedUntil = 0]
  IN
  /\ ws.phase = "working"
  /\ ws.step = Steps
  /\ outcome \in {"ok", "rejected", "error"}
  /\ IF ~CanCommit(w)
       THEN \* lock lost: the transaction rolls back
            /\ workers' = [workers EXCEPT ![w] = Idle]
            /\ UNCHANGED <<effects, records, responses>>
     ELSE IF outcome = "ok" /\ Variant = "SeparateTransactions"
       THEN \* effect commits now, the record later (RecordCompletion)
            /\ effects' = [effects EXCEPT ![Intent(ws, Steps)] = @ + 1]
            /\ workers' = [workers EXCEPT ![w].phase = "effected"]
            /\ UNCHANGED <<records, responses>>
     ELSE
       /\ effects' = IF outcome = "ok" THEN [effects EXCEPT ![Intent(ws, Steps)] = @ + 1] ELSE effects
       /\ workers' = [workers EXCEPT ![w] = Idle]
       /\ records' =
            IF ~ws.keyed THEN records
            ELSE IF outcome = "error" THEN
              [records EXCEPT ![s].status = "failed-retryable", ![s].fp = ws.payload,
                              ![s].lockedUntil = 0]
            ELSE IF outcome = "rejected" /\ Variant = "FailuresNotCached" THEN
              [records EXCEPT ![s] = NoRecord]
            ELSE [records EXCEPT ![s] = final]
       /\ IF ws.keyed /\ outcome # "error"
            THEN Respond(ws.user, ws.key, ws.payload, code, me)
            ELSE UNCHANGED responses
  /\ UNCHANGED <<replica, clock, nextToken, sent, crashes>>

(* "SeparateTransactions": the second transaction completes the record.  *)
RecordCompletion(w) ==
  LET ws == workers[w]
      s == Slot(ws.user, ws.key, ws.payload)
      me == Req(ws.user, ws.key, ws.payload)
  IN
  /\ ws.phase = "effected"
  /\ workers' = [workers EXCEPT ![w] = Idle]
  /\ IF CanCommit(w)
       THEN /\ records' = [records EXCEPT ![s].status = "completed", ![s].code = 200,
                                          ![s].body = me, ![s].lockedUntil = 0]
            /\ Respond(ws.user, ws.key, ws.payload, 200, me)
       ELSE UNCHANGED <<records, responses>>
  /\ UNCHANGED <<replica, effects, clock, nextToken, sent, crashes>>

\* A busy worker dies (SIGKILL): its uncommitted work is lost, its lock stays.
Crash(w) ==
  /\ workers[w].phase # "idle"
  /\ crashes < MaxCrashes
  /\ crashes' = crashes + 1
  /\ workers' = [workers EXCEPT ![w] = Idle]
  /\ UNCHANGED <<records, replica, effects, responses, clock, nextToken, sent>>

\* Time passes; clients stop retrying after RetryWindow.
Tick ==
  /\ clock < RetryWindow
  /\ clock' = clock + 1
  /\ UNCHANGED <<records, replica, workers, effects, responses, nextToken, sent, crashes>>

\* Cleanup removes an old record, but never a pending record with a live lock.
Expire(s) ==
  /\ records[s].status # "absent"
  /\ clock >= records[s].createdAt + Retention
  /\ ~LockLive(records[s])
  /\ records' = [records EXCEPT ![s] = NoRecord]
  /\ UNCHANGED <<replica, workers, effects, responses, clock, nextToken, sent, crashes>>

\* "StaleReads": the replica catches up with the primary.
Replicate ==
  /\ Variant = "StaleReads"
  /\ replica # records
  /\ replica' = records
  /\ UNCHANGED <<records, workers, effects, responses, clock, nextToken, sent, crashes>>

Next ==
  \/ \E w \in Workers, u \in Users, k \in Keys, p \in Payloads :
        \/ Receive(w, u, k, p)
        \/ ReceiveWithoutKey(w, u, k, p)
  \/ \E u \in Users, k \in Keys, p \in Payloads : StoreFailure(u, k, p)
  \/ \E w \in Workers :
        \/ Insert(w)
        \/ CommitStep(w)
        \/ \E outcome \in {"ok", "rejected", "error"} : Process(w, outcome)
        \/ RecordCompletion(w)
        \/ Crash(w)
  \/ Tick
  \/ \E s \in Slots : Expire(s)
  \/ Replicate

\* Models set CHECK_DEADLOCK FALSE: once the request budget is spent the system stops.
Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Invariants *)

TypeOK ==
  /\ \A s \in Slots : records[s].status \in Statuses /\ records[s].token < nextToken
  /\ \A w \in Workers : workers[w].phase \in {"idle", "checked", "working", "effected"}
  /\ \A x \in DOMAIN effects : effects[x] \in Nat
  /\ clock \in 0..RetryWindow
  /\ sent \in 0..MaxRequests
  /\ crashes \in 0..MaxCrashes
  /\ nextToken \in 1..(MaxRequests + 1)

\* Each user intent (user, key) applies each business step at most once.
AtMostOnceEffect == \A x \in DOMAIN effects : effects[x] <= 1

\* Every final response to the same request (user, key, payload) is identical.
SameResponse ==
  \A r1, r2 \in responses :
    (r1.user = r2.user /\ r1.key = r2.key /\ r1.payload = r2.payload)
      => (r1.code = r2.code /\ r1.body = r2.body)

\* A final response was produced by the handler run for that very request.
ResponseMatchesRequest ==
  \A r \in responses : r.body = Req(r.user, r.key, r.payload)

\* No user ever receives a response produced for another user.
NoCrossUserLeak == \A r \in responses : r.body.user \in {r.user, ""}

\* A pending record whose lock expired and whose holder is gone can be
\* taken over by a retry: no key stays blocked forever.
NoKeyBlockedForever ==
  \A s \in Slots :
    LET rec == records[s] IN
    ( /\ rec.status = "pending"
      /\ clock >= rec.lockedUntil
      /\ ~\E w \in Workers : workers[w].phase # "idle" /\ workers[w].token = rec.token )
      => Decision(rec, rec.fp) = "takeover"
=============================================================================
