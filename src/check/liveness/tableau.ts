/**
 * LTL formula → generalised Büchi automaton, by the tableau construction
 * of Gerth, Peled, Vardi and Wolper ("Simple on-the-fly automatic
 * verification of linear temporal logic", 1995).
 *
 * A node stands for "at this position of the behaviour, these literals hold
 * and these obligations go on from the next position". A behaviour is
 * accepted when it runs through nodes from an initial node, satisfying each
 * node's literals at its position, and visits every acceptance set
 * infinitely often (one set per `f U g`: positions where the `U` is not
 * pending or `g` holds).
 */
import type { Ltl } from './ltl.js';

/** A literal of a node: atom and polarity. */
export interface Literal {
  atom: number;
  neg: boolean;
}

export interface TableauNode {
  /** Literals that must hold at the node's position. */
  literals: Literal[];
  /** Nodes that may follow. */
  successors: number[];
}

export interface Tableau {
  nodes: TableauNode[];
  initial: number[];
  /** Each acceptance set as a membership array over nodes. */
  acceptance: boolean[][];
}

interface Pending {
  incoming: Set<number>; // node ids, -1 for "initial"
  todo: Ltl[];
  old: Map<number, Ltl>;
  next: Map<number, Ltl>;
}

const INIT = -1;

/** Builds the automaton of `formula` (limit: `maxNodes` nodes, else throws). */
export function buildTableau(formula: Ltl, maxNodes = 5000): Tableau {
  const done: { old: Map<number, Ltl>; next: Map<number, Ltl>; incoming: Set<number>; key: string }[] = [];
  const byKey = new Map<string, number>();
  const stack: Pending[] = [{ incoming: new Set([INIT]), todo: [formula], old: new Map(), next: new Map() }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const f = node.todo.pop();
    if (f === undefined) {
      const key = `${idsKey(node.old)}|${idsKey(node.next)}`;
      const existing = byKey.get(key);
      if (existing !== undefined) {
        for (const i of node.incoming) done[existing]!.incoming.add(i);
        continue;
      }
      const id = done.length;
      if (id >= maxNodes) throw new Error(`the temporal formula's tableau exceeds ${maxNodes} nodes`);
      done.push({ old: node.old, next: node.next, incoming: node.incoming, key });
      byKey.set(key, id);
      stack.push({ incoming: new Set([id]), todo: [...node.next.values()], old: new Map(), next: new Map() });
      continue;
    }
    if (node.old.has(f.id)) {
      stack.push(node);
      continue;
    }
    switch (f.k) {
      case 'true':
        stack.push(node);
        break;
      case 'false':
        break; // contradiction: the node is dropped
      case 'lit': {
        const contradicts = [...node.old.values()].some(
          (g) => g.k === 'lit' && g.atom === f.atom && g.neg !== f.neg,
        );
        if (!contradicts) {
          node.old.set(f.id, f);
          stack.push(node);
        }
        break;
      }
      case 'and':
        node.old.set(f.id, f);
        node.todo.push(...f.args);
        stack.push(node);
        break;
      case 'or':
        node.old.set(f.id, f);
        for (const a of f.args) stack.push(fork(node, [a], []));
        break;
      case 'until':
        // f U g: g now, or f now and f U g next.
        node.old.set(f.id, f);
        stack.push(fork(node, [f.f], [f]));
        stack.push(fork(node, [f.g], []));
        break;
      case 'release':
        // f R g: g and f now, or g now and f R g next.
        node.old.set(f.id, f);
        stack.push(fork(node, [f.g], [f]));
        stack.push(fork(node, [f.f, f.g], []));
        break;
    }
  }
  return finish(done, formula);
}

function fork(node: Pending, todo: Ltl[], next: Ltl[]): Pending {
  const n: Pending = {
    incoming: new Set(node.incoming),
    todo: [...node.todo, ...todo],
    old: new Map(node.old),
    next: new Map(node.next),
  };
  for (const x of next) n.next.set(x.id, x);
  return n;
}

function idsKey(m: Map<number, Ltl>): string {
  return [...m.keys()].sort((a, b) => a - b).join(',');
}

function finish(
  done: { old: Map<number, Ltl>; next: Map<number, Ltl>; incoming: Set<number> }[],
  formula: Ltl,
): Tableau {
  const nodes: TableauNode[] = done.map((d) => ({
    literals: [...d.old.values()].flatMap((g) => (g.k === 'lit' ? [{ atom: g.atom, neg: g.neg }] : [])),
    successors: [],
  }));
  const initial: number[] = [];
  done.forEach((d, id) => {
    for (const from of d.incoming) {
      if (from === INIT) initial.push(id);
      else nodes[from]!.successors.push(id);
    }
  });
  for (const n of nodes) n.successors.sort((a, b) => a - b);
  initial.sort((a, b) => a - b);
  const acceptance = untils(formula).map((u) =>
    done.map((d) => !d.old.has(u.id) || d.old.has((u as Extract<Ltl, { k: 'until' }>).g.id)),
  );
  return { nodes, initial, acceptance };
}

/** The `U` subformulas of `f`, each once. */
function untils(f: Ltl): Ltl[] {
  const out = new Map<number, Ltl>();
  const walk = (g: Ltl): void => {
    switch (g.k) {
      case 'and':
      case 'or':
        g.args.forEach(walk);
        break;
      case 'until':
        out.set(g.id, g);
        walk(g.f);
        walk(g.g);
        break;
      case 'release':
        walk(g.f);
        walk(g.g);
        break;
      default:
        break;
    }
  };
  walk(f);
  return [...out.values()];
}
