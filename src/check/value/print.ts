/**
 * Printing values exactly as TLC prints them: `{1, 2}`, `<<1, "a">>`,
 * `[a |-> 1, b |-> 2]`, `(1 :> "x" @@ 2 :> "y")`, `1..3`, model values bare.
 */
import { forceFcn } from './force.js';
import { Tag, TupleValue, type Value } from './kinds.js';

/** Largest lazy set printed element by element. */
const EXPAND_BOUND = 100000;

/** A TLA+ string literal with TLC's escapes. */
export function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    switch (c) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\f':
        out += '\\f';
        break;
      default:
        out += c;
    }
  }
  return out + '"';
}

/** TLC's rendering of a value. */
export function printValue(v: Value): string {
  switch (typeof v) {
    case 'boolean':
      return v ? 'TRUE' : 'FALSE';
    case 'number':
      return String(v);
    case 'string':
      return quoteString(v);
  }
  switch (v.tag) {
    case Tag.ModelValue:
      return v.name;
    case Tag.Set:
      return v.elems.length === 0 ? '{}' : `{${v.elems.map(printValue).join(', ')}}`;
    case Tag.Interval:
      return v.hi < v.lo ? '{}' : `${v.lo}..${v.hi}`;
    case Tag.LazySet:
      // TLC prints finite lazy sets (SUBSET S, [S -> T], ...) expanded unless they are huge.
      if (v.finite && v.size() <= EXPAND_BOUND) return printValue(v.toSet());
      return v.show(printValue);
    case Tag.Tuple:
      if (v.elems.length === 0) return v === TupleValue.emptyFcn ? '<< >>' : '<<>>';
      return `<<${v.elems.map(printValue).join(', ')}>>`;
    case Tag.Record:
      return `[${v.names.map((n, i) => `${n} |-> ${printValue(v.values[i])}`).join(', ')}]`;
    case Tag.Fcn:
      return `(${v.domain.map((d, i) => `${printValue(d)} :> ${printValue(v.values[i])}`).join(' @@ ')})`;
    case Tag.LazyFcn: {
      if (v.domain.tag === Tag.LazySet && !v.domain.finite) return `[x \\in ${printValue(v.domain)} |-> ...]`;
      return printValue(forceFcn(v));
    }
  }
}
