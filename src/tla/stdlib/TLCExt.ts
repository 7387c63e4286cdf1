/** The standard module TLCExt (the practical part of TLC's). */
export const TLC_EXT = String.raw`------------------------------- MODULE TLCExt -------------------------------
(***************************************************************************)
(* Extensions of the TLC module. AssertError, TLCModelValue, Trace and     *)
(* TLCFP are evaluated natively by the checker.                            *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences

AssertEq(a, b) == IF a = b THEN TRUE ELSE Print(<<a, " # ", b>>, FALSE)

AssertError(err, exp) == CHOOSE b \in BOOLEAN : TRUE

TLCModelValue(str) == CHOOSE v : TRUE

TLCNoOp(val) == val

TLCCache(expression, closure) == expression

Trace == CHOOSE t \in Seq(STRING) : TRUE

TLCFP(val) == CHOOSE n \in Nat : TRUE

=============================================================================
`;
