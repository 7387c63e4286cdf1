/**
 * Long lines, broken before parsing and mapped back after.
 *
 * The TLA+ grammar's scanner asks tree-sitter for the column of nearly every
 * token (bulleted `/\` lists are aligned by column), and tree-sitter finds a
 * column by reading the line again from its start: a line of n tokens costs
 * n² (a 20,000-term sum on one line took over 20 s). So a line longer than
 * LONG_LINE is cut into pieces of about SEGMENT characters, each piece on a
 * line of its own, indented deeper than any bulleted list the line may have
 * opened, and the parse is mapped back to the original lines and columns.
 *
 * A cut is made only where it cannot change the parse: at a space outside
 * strings and comments, after a binary operator symbol (`+`, `,`, `/\`, …)
 * and before an operand (a name, a number, `(`, `{`, `[`, `"`). A line whose
 * bulleted lists would need an indentation over MAX_INDENT is left whole.
 */

const LONG_LINE = 1000;
const SEGMENT = 200;
const MAX_INDENT = 200;

/** For each line of the reflowed text: its line in the original (0-based) and the column shift back to it. */
export interface LineMap {
  row: number[];
  shift: number[];
}

export interface Reflowed {
  text: string;
  map: LineMap;
}

/** The text with its long lines cut, or undefined when no line is long. */
export function reflowLongLines(text: string): Reflowed | undefined {
  const lines = text.split('\n');
  if (!lines.some((l) => l.length > LONG_LINE)) return undefined;
  const out: string[] = [];
  const map: LineMap = { row: [], shift: [] };
  const state: CommentState = { depth: 0 };
  lines.forEach((line, row) => {
    const found = cutPoints(line, state); // also follows `(* *)` comments across lines
    const cuts = line.length > LONG_LINE ? found : [];
    let from = 0;
    let indent = 0;
    for (const cut of [...cuts, { at: line.length, indent: 0 }]) {
      out.push(' '.repeat(indent) + line.slice(from, cut.at));
      map.row.push(row);
      map.shift.push(from - indent);
      from = cut.at + 1;
      indent = cut.indent;
    }
  });
  return { text: out.join('\n'), map };
}

interface Cut {
  /** Index of the space replaced by the line break. */
  at: number;
  /** Indentation of the line that starts after it. */
  indent: number;
}

/** Nesting depth of `(* *)` comments carried from line to line. */
interface CommentState {
  depth: number;
}

const OPERATOR_END = /[+*,\\/&|^-]/;
const OPERAND_START = /[A-Za-z0-9_({["]/;
/** Words after which a `/\` or `\/` starts an expression (so may open a bulleted list). */
const KEYWORDS = new Set([
  'IF',
  'THEN',
  'ELSE',
  'IN',
  'OTHER',
  'LET',
  'CASE',
  'ENABLED',
  'UNCHANGED',
  'SUBSET',
  'UNION',
  'DOMAIN',
]);
/** A junction symbol at `i`: `/\`, `\/`, `\land`, `\lor`. */
const JUNCTION = /^(\/\\|\\\/|\\land\b|\\lor\b)/;

/** Where `line` can be cut, scanning strings and comments as it goes. */
function cutPoints(line: string, state: CommentState): Cut[] {
  const cuts: Cut[] = [];
  const first = line.search(/\S/);
  let listColumn = first; // the deepest column a bulleted list opened on this line may have
  let segmentStart = 0;
  let prev = ''; // last character outside strings and comments that is not a space
  let beforePrev = ''; // the one before it (`[]` is a prefix operator, `]` alone ends an operand)
  let word = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (state.depth > 0) {
      const pair = c + (line[i + 1] ?? '');
      if (pair === '*)' || pair === '(*') {
        state.depth += pair === '(*' ? 1 : -1;
        i++;
      }
      continue;
    }
    if (c === '(' && line[i + 1] === '*') {
      state.depth++;
      i++;
      continue;
    }
    if (c === '\\' && line[i + 1] === '*') break; // the rest of the line is a comment
    if (c === '"') {
      i = stringEnd(line, i);
      prev = '"';
      word = '';
      continue;
    }
    if ((c === '/' || c === '\\') && JUNCTION.test(line.slice(i, i + 6))) {
      if (startsExpression(prev, beforePrev, word)) listColumn = Math.max(listColumn, i);
    }
    if (c === ' ') {
      const next = line[i + 1] ?? '';
      const indent = listColumn + 2;
      if (
        i - segmentStart >= SEGMENT &&
        OPERATOR_END.test(prev) &&
        OPERAND_START.test(next) &&
        indent <= MAX_INDENT
      ) {
        cuts.push({ at: i, indent });
        segmentStart = i;
      }
      continue;
    }
    word = /\w/.test(c) ? (/\w/.test(line[i - 1] ?? '') ? word : '') + c : '';
    beforePrev = prev;
    prev = c;
  }
  return cuts;
}

/** Whether a `/\` or `\/` after `prev` (and `word`) is in prefix position, where it may open a list. */
function startsExpression(prev: string, beforePrev: string, word: string): boolean {
  if (prev === '' || KEYWORDS.has(word) || (prev === ']' && beforePrev === '[')) return true;
  // After an operand (a name, a number, a closing bracket, a prime, a string) it is infix.
  return !/[\w)\]}'"]/.test(prev);
}

/** Index of the closing quote of the string that opens at `i`. */
function stringEnd(line: string, i: number): number {
  for (let j = i + 1; j < line.length; j++) {
    if (line[j] === '\\') j++;
    else if (line[j] === '"') return j;
  }
  return line.length;
}

/** Maps a 1-based (line, col) of the reflowed text back to the original text. */
export function mapPosition(map: LineMap, line: number, col: number): { line: number; col: number } {
  const r = line - 1;
  if (r < 0 || r >= map.row.length) return { line, col };
  return { line: map.row[r]! + 1, col: col + map.shift[r]! };
}

/** Moves every `loc` in a parse result (AST nodes, diagnostics) back to the original lines and columns. */
export function mapLocations(node: unknown, map: LineMap, seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) mapLocations(item, map, seen);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' && typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      const loc = value as { line: number; col: number; endLine?: number; endCol?: number };
      const start = mapPosition(map, loc.line, loc.col);
      if (loc.endLine !== undefined && loc.endCol !== undefined) {
        const end = mapPosition(map, loc.endLine, loc.endCol);
        loc.endLine = end.line;
        loc.endCol = end.col;
      }
      loc.line = start.line;
      loc.col = start.col;
    } else if (key === 'message' && typeof value === 'string') {
      (node as { message: string }).message = value.replace(
        /line (\d+), column (\d+)/g,
        (_, l: string, c: string) => {
          const p = mapPosition(map, Number(l), Number(c));
          return `line ${p.line}, column ${p.col}`;
        },
      );
    } else {
      mapLocations(value, map, seen);
    }
  }
}
