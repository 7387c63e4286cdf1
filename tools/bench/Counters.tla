---- MODULE Counters ----
\* K counters that each count up to Max, one step at a time: (Max + 1)^K
\* states with little work per state, to measure how the search scales
\* with the number of states (Counters20M.cfg: 30^5 = 24,300,000 states).
EXTENDS Naturals
CONSTANTS K, Max
VARIABLE c
Init == c = [i \in 1..K |-> 0]
Inc(i) == c[i] < Max /\ c' = [c EXCEPT ![i] = c[i] + 1]
Next == \E i \in 1..K : Inc(i)
Bounded == \A i \in 1..K : c[i] <= Max
====
