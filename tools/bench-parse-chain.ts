/**
 * Parse time of long flat chains (`x + 1 + 1 + …`), written on one line and
 * with one term per line, at growing sizes: `npx tsx tools/bench-parse-chain.ts`.
 * The one-line form shows the cost docs/limits.md describes (tree-sitter
 * re-reads a line from its start to learn each token's column).
 */
import { parseModuleText } from '../src/tla/parse/index.js';

const SIZES = [2_500, 5_000, 10_000, 20_000];

function chain(terms: number, perLine: boolean): string {
  const sep = perLine ? '\n    + ' : ' + ';
  return `---- MODULE Chain ----\nEXTENDS Naturals\nSum == 0${sep}${Array(terms).fill('1').join(sep)}\n====\n`;
}

function millis(text: string): number {
  const started = performance.now();
  const r = parseModuleText(text, 'Chain.tla');
  if (!r.value) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return performance.now() - started;
}

console.log('terms\tone line (ms)\tone term per line (ms)');
for (const n of SIZES) {
  console.log(`${n}\t${millis(chain(n, false)).toFixed(0)}\t${millis(chain(n, true)).toFixed(0)}`);
}
