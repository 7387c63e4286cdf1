/**
 * The standard module Toolbox: the operators TLC's generated trace specs
 * (`<Spec>_TTrace_<n>.tla`) extend. `_TETrace` is the error trace as a
 * sequence of records; a trace spec's cfg replaces it (`_TETrace <- _trace`),
 * so its definition here only gives its name and type. `_TEPosition` is the
 * position of the current state in that trace.
 */
export const TOOLBOX = String.raw`----------------------------- MODULE Toolbox --------------------------------
(***************************************************************************)
(* Trace exploration: the error trace and the current position in it.     *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

_TETrace == CHOOSE f \in [(Nat \ {0}) -> STRING] : TRUE

LOCAL _TETraceLength == Cardinality(DOMAIN _TETrace)

(* The level of the current state, kept within 1 .. the trace's length.    *)
_TEPosition ==
  IF TLCGet("level") >= _TETraceLength
    THEN _TETraceLength
    ELSE IF TLCGet("level") = 0 THEN 1 ELSE TLCGet("level")

=============================================================================
`;
