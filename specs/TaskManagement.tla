---------------------------- MODULE TaskManagement ----------------------------
(***************************************************************************)
(* A multi-user task API, as its clients see it.                          *)
(*                                                                         *)
(* Users log in and out; every task request needs a session.  A task has *)
(* an owner, an assignee, a status, a priority, dependencies on other     *)
(* tasks and a version.  Every write names the version it is based on     *)
(* (the HTTP If-Match header) and is refused when that version is stale.  *)
(* Each request gets one response code, kept in `last`, so that an        *)
(* implementation can be compared response by response.                   *)
(*                                                                         *)
(* Status is changed by users along UserTransitions; "blocked" belongs to *)
(* the system: a task that is not final is blocked exactly when one of    *)
(* its dependencies is unfinished.  Completing, cancelling or deleting a  *)
(* task settles its dependents in the same step: cancelled and deleted    *)
(* dependencies are dropped, and a blocked task whose dependencies are    *)
(* all completed becomes pending again.                                   *)
(*                                                                         *)
(* Variant selects the correct design or one of its bugs; each bug breaks *)
(* one property at the bottom of this module.                             *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS
  Users,       \* user names (strings)
  MaxTasks,    \* ids are 1..MaxTasks: the model creates at most that many tasks
  MaxVersion,  \* model bound: optional writes stop at this version
  Variant,     \* "Correct" or a bug (see Variants)
  Ops          \* the requests clients may send (names of the actions below)

Variants == {
  "Correct",
  "IdReuse",             \* ids reused after delete, access rows left behind
  "NoVersionCheck",      \* writes ignore If-Match: lost updates
  "NoCycleCheck",        \* dependencies added without the cycle check
  "BulkBypass",          \* bulk status update skips the transition rules
  "ReopenFinal",         \* completed and cancelled tasks can be reopened
  "DanglingDependency",  \* delete leaves the task in its dependents' lists
  "NoRelease"            \* a cancelled dependency keeps its dependents blocked
}

AllOps == {"Login", "Logout", "Create", "UpdateStatus", "UpdatePriority", "Reassign",
           "UpdateDetails", "Delete", "AddDependency", "BulkStatus"}

ASSUME Variant \in Variants
ASSUME Ops \subseteq AllOps
ASSUME MaxTasks \in Nat /\ MaxVersion \in Nat /\ MaxVersion > 1

Ids == 1..MaxTasks
Statuses == {"pending", "in_progress", "blocked", "completed", "cancelled"}
Final == {"completed", "cancelled"}
Priorities == {"low", "high"}

\* Every status change the system may make.
Transitions == {
  <<"pending", "in_progress">>, <<"pending", "cancelled">>, <<"pending", "blocked">>,
  <<"in_progress", "completed">>, <<"in_progress", "cancelled">>,
  <<"in_progress", "blocked">>, <<"in_progress", "pending">>,
  <<"blocked", "pending">>, <<"blocked", "in_progress">>, <<"blocked", "cancelled">>
}

\* The changes a user may request; entering and leaving "blocked" is the system's.
UserTransitions == {t \in Transitions : "blocked" \notin {t[1], t[2]}} \cup {<<"blocked", "cancelled">>}

\* Statuses a user may ask for.
Requestable == {"pending", "in_progress", "completed", "cancelled"}

\* Response codes: 0 before any request.
Codes == {0, 200, 201, 204, 401, 403, 404, 409, 412}

VARIABLES
  sessions,     \* users with a live session
  tasks,        \* [existing ids -> Task]
  nextId,       \* the next id the id sequence hands out
  last,         \* the response code of the last request
  staleAccess,  \* access rows left behind by a delete (IdReuse only): <<user, id>>
  lost,         \* ids of tasks where a write based on a stale version was applied
  deleted       \* ids of deleted tasks (history)

vars == <<sessions, tasks, nextId, last, staleAccess, lost, deleted>>

Task == [owner : Users, assignee : Users, status : Statuses, priority : Priorities,
         deps : SUBSET Ids, version : Nat]

TypeOK ==
  /\ sessions \subseteq Users
  /\ DOMAIN tasks \subseteq Ids
  /\ \A id \in DOMAIN tasks : tasks[id] \in Task
  /\ nextId \in 1..MaxTasks + 1
  /\ last \in Codes
  /\ staleAccess \subseteq Users \X Ids
  /\ lost \subseteq Ids
  /\ deleted \subseteq Ids

-----------------------------------------------------------------------------
(* Helpers *)

Exists(id) == id \in DOMAIN tasks

\* Dependencies of id that are not completed (a missing one never completes).
Unfinished(t, id) == {d \in t[id].deps : d \notin DOMAIN t \/ t[d].status # "completed"}

\* Tasks reachable from S along dependencies in t.
RECURSIVE Reach(_, _)
Reach(S, t) ==
  LET N == S \cup UNION {t[x].deps : x \in S \cap DOMAIN t}
  IN IF N = S THEN S ELSE Reach(N, t)

\* Who may modify a task: its owner and its assignee (and, in IdReuse, stale access rows).
CanModify(u, id) ==
  \/ u \in {tasks[id].owner, tasks[id].assignee}
  \/ <<u, id>> \in staleAccess

\* The id a create gets: the sequence's next value; IdReuse takes max(id) + 1
\* as SQLite's rowid does, which hands out a deleted id again.
NewId ==
  IF Variant = "IdReuse"
  THEN IF DOMAIN tasks = {} THEN 1
       ELSE (CHOOSE m \in DOMAIN tasks : \A x \in DOMAIN tasks : x <= m) + 1
  ELSE nextId

\* The versions a client may base a write on: the current one, or the one before (stale).
Bases(id) ==
  IF Exists(id) THEN {tasks[id].version, tasks[id].version - 1} \ {0} ELSE {1}

\* The model's bound: writes other than forward status changes stop at MaxVersion.
HasBudget(id) == IF Exists(id) THEN tasks[id].version < MaxVersion ELSE TRUE

\* The checks every write to an existing task goes through, in the API's order;
\* 0 when the write may go ahead.
Guard(u, id, base) ==
  IF u \notin sessions THEN 401
  ELSE IF ~Exists(id) THEN 404
  ELSE IF ~CanModify(u, id) THEN 403
  ELSE IF base # tasks[id].version /\ Variant # "NoVersionCheck" THEN 412
  ELSE 0

\* A refused request: only the response changes.
Respond(code) ==
  /\ last' = code
  /\ UNCHANGED <<sessions, tasks, nextId, staleAccess, lost, deleted>>

\* Dependents settle after a task was completed, cancelled or deleted (t is the
\* task table after that change): cancelled and deleted
\* dependencies are dropped, and blocked tasks with nothing unfinished resume.
Dropped(t, d) ==
  \/ d \notin DOMAIN t /\ Variant # "DanglingDependency"
  \/ d \in DOMAIN t /\ t[d].status = "cancelled" /\ Variant # "NoRelease"

Settle(t) ==
  LET released == [id \in DOMAIN t |-> [t[id] EXCEPT !.deps = {d \in @ : ~Dropped(t, d)}]]
  IN [id \in DOMAIN released |->
        LET x == released[id]
            changed == x.deps # t[id].deps
            resumes == x.status = "blocked" /\ Unfinished(released, id) = {}
        IN IF resumes THEN [x EXCEPT !.status = "pending", !.version = @ + 1]
           ELSE IF changed THEN [x EXCEPT !.version = @ + 1]
           ELSE x]

\* Apply a successful write to task id based on version base.
Commit(id, base, t) ==
  /\ tasks' = t
  /\ lost' = IF base # tasks[id].version THEN lost \cup {id} ELSE lost

Bump(x) == [x EXCEPT !.version = @ + 1]

-----------------------------------------------------------------------------
(* Requests *)

Login(u) ==
  /\ "Login" \in Ops
  /\ u \notin sessions
  /\ sessions' = sessions \cup {u}
  /\ last' = 201
  /\ UNCHANGED <<tasks, nextId, staleAccess, lost, deleted>>

Logout(u) ==
  /\ "Logout" \in Ops
  /\ u \in sessions
  /\ sessions' = sessions \ {u}
  /\ last' = 204
  /\ UNCHANGED <<tasks, nextId, staleAccess, lost, deleted>>

Create(u) ==
  /\ "Create" \in Ops
  /\ NewId <= MaxTasks
  /\ IF u \notin sessions THEN Respond(401)
     ELSE LET id == NewId IN
          /\ tasks' = [x \in DOMAIN tasks \cup {id} |->
                         IF x = id
                         THEN [owner |-> u, assignee |-> u, status |-> "pending",
                               priority |-> "low", deps |-> {}, version |-> 1]
                         ELSE tasks[x]]
          /\ nextId' = IF Variant = "IdReuse" THEN nextId ELSE nextId + 1
          /\ last' = 201
          /\ UNCHANGED <<sessions, staleAccess, lost, deleted>>

\* Whether the user may move a task from one status to another.
UserMayMove(from, to) ==
  \/ <<from, to>> \in UserTransitions
  \/ Variant = "ReopenFinal" /\ from \in Final /\ to = "pending"

\* Forward status changes are not bounded by MaxVersion (each happens once per task).
Forward(from, to) == <<from, to>> \in {<<"pending", "in_progress">>, <<"in_progress", "completed">>}
                     \/ to = "cancelled"

\* The task table after task id moves to status s (settling dependents when it ends).
Moved(t, id, s) ==
  LET t2 == [t EXCEPT ![id] = [Bump(t[id]) EXCEPT !.status = s]]
  IN IF s \in Final THEN Settle(t2) ELSE t2

UpdateStatus(u, id, s, base) ==
  /\ "UpdateStatus" \in Ops
  /\ IF Exists(id) THEN HasBudget(id) \/ Forward(tasks[id].status, s) ELSE TRUE
  /\ LET g == Guard(u, id, base) IN
     IF g # 0 THEN Respond(g)
     ELSE IF ~UserMayMove(tasks[id].status, s) THEN Respond(409)
     ELSE /\ Commit(id, base, Moved(tasks, id, s))
          /\ last' = 200
          /\ UNCHANGED <<sessions, nextId, staleAccess, deleted>>

UpdatePriority(u, id, p, base) ==
  /\ "UpdatePriority" \in Ops
  /\ HasBudget(id)
  /\ IF Exists(id) THEN p # tasks[id].priority ELSE TRUE
  /\ LET g == Guard(u, id, base) IN
     IF g # 0 THEN Respond(g)
     ELSE IF tasks[id].status \in Final THEN Respond(409)
     ELSE /\ Commit(id, base, [tasks EXCEPT ![id] = [Bump(tasks[id]) EXCEPT !.priority = p]])
          /\ last' = 200
          /\ UNCHANGED <<sessions, nextId, staleAccess, deleted>>

\* The title and description are not modelled: a details update only bumps the version.
UpdateDetails(u, id, base) ==
  /\ "UpdateDetails" \in Ops
  /\ HasBudget(id)
  /\ LET g == Guard(u, id, base) IN
     IF g # 0 THEN Respond(g)
     ELSE IF tasks[id].status \in Final THEN Respond(409)
     ELSE /\ Commit(id, base, [tasks EXCEPT ![id] = Bump(tasks[id])])
          /\ last' = 200
          /\ UNCHANGED <<sessions, nextId, staleAccess, deleted>>

Reassign(u, id, v, base) ==
  /\ "Reassign" \in Ops
  /\ HasBudget(id)
  /\ IF Exists(id) THEN v # tasks[id].assignee ELSE TRUE
  /\ LET g == Guard(u, id, base) IN
     IF g # 0 THEN Respond(g)
     ELSE IF tasks[id].status \in Final THEN Respond(409)
     ELSE /\ Commit(id, base, [tasks EXCEPT ![id] = [Bump(tasks[id]) EXCEPT !.assignee = v]])
          /\ last' = 200
          /\ UNCHANGED <<sessions, nextId, staleAccess, deleted>>

\* Only the owner deletes.
Delete(u, id, base) ==
  /\ "Delete" \in Ops
  /\ LET g == Guard(u, id, base) IN
     IF g # 0 THEN Respond(g)
     ELSE IF u # tasks[id].owner THEN Respond(403)
     ELSE LET rest == [x \in DOMAIN tasks \ {id} |-> tasks[x]]
          IN /\ Commit(id, base, Settle(rest))
             /\ staleAccess' =
                  IF Variant = "IdReuse"
                  THEN staleAccess \cup {<<v, id>> : v \in {tasks[id].owner, tasks[id].assignee}}
                  ELSE staleAccess
             /\ deleted' = deleted \cup {id}
             /\ last' = 204
             /\ UNCHANGED <<sessions, nextId>>

\* Task id depends on task dep from now on; it is blocked while dep is unfinished.
AddDependency(u, id, dep, base) ==
  /\ "AddDependency" \in Ops
  /\ HasBudget(id)
  /\ dep # id
  /\ LET g == Guard(u, id, base) IN
     IF g # 0 THEN Respond(g)
     ELSE IF ~Exists(dep) THEN Respond(404)
     ELSE IF tasks[id].status \in Final \/ tasks[dep].status = "cancelled" \/ dep \in tasks[id].deps
       THEN Respond(409)
     ELSE IF id \in Reach({dep}, tasks) /\ Variant # "NoCycleCheck" THEN Respond(409)
     ELSE LET x == [tasks[id] EXCEPT !.deps = @ \cup {dep}, !.version = @ + 1]
              waits == tasks[dep].status # "completed"
          IN /\ Commit(id, base, [tasks EXCEPT ![id] = IF waits THEN [x EXCEPT !.status = "blocked"] ELSE x])
             /\ last' = 200
             /\ UNCHANGED <<sessions, nextId, staleAccess, deleted>>

\* All or nothing: every task must exist, be the user's to modify and allow the move.
\* Bulk updates are not versioned.
BulkStatus(u, ids, s) ==
  /\ "BulkStatus" \in Ops
  /\ \A id \in ids : IF Exists(id) THEN HasBudget(id) \/ Forward(tasks[id].status, s) ELSE TRUE
  /\ IF u \notin sessions THEN Respond(401)
     ELSE IF \E id \in ids : ~Exists(id) THEN Respond(404)
     ELSE IF \E id \in ids : ~CanModify(u, id) THEN Respond(403)
     ELSE IF Variant # "BulkBypass" /\ \E id \in ids : ~UserMayMove(tasks[id].status, s)
       THEN Respond(409)
     ELSE LET moved == [x \in DOMAIN tasks |->
                          IF x \in ids THEN [Bump(tasks[x]) EXCEPT !.status = s] ELSE tasks[x]]
          IN /\ tasks' = IF s \in Final THEN Settle(moved) ELSE moved
             /\ last' = 200
             /\ UNCHANGED <<sessions, nextId, staleAccess, lost, deleted>>

-----------------------------------------------------------------------------

Init ==
  /\ sessions = {}
  /\ tasks = <<>>
  /\ nextId = 1
  /\ last = 0
  /\ staleAccess = {}
  /\ lost = {}
  /\ deleted = {}

Next ==
  \/ \E u \in Users : Login(u)
  \/ \E u \in Users : Logout(u)
  \/ \E u \in Users : Create(u)
  \/ \E u \in Users, id \in Ids, s \in Requestable :
       \E base \in Bases(id) : UpdateStatus(u, id, s, base)
  \/ \E u \in Users, id \in Ids, p \in Priorities :
       \E base \in Bases(id) : UpdatePriority(u, id, p, base)
  \/ \E u \in Users, id \in Ids :
       \E base \in Bases(id) : UpdateDetails(u, id, base)
  \/ \E u \in Users, id \in Ids, v \in Users :
       \E base \in Bases(id) : Reassign(u, id, v, base)
  \/ \E u \in Users, id \in Ids :
       \E base \in Bases(id) : Delete(u, id, base)
  \/ \E u \in Users, id \in Ids, dep \in Ids :
       \E base \in Bases(id) : AddDependency(u, id, dep, base)
  \/ \E u \in Users, ids \in SUBSET Ids \ {{}}, s \in Requestable :
       BulkStatus(u, ids, s)

Spec == Init /\ [][Next]_vars

\* Users keep working: whoever may move a task forward eventually does, and users log in.
Progress(id) ==
  \E u \in Users :
    /\ u \in sessions
    /\ Exists(id)
    /\ CanModify(u, id)
    /\ tasks[id].status \in {"pending", "in_progress"}
    /\ UpdateStatus(u, id, IF tasks[id].status = "pending" THEN "in_progress" ELSE "completed",
                    tasks[id].version)

LiveSpec ==
  /\ Spec
  /\ \A id \in Ids : WF_vars(Progress(id))
  /\ \A u \in Users : WF_vars(Login(u))

-----------------------------------------------------------------------------
(* Properties *)

\* Every task has an owner and an assignee among the users.
NoOrphanTasks == \A id \in DOMAIN tasks : tasks[id].owner \in Users /\ tasks[id].assignee \in Users

\* Only the owner and the assignee of a task may modify it.
Ownership ==
  \A id \in DOMAIN tasks, u \in Users :
    CanModify(u, id) => u \in {tasks[id].owner, tasks[id].assignee}

\* Ids are handed out once: a deleted id never names a task again, and no task has an id the sequence has not handed out.
ValidIds == /\ \A id \in DOMAIN tasks : id \notin deleted
            /\ \A id \in DOMAIN tasks : id < nextId \/ Variant = "IdReuse"

\* No write based on a stale version was applied.
NoLostUpdate == lost = {}

\* A task never depends on itself, directly or not.
NoCyclicDependencies == \A id \in DOMAIN tasks : id \notin Reach(tasks[id].deps, tasks)

\* Dependencies name existing tasks.
NoDanglingDependency == \A id \in DOMAIN tasks : tasks[id].deps \subseteq DOMAIN tasks

\* A task that is not final is blocked exactly when a dependency is unfinished.
BlockedWhileWaiting ==
  \A id \in DOMAIN tasks :
    tasks[id].status \notin Final => (tasks[id].status = "blocked" <=> Unfinished(tasks, id) # {})

\* Only sessions change while nobody is logged in: every task change needs a session.
AuthenticationRequired == [][sessions = {} => UNCHANGED tasks]_vars

\* Every status change follows Transitions.
StatusChangesValid ==
  [][\A id \in DOMAIN tasks \cap DOMAIN tasks' :
       tasks'[id].status # tasks[id].status => <<tasks[id].status, tasks'[id].status>> \in Transitions]_tasks

\* Completed and cancelled are final.
FinalStaysFinal ==
  [][\A id \in DOMAIN tasks \cap DOMAIN tasks' : tasks[id].status \in Final => tasks'[id].status = tasks[id].status]_tasks

\* Every task eventually completes, is cancelled or is deleted.
Terminates == \A id \in Ids : Exists(id) ~> (~Exists(id) \/ tasks[id].status \in Final)

=============================================================================
