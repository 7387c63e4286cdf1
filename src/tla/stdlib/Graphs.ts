/** The community module Graphs: directed and undirected graphs as records [node, edge], paths and connectivity. */
export const GRAPHS = String.raw`------------------------------- MODULE Graphs -------------------------------
(***************************************************************************)
(* A graph is a record [node |-> N, edge |-> E] with E \subseteq N \X N.   *)
(* AreConnectedIn, ConnectionsIn and IsStronglyConnected are evaluated     *)
(* natively by a search over the edges, without enumerating paths.         *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE Sequences
LOCAL INSTANCE SequencesExt
LOCAL INSTANCE FiniteSets

IsDirectedGraph(G) ==
  /\ G = [node |-> G.node, edge |-> G.edge]
  /\ G.edge \subseteq G.node \X G.node

DirectedSubgraph(G) ==
  {H \in [node : SUBSET G.node, edge : SUBSET (G.node \X G.node)] :
     IsDirectedGraph(H) /\ H.edge \subseteq G.edge}

Transpose(G) == [node |-> G.node, edge |-> {<<e[2], e[1]>> : e \in G.edge}]

IsUndirectedGraph(G) ==
  IsDirectedGraph(G) /\ \A e \in G.edge : <<e[2], e[1]>> \in G.edge

UndirectedSubgraph(G) == {H \in DirectedSubgraph(G) : IsUndirectedGraph(H)}

Path(G) ==
  {p \in Seq(G.node) : p # <<>> /\ \A i \in 1 .. Len(p) - 1 : <<p[i], p[i + 1]>> \in G.edge}

SimplePath(G) ==
  {p \in SeqOf(G.node, Cardinality(G.node)) :
     /\ p # <<>>
     /\ Cardinality(ToSet(p)) = Len(p)
     /\ \A i \in 1 .. Len(p) - 1 : <<p[i], p[i + 1]>> \in G.edge}

AreConnectedIn(m, n, G) == \E p \in SimplePath(G) : p[1] = m /\ p[Len(p)] = n

\* C[m, n] iff n can be reached from m (in zero or more steps).
ConnectionsIn(G) == [m, n \in G.node |-> AreConnectedIn(m, n, G)]

IsStronglyConnected(G) == \A m, n \in G.node : AreConnectedIn(m, n, G)

IsTreeWithRoot(G, r) ==
  /\ IsDirectedGraph(G)
  /\ \A e \in G.edge : e[2] # r /\ \A f \in G.edge : e[2] = f[2] => e = f
  /\ \A n \in G.node : AreConnectedIn(n, r, G)

=============================================================================
`;
