/** The community module Folds: the general fold over a set that the other folds build on. */
export const FOLDS = String.raw`------------------------------- MODULE Folds -------------------------------
(***************************************************************************)
(* MapThenFoldSet(op, base, f, choose, S) takes the elements of S one at a *)
(* time in the order choose picks them (x1 = choose(S), x2 = choose(S \    *)
(* {x1}), ...) and equals op(f(x1), op(f(x2), ... op(f(xn), base) ...)).   *)
(* The checker evaluates it natively; this definition states its meaning.  *)
(***************************************************************************)

MapThenFoldSet(op(_, _), base, f(_), choose(_), S) ==
  LET fold[rest \in SUBSET S] ==
        IF rest = {} THEN base
        ELSE LET x == choose(rest) IN op(f(x), fold[rest \ {x}])
  IN  fold[S]

=============================================================================
`;
