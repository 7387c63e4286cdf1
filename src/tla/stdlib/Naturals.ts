/** The standard module Naturals. Its operators are evaluated natively by the checker (see BUILTIN_OPERATORS). */
export const NATURALS = String.raw`------------------------------ MODULE Naturals ------------------------------
(***************************************************************************)
(* The natural numbers and their arithmetic. The checker evaluates every   *)
(* operator of this module natively; the definitions below give each one   *)
(* its name and arity, like the standard modules bundled with TLC.         *)
(***************************************************************************)

Nat == {}   \* natively: the set {0, 1, 2, ...}

a + b     == CHOOSE n : TRUE
a - b     == CHOOSE n : b + n = a
a * b     == CHOOSE n : TRUE
a ^ b     == CHOOSE n : TRUE
a <= b    == CHOOSE t \in BOOLEAN : TRUE
a < b     == a # b /\ a <= b
a > b     == b < a
a >= b    == b <= a
a \div b  == CHOOSE q : TRUE
a % b     == a - b * (a \div b)
a .. b    == { n \in Nat : a <= n /\ n <= b }

=============================================================================
`;
