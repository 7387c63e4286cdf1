/**
 * Lossless canonical JSON, for request fingerprints.
 *
 * `JSON.parse` loses what tells two requests apart: numbers beyond 2^53
 * round to the same double, `1e400` becomes Infinity (and `null` once
 * stringified). This parser keeps every number as an exact decimal
 * (`<digits>e<exponent>`, so `1`, `1.0` and `10e-1` agree but
 * `9007199254740993` and `9007199254740992` do not), sorts object keys,
 * keeps the last of duplicate keys (as `JSON.parse` does), and walks the
 * text with an explicit stack: a deeply nested body cannot overflow the
 * call stack, and nesting beyond `maxDepth` is reported, not followed.
 */

export type CanonicalJson =
  | { kind: 'json'; text: string }
  | { kind: 'not-json' }
  | { kind: 'too-deep'; maxDepth: number };

export const DEFAULT_MAX_JSON_DEPTH = 256;

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings must not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** An exact decimal: significant digits without leading or trailing zeros, and a base-10 exponent. */
export function canonicalNumber(literal: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (match === null) throw new Error(`not a JSON number: ${literal}`);
  const [, sign, int, frac = '', exp = '0'] = match;
  let digits = (int! + frac).replace(/^0+/, '');
  if (digits === '') return '0';
  let exponent = BigInt(exp) - BigInt(frac.length);
  const trimmed = digits.replace(/0+$/, '');
  exponent += BigInt(digits.length - trimmed.length);
  digits = trimmed;
  return `${sign}${digits}e${exponent}`;
}

/** A container being built: an array's items, or an object's members and the key awaiting its value. */
type Frame =
  | { kind: 'array'; items: string[] }
  | { kind: 'object'; members: Map<string, string>; pendingKey: string | undefined };

export function canonicalizeJson(text: string, maxDepth = DEFAULT_MAX_JSON_DEPTH): CanonicalJson {
  let pos = 0;
  const stack: Frame[] = [];
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const scan = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (match === null) return undefined;
    pos = pattern.lastIndex;
    return match[0];
  };
  // Returns the finished value of the whole document, or undefined while containers are open.
  const place = (value: string): string | undefined => {
    const top = stack.at(-1);
    if (top === undefined) return value;
    if (top.kind === 'array') top.items.push(value);
    else {
      top.members.set(top.pendingKey!, value);
      top.pendingKey = undefined;
    }
    return undefined;
  };
  const close = (frame: Frame): string => {
    if (frame.kind === 'array') return `[${frame.items.join(',')}]`;
    const keys = [...frame.members.keys()].sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${frame.members.get(k)}`).join(',')}}`;
  };

  let result: string | undefined;
  let expectValue = true; // false: after a value, expecting `,`, `]`, `}` or the end
  for (;;) {
    skipWhitespace();
    const top = stack.at(-1);
    if (!expectValue) {
      if (top === undefined) break;
      const closer = top.kind === 'array' ? ']' : '}';
      if (text[pos] === ',') {
        pos++;
        expectValue = true;
        if (top.kind === 'object') {
          skipWhitespace();
          if (!readKey(top)) return { kind: 'not-json' };
        }
        continue;
      }
      if (text[pos] !== closer) return { kind: 'not-json' };
      pos++;
      stack.pop();
      result = place(close(top));
      continue;
    }
    const c = text[pos];
    if (c === '[' || c === '{') {
      if (stack.length >= maxDepth) return { kind: 'too-deep', maxDepth };
      pos++;
      skipWhitespace();
      const closer = c === '[' ? ']' : '}';
      if (text[pos] === closer) {
        pos++;
        result = place(c === '[' ? '[]' : '{}');
        expectValue = false;
        continue;
      }
      const frame: Frame =
        c === '['
          ? { kind: 'array', items: [] }
          : { kind: 'object', members: new Map(), pendingKey: undefined };
      stack.push(frame);
      if (frame.kind === 'object' && !readKey(frame)) return { kind: 'not-json' };
      continue;
    }
    const scalar = readScalar();
    if (scalar === undefined) return { kind: 'not-json' };
    result = place(scalar);
    expectValue = false;
  }
  if (pos !== text.length || result === undefined) return { kind: 'not-json' };
  return { kind: 'json', text: result };

  function readKey(frame: Extract<Frame, { kind: 'object' }>): boolean {
    const key = scan(STRING);
    if (key === undefined) return false;
    skipWhitespace();
    if (text[pos] !== ':') return false;
    pos++;
    frame.pendingKey = JSON.parse(key) as string;
    return true;
  }

  function readScalar(): string | undefined {
    const c = text[pos];
    if (c === '"') {
      const literal = scan(STRING);
      // Re-encoded so that `"\u0041"` and `"A"` agree.
      return literal === undefined ? undefined : JSON.stringify(JSON.parse(literal) as string);
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return word;
      }
    }
    const number = scan(NUMBER);
    return number === undefined ? undefined : canonicalNumber(number);
  }
}
