/** The standard module TLCExt (TLC's extensions of the TLC module). */
export const TLC_EXT = String.raw`------------------------------- MODULE TLCExt -------------------------------
(***************************************************************************)
(* Extensions of the TLC module. AssertEq, AssertError, TLCModelValue,     *)
(* TLCGetOrDefault, TLCGetAndSet, TLCDefer, TLCFP and Trace are evaluated  *)
(* natively.                                                               *)
(* Trace (the states from an initial state to the current one) is not     *)
(* available: evaluating it is an error that says so.                      *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers
LOCAL INSTANCE Sequences
LOCAL INSTANCE FiniteSets

\* a = b; when they differ, also prints "Assertion failed", a and b.
AssertEq(a, b) == a = b

\* TRUE iff evaluating exp fails with the error message err.
AssertError(err, exp) == CHOOSE b \in BOOLEAN : TRUE

TLCGetOrDefault(key, defaultVal) == CHOOSE v : TRUE

\* Sets register key to Op(old, val) and equals old (defaultVal when unset).
TLCGetAndSet(key, Op(_, _), val, defaultVal) == CHOOSE v : TRUE

Trace == CHOOSE t \in Seq(STRING) : TRUE

\* In a POSTCONDITION (evaluated after a search without violation): no states, no actions.
CounterExample == [state |-> {}, action |-> {}]

\* The states of a counterexample graph, as a sequence ordered by their numbers.
ToTrace(CE) ==
  [i \in 1 .. Cardinality(CE.state) |-> (CHOOSE p \in CE.state : p[1] = i)[2]]

TLCModelValue(str) == CHOOSE v : TRUE

\* Deferred evaluation "later or never": the checker never evaluates it.
TLCDefer(expression) == TRUE

TLCNoOp(val) == val

\* The checker explores every successor: nothing is picked interactively.
PickSuccessor(exp) == TRUE

TLCCache(expression, closure) == expression

TLCFP(val) == CHOOSE n \in Int : TRUE

=============================================================================
`;
