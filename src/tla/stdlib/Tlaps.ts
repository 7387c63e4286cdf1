/**
 * The modules of the TLA+ proof system that specs extend for their proofs:
 * TLAPS (backend pragmas used in BY), NaturalsInduction,
 * WellFoundedInduction and the theorem libraries. The checker skips proofs
 * and theorems, as TLC does, so only the definitions matter; those over Nat
 * or unbounded CHOOSE parse but cannot be evaluated.
 */
export const TLAPS = `-------------------------------- MODULE TLAPS --------------------------------
(***************************************************************************)
(* Backend pragmas of the proof system, named in BY steps. They carry no   *)
(* meaning for model checking.                                             *)
(***************************************************************************)
SMT == TRUE
SMTT(X) == TRUE
CVC3 == TRUE
CVC3T(X) == TRUE
Yices == TRUE
YicesT(X) == TRUE
veriT == TRUE
veriTT(X) == TRUE
Z3 == TRUE
Z3T(X) == TRUE
Spass == TRUE
SpassT(X) == TRUE
SimpleArithmetic == TRUE
Zenon == TRUE
ZenonT(X) == TRUE
SlowZenon == TRUE
SlowerZenon == TRUE
VerySlowZenon == TRUE
SlowestZenon == TRUE
Isa == TRUE
IsaT(X) == TRUE
IsaM(X) == TRUE
IsaMT(X, Y) == TRUE
Auto == TRUE
Force == TRUE
Blast == TRUE
SimplifyAndSolve == TRUE
Simplification == TRUE
AutoBlast == TRUE
LS4 == TRUE
PTL == TRUE
PropositionalTemporalLogic == TRUE
AllProvers == TRUE
AllProversT(X) == TRUE
AllSMT == TRUE
AllSMTT(X) == TRUE
AllZenon == TRUE
AllZenonT(X) == TRUE
AllIsa == TRUE
AllIsaT(X) == TRUE
SetExtensionality == TRUE
NoSetContainsEverything == TRUE
IsaWithSetExtensionality == TRUE
=============================================================================
`;

export const NATURALS_INDUCTION = String.raw`------------------------- MODULE NaturalsInduction -------------------------
(***************************************************************************)
(* Functions over Nat (or m .. n) defined by primitive recursion.          *)
(***************************************************************************)
EXTENDS Integers

NatInductiveDefHypothesis(f, f0, Def(_, _)) ==
  f = CHOOSE g : g = [i \in Nat |-> IF i = 0 THEN f0 ELSE Def(g[i - 1], i)]

NatInductiveDefConclusion(f, f0, Def(_, _)) ==
  f = [i \in Nat |-> IF i = 0 THEN f0 ELSE Def(f[i - 1], i)]

FiniteNatInductiveDefHypothesis(f, c, Def(_, _), m, n) ==
  f = CHOOSE g : g = [i \in m .. n |-> IF i = m THEN c ELSE Def(g[i - 1], i)]

FiniteNatInductiveDefConclusion(f, c, Def(_, _), m, n) ==
  f = [i \in m .. n |-> IF i = m THEN c ELSE Def(f[i - 1], i)]
=============================================================================
`;

export const WELL_FOUNDED_INDUCTION = String.raw`------------------------ MODULE WellFoundedInduction ------------------------
(***************************************************************************)
(* Well-founded relations (sets of pairs) and recursion along them.        *)
(***************************************************************************)
EXTENDS NaturalsInduction

OpToRel(_\prec_, S) == {p \in S \X S : p[1] \prec p[2]}

IsTransitivelyClosedOn(R, S) ==
  \A i, j, k \in S : <<i, j>> \in R /\ <<j, k>> \in R => <<i, k>> \in R

IsWellFoundedOn(R, S) == ~\E f \in [Nat -> S] : \A n \in Nat : <<f[n + 1], f[n]>> \in R

SetLessThan(x, R, S) == {y \in S : <<y, x>> \in R}

WFDefOn(R, S, Def(_, _)) ==
  \A g, h : \A x \in S :
    (\A y \in SetLessThan(x, R, S) : g[y] = h[y]) => Def(g, x) = Def(h, x)

OpDefinesFcn(f, S, Def(_, _)) == f = CHOOSE g : g = [x \in S |-> Def(g, x)]

WFInductiveDefines(f, S, Def(_, _)) == f = [x \in S |-> Def(f, x)]

WFInductiveUnique(S, Def(_, _)) ==
  \A g, h : WFInductiveDefines(g, S, Def) /\ WFInductiveDefines(h, S, Def) => g = h
=============================================================================
`;

/** A theorem library: its definitions come from the modules it extends; its theorems are skipped. */
function theoremLibrary(name: string, extendsList: string): string {
  const header = `MODULE ${name}`;
  const dashes = '-'.repeat(Math.max(4, (76 - header.length) >> 1));
  return `${dashes} ${header} ${dashes}\nEXTENDS ${extendsList}\n${'='.repeat(77)}\n`;
}

/** Theorem libraries of the proof system and of the community modules, by name. */
export const THEOREM_LIBRARIES: ReadonlyMap<string, string> = new Map([
  ['FunctionTheorems', theoremLibrary('FunctionTheorems', 'Functions, Integers')],
  ['SequenceTheorems', theoremLibrary('SequenceTheorems', 'Sequences, Integers')],
  ['SequencesExtTheorems', theoremLibrary('SequencesExtTheorems', 'SequencesExt, Sequences, Integers')],
  ['FiniteSetTheorems', theoremLibrary('FiniteSetTheorems', 'FiniteSets, Integers')],
  ['FiniteSetsExtTheorems', theoremLibrary('FiniteSetsExtTheorems', 'FiniteSetsExt, Integers')],
  ['FoldsTheorems', theoremLibrary('FoldsTheorems', 'Folds, Integers')],
]);
