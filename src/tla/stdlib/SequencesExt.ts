/** The community module SequencesExt: conversions, search, editing, prefixes, folds and zips of sequences. */
export const SEQUENCES_EXT = String.raw`---------------------------- MODULE SequencesExt ----------------------------
(***************************************************************************)
(* Operators on sequences. SetToSeq, Reverse, the folds, FlattenSeq,       *)
(* IndexFirstSubSeq and ReplaceAllSubSeqs are evaluated natively (the last *)
(* two on strings too); the definitions state their meaning.               *)
(***************************************************************************)
LOCAL INSTANCE Sequences
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE FiniteSetsExt
LOCAL INSTANCE Functions
LOCAL INSTANCE Folds
LOCAL INSTANCE TLC

ToSet(s) == {s[i] : i \in DOMAIN s}

\* The elements of S in ascending order: the first injective tuple over S.
SetToSeq(S) == CHOOSE f \in [1 .. Cardinality(S) -> S] : IsInjective(f)

SetToSeqs(S) ==
  LET D == 1 .. Cardinality(S)
  IN  {f \in [D -> S] : \A i, j \in D : i # j => f[i] # f[j]}

SetToSortSeq(S, op(_, _)) == SortSeq(SetToSeq(S), op)

SetToAllKPermutations(S) == UNION {SetToSeqs(T) : T \in SUBSET S}

TupleOf(set, n) == [1 .. n -> set]

SeqOf(set, n) == UNION {[1 .. m -> set] : m \in 0 .. n}

BoundedSeq(S, n) == SeqOf(S, n)

Contains(s, e) == \E i \in 1 .. Len(s) : s[i] = e

Reverse(s) == [i \in 1 .. Len(s) |-> s[Len(s) - i + 1]]

Remove(s, e) == SelectSeq(s, LAMBDA t : t # e)

ReplaceAll(s, old, new) == [i \in 1 .. Len(s) |-> IF s[i] = old THEN new ELSE s[i]]

SelectInSeq(seq, Test(_)) ==
  LET I == {i \in 1 .. Len(seq) : Test(seq[i])}
  IN  IF I = {} THEN 0 ELSE Min(I)

SelectInSubSeq(seq, from, to, Test(_)) == SelectInSeq(SubSeq(seq, from, to), Test)

SelectLastInSeq(seq, Test(_)) ==
  LET I == {i \in 1 .. Len(seq) : Test(seq[i])}
  IN  IF I = {} THEN 0 ELSE Max(I)

SelectLastInSubSeq(seq, from, to, Test(_)) == SelectLastInSeq(SubSeq(seq, from, to), Test)

InsertAt(s, i, e) == SubSeq(s, 1, i - 1) \o <<e>> \o SubSeq(s, i, Len(s))

ReplaceAt(s, i, e) == [s EXCEPT ![i] = e]

RemoveAt(s, i) == SubSeq(s, 1, i - 1) \o SubSeq(s, i + 1, Len(s))

RemoveFirst(s, e) ==
  IF Contains(s, e) THEN RemoveAt(s, SelectInSeq(s, LAMBDA v : v = e)) ELSE s

RemoveFirstMatch(s, Test(_)) ==
  IF \E i \in 1 .. Len(s) : Test(s[i]) THEN RemoveAt(s, SelectInSeq(s, Test)) ELSE s

Cons(elt, seq) == <<elt>> \o seq

Snoc(elt, seq) == Append(seq, elt)

Front(s) == SubSeq(s, 1, Len(s) - 1)

Last(s) == s[Len(s)]

IsPrefix(s, t) == Len(s) <= Len(t) /\ s = SubSeq(t, 1, Len(s))

IsStrictPrefix(s, t) == IsPrefix(s, t) /\ s # t

IsSuffix(s, t) == IsPrefix(Reverse(s), Reverse(t))

IsStrictSuffix(s, t) == IsSuffix(s, t) /\ s # t

Prefixes(s) == {SubSeq(s, 1, n) : n \in 0 .. Len(s)}

CommonPrefixes(S) ==
  {p \in UNION {Prefixes(s) : s \in S} : \A t \in S : IsPrefix(p, t)}

LongestCommonPrefix(S) ==
  CHOOSE p \in CommonPrefixes(S) : \A q \in CommonPrefixes(S) : Len(q) <= Len(p)

Suffixes(s) == {SubSeq(s, n, Len(s)) : n \in 1 .. Len(s)} \cup {<<>>}

SeqMod(a, b) == IF a % b = 0 THEN b ELSE a % b

FoldSeq(op(_, _), base, seq) == FoldFunction(op, base, seq)

\* op(... op(op(base, s[1]), s[2]) ..., s[n])
FoldLeft(op(_, _), base, seq) ==
  MapThenFoldSet(LAMBDA x, acc : op(acc, x), base, LAMBDA i : seq[i],
                 LAMBDA I : Max(I), DOMAIN seq)

\* op(s[1], op(s[2], ... op(s[n], base) ...))
FoldRight(op(_, _), seq, base) ==
  MapThenFoldSet(op, base, LAMBDA i : seq[i], LAMBDA I : Min(I), DOMAIN seq)

FoldLeftDomain(op(_, _), base, seq) == FoldLeft(op, base, [i \in DOMAIN seq |-> i])

FoldRightDomain(op(_, _), seq, base) == FoldRight(op, [i \in DOMAIN seq |-> i], base)

\* Concatenation of the sequences (or strings) of seqs.
FlattenSeq(seqs) ==
  IF Len(seqs) = 0 THEN seqs
  ELSE LET upTo[i \in 1 .. Len(seqs)] ==
             IF i = 1 THEN seqs[1] ELSE upTo[i - 1] \o seqs[i]
       IN  upTo[Len(seqs)]

Zip(s, t) ==
  [i \in 1 .. IF Len(s) <= Len(t) THEN Len(s) ELSE Len(t) |-> <<s[i], t[i]>>]

\* <<s[1]>>, <<t[1]>>, <<s[2]>>, <<t[2]>>, ... for sequences of one length.
Interleave(s, t) ==
  CASE Len(s) = Len(t) /\ Len(s) > 0 ->
         [i \in 1 .. 2 * Len(s) |->
            IF i % 2 = 1 THEN <<s[(i + 1) \div 2]>> ELSE <<t[i \div 2]>>]
    [] Len(s) = Len(t) /\ Len(s) = 0 -> << <<>>, <<>> >>

SubSeqs(s) == {SubSeq(s, i + 1, j) : i, j \in 0 .. Len(s)}

AllSubSeqs(s) ==
  {[i \in 1 .. Cardinality(D) |-> s[SetToSeq(D)[i]]] : D \in SUBSET DOMAIN s}

IndexFirstSubSeq(s, t) ==
  IF Len(s) = 0 THEN 1
  ELSE CHOOSE i \in 1 .. Len(t) :
         /\ SubSeq(t, i, i + Len(s) - 1) = s
         /\ \A j \in 1 .. i - 1 : SubSeq(t, j, j + Len(s) - 1) # s

ReplaceSubSeqAt(i, r, s, t) ==
  SubSeq(t, 1, i - 1) \o r \o SubSeq(t, i + Len(s), Len(t))

ReplaceFirstSubSeq(r, s, t) ==
  IF s \in SubSeqs(t) THEN ReplaceSubSeqAt(IndexFirstSubSeq(s, t), r, s, t) ELSE t

\* Every occurrence of s in t, scanning left to right without overlaps, becomes r;
\* an empty s puts r before each element of t.
RECURSIVE ReplaceAllSubSeqs(_, _, _)
ReplaceAllSubSeqs(r, s, t) ==
  CASE s = t -> r
    [] Len(s) = 0 -> FlattenSeq([i \in 1 .. Len(t) |-> r \o SubSeq(t, i, i)])
    [] Len(t) < Len(s) -> t
    [] SubSeq(t, 1, Len(s)) = s ->
         r \o ReplaceAllSubSeqs(r, s, SubSeq(t, Len(s) + 1, Len(t)))
    [] OTHER -> SubSeq(t, 1, 1) \o ReplaceAllSubSeqs(r, s, SubSeq(t, 2, Len(t)))

=============================================================================
`;
