---- MODULE Counter ----
(* A counter that counts up to Max and can be reset: the spec of src/counter.ts. *)
EXTENDS Naturals

CONSTANT Max
VARIABLE count

Init == count = 0

Inc == count < Max /\ count' = count + 1
Reset == count > 0 /\ count' = 0
Next == Inc \/ Reset

\* The invariant the CI gate checks on every reachable state.
InRange == count \in 0..Max
====
