/**
 * A state graph as Graphviz DOT: one box per state with its variables,
 * initial states with a double border, violating and deadlocked states in
 * red with what they violate, and the path to the first of them drawn bold.
 */
import type { StateGraph } from './state-graph.js';

/** Longest line of a state's label before it is cut (a picture, not a dump). */
const MAX_LINE = 80;

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** A label's lines, left-aligned (`\l` ends each line in DOT). */
function lines(ls: readonly string[]): string {
  const cut = ls.map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE - 1)}…` : l));
  return `"${cut.map((l) => l.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\l')}\\l"`;
}

export function graphToDot(graph: StateGraph, title: string): string {
  const out = [
    `digraph ${quote(title)} {`,
    `  graph [rankdir=TB, fontname="Helvetica", fontsize=12, label=${quote(title)}, labelloc=t, nodesep=0.35, ranksep=0.45];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#6b7280", fontname="Courier", fontsize=10];',
    '  edge [color="#9ca3af", fontname="Helvetica", fontsize=9, fontcolor="#374151"];',
  ];
  for (const n of graph.nodes) {
    const attrs = [
      `label=${lines([...n.label, ...n.violates.map((v) => `violates ${v}`), ...(n.deadlock ? ['deadlock'] : [])])}`,
    ];
    attrs.push(`id=${quote(`state${n.id}`)}`);
    const classes = ['state'];
    if (n.initial) {
      attrs.push('peripheries=2', 'fillcolor="#e8f5e9"', 'color="#2e7d32"');
      classes.push('initial');
    }
    if (n.violates.length > 0 || n.deadlock) {
      attrs.push('fillcolor="#fde8e8"', 'color="#b42318"', 'fontcolor="#7a1810"');
      classes.push('bad');
    }
    if (n.onPath) {
      attrs.push('penwidth=2.4');
      classes.push('path');
    }
    attrs.push(`class=${quote(classes.join(' '))}`);
    out.push(`  s${n.id} [${attrs.join(', ')}];`);
  }
  for (const e of graph.edges) {
    const attrs = [`label=${quote(` ${e.action}`)}`];
    if (e.onPath) attrs.push('color="#b42318"', 'penwidth=2.4', 'fontcolor="#b42318"', 'class="path"');
    out.push(`  s${e.from} -> s${e.to} [${attrs.join(', ')}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
