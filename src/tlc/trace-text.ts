/**
 * Reads the trace states TLC prints:
 *
 * ```
 * 2: <Next line 10, col 12 to line 10, col 45 of module M>
 * /\ x = 1
 * /\ y = [a |-> 1,
 *         b |-> 2]
 * ```
 *
 * With a single variable TLC drops the `/\ `. Long values continue on
 * indented lines. Values stay text here; src/tlc/value-text.ts reads them.
 */
import type { RawActionLabel, TlcLocation } from './types.js';
import { parseValueText } from './value-text.js';

const LOCATED_ACTION = /^(.*?) line (\d+), col (\d+) to line (\d+), col (\d+) of module (\S+)$/;

/** Reads the inside of `<...>`: `Next line 10, col 12 to line 10, col 45 of module M` or `Initial predicate`. */
export function parseActionLabel(text: string): RawActionLabel {
  const inner = text
    .trim()
    .replace(/^<(.*)>$/s, '$1')
    .trim();
  const m = LOCATED_ACTION.exec(inner);
  if (!m) return { name: inner };
  return {
    ...splitActionArgs(m[1]!),
    location: {
      module: m[6]!,
      line: Number(m[2]),
      col: Number(m[3]),
      endLine: Number(m[4]),
      endCol: Number(m[5]),
    },
  };
}

/**
 * `Finish("b",1)` → name `Finish` and the argument texts `"b"` and `1`.
 * The arguments are split by reading them as one tuple of TLA+ values; a
 * label that does not read so keeps its whole text as the name.
 */
function splitActionArgs(label: string): Pick<RawActionLabel, 'name' | 'args'> {
  const m = /^([A-Za-z_][\w!]*)\((.*)\)$/s.exec(label);
  if (!m) return { name: label };
  const tuple = parseValueText(`<<${m[2]!}>>`);
  const texts = tuple.value === undefined ? undefined : topLevelArgs(m[2]!);
  if (!texts) return { name: label };
  return { name: m[1]!, args: texts };
}

/** Splits `"b",1,<<2, 3>>` at its top-level commas (outside strings and brackets). */
function topLevelArgs(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{' || (c === '<' && text[i + 1] === '<')) {
      depth++;
      if (c === '<') i++;
    } else if (c === ')' || c === ']' || c === '}' || (c === '>' && text[i + 1] === '>')) {
      depth--;
      if (c === '>') i++;
    } else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') out.push(last);
  return depth === 0 ? out : undefined;
}

/** Reads `name = value` lines (with or without `/\ `), joining continuation lines into the value. */
export function parseStateAssignments(lines: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  const conjunctive = lines.some((l) => l.startsWith('/\\ '));
  for (const line of lines) {
    if (line.trim() === '') continue;
    const startsNew = conjunctive
      ? line.startsWith('/\\ ')
      : /^[A-Za-z_][A-Za-z0-9_]* = /.test(line) && out.length === 0;
    const body = conjunctive && startsNew ? line.slice(3) : line;
    const eq = /^([A-Za-z_][A-Za-z0-9_]*) = (.*)$/s.exec(body);
    if (startsNew && eq) {
      out.push([eq[1]!, eq[2]!]);
    } else if (out.length > 0) {
      const last = out[out.length - 1]!;
      last[1] += '\n' + line;
    }
  }
  return out.map(([name, value]) => [
    name,
    name === '_ALIASEvalError' ? aliasErrorText(normalizeValueText(value)) : normalizeValueText(value),
  ]);
}

/**
 * With -tool, TLC writes the ALIAS error message of a state as a message block
 * inside the string (`"@!@!@STARTMSG 2179:0 @!@!@\nmessage\n@!@!@ENDMSG 2179 @!@!@"`);
 * once the markers are gone the escaped line breaks around it remain. The
 * plain output and the JSON dump hold the message alone.
 */
function aliasErrorText(text: string): string {
  return text.replace(/^"(?:\\n)+/, '"').replace(/(?:\\n)+\s*"$/, '"');
}

/** Joins a pretty-printed multi-line value into one line. */
function normalizeValueText(text: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l.trimEnd() : l.trim()))
    .join(' ')
    .trim();
}

export type TraceStateHeader =
  | { kind: 'state'; index: number; action: RawActionLabel }
  | { kind: 'stuttering'; index: number }
  | { kind: 'back-to-state'; index: number; action?: RawActionLabel };

/** Reads the first line of a 2217 / 2218 / 2122 message (`-tool` wording). */
export function parseStateHeader(line: string): TraceStateHeader | undefined {
  const back = /^(\d+): Back to state(?::\s*(.*))?$/.exec(line.trim());
  if (back) {
    return {
      kind: 'back-to-state',
      index: Number(back[1]),
      action: back[2] ? parseActionLabel(back[2]) : undefined,
    };
  }
  const stutter = /^(\d+): Stuttering$/.exec(line.trim());
  if (stutter) return { kind: 'stuttering', index: Number(stutter[1]) };
  const state = /^(\d+): (.*)$/.exec(line.trim());
  if (state) return { kind: 'state', index: Number(state[1]), action: parseActionLabel(state[2]!) };
  return undefined;
}

/** The two ways TLC writes a span, tried in this order; groups: line, col, end line, end col, module. */
const LOCATION_FORMS = [
  /line (\d+), col (\d+) to line (\d+), col (\d+) of module (\w+)/,
  /[Ll]ine (\d+), column (\d+) to line (\d+), column (\d+) in (\w+)/,
];

/** TLC's `line L, col C to line L2, col C2 of module M` or `Line L, column C to line L2, column C2 in M`. */
export function findLocation(text: string): TlcLocation | undefined {
  for (const form of LOCATION_FORMS) {
    const m = form.exec(text);
    if (m) {
      return {
        module: m[5]!,
        line: Number(m[1]),
        col: Number(m[2]),
        endLine: Number(m[3]),
        endCol: Number(m[4]),
      };
    }
  }
  return undefined;
}
