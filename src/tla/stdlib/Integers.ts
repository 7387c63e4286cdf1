/** The standard module Integers. */
export const INTEGERS = String.raw`------------------------------ MODULE Integers ------------------------------
(***************************************************************************)
(* The integers: Naturals plus Int and unary minus. Int is evaluated       *)
(* natively by the checker.                                                *)
(***************************************************************************)
EXTENDS Naturals

Int == Nat \cup { 0 - n : n \in Nat }   \* natively: all integers

-. a == 0 - a

=============================================================================
`;
