/**
 * TLC's order on strings. TLC compares strings by their position in its
 * string table, which holds every identifier and string literal in the order
 * its parser met them: the spec's text first, then the model configuration.
 * So `{"zeta", "alpha"}` enumerates "zeta" first when the spec writes it
 * first, which decides CHOOSE, the order of `\E` (and so of successors and
 * the counts at a violation), and how sets and records print.
 *
 * The table grows when a model is built (`extendStringOrder`) and never
 * reorders: values made earlier (a trace read before its spec was loaded)
 * stay in canonical order. A run that checks one model after another and
 * keeps no value of the previous one starts afresh (`resetStringOrder`), so
 * each model gets TLC's own order. Strings that
 * only appear while checking (made by `\o`, say) come after every string of
 * the table, in code-unit order among themselves: TLC would rank them by
 * when they were first made, which depends on the order of evaluation; this
 * keeps the order the same however the search is run (one worker or many).
 */

let ranks = new Map<string, number>();
/** A string outside the table was ordered (so a value may hold it in code-unit order). */
let unrankedOrdered = false;
/** Such a string was ranked afterwards: values made before may not be in the table's order. */
let staleOrderPossible = false;

/** Adds the strings not yet in the table, in the order the spec's text and cfg give them. */
export function extendStringOrder(strings: Iterable<string>): void {
  for (const s of strings) {
    if (ranks.has(s)) continue;
    ranks.set(s, ranks.size);
    if (unrankedOrdered) staleOrderPossible = true;
  }
}

/**
 * Whether a value made earlier may order its strings otherwise than the
 * table now does (a trace read before its spec was loaded). Only then must
 * equality look past element order; a checking run never pays for it.
 */
export function staleStringOrderPossible(): boolean {
  return staleOrderPossible;
}

/** The strings of the table, in their order. */
export function rankedStrings(): string[] {
  return [...ranks.keys()];
}

/** Empties the table: only when no value made under it will be compared again. */
export function resetStringOrder(): void {
  ranks = new Map();
  unrankedOrdered = false;
  staleOrderPossible = false;
}

/** TLC's compareTo on strings: negative, zero or positive. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ra = ranks.get(a);
  const rb = ranks.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  unrankedOrdered = true;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : 1;
}

/**
 * The identifiers and string literals of TLA+ or cfg text, in order, as
 * TLC's lexer meets them (comments skipped, strings unescaped).
 */
export function* lexicalStrings(text: string): Generator<string> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '*') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '(' && text[i + 1] === '*') {
      let depth = 0;
      while (i < n) {
        if (text[i] === '(' && text[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === ')') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
    } else if (c === '"') {
      let s = '';
      for (i++; i < n && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < n) {
          i++;
          s += ESCAPES[text[i]!] ?? text[i];
        } else s += text[i];
      }
      i++;
      yield s;
    } else if (/[A-Za-z0-9_]/.test(c)) {
      const start = i;
      while (i < n && /[A-Za-z0-9_]/.test(text[i]!)) i++;
      const word = text.slice(start, i);
      if (/[A-Za-z]/.test(word)) yield word;
    } else i++;
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', '"': '"', '\\': '\\' };
