/**
 * Reads values in the syntax TLC prints them (trace states, Print output):
 * `TRUE`, `-3`, `"a\"b"`, `{1, 2}`, `<<1, "a">>`, `[a |-> 1]`,
 * `(1 :> 2 @@ 3 :> 4)`, `1..3`, and bare identifiers, which are model values.
 *
 * This is a reader for a data format, not for the TLA+ language: only the
 * forms TLC's value printer produces are accepted. The results are canonical
 * values (sets sorted, functions in their one representation), so they
 * compare equal to what the embedded checker computes.
 */
import {
  compareValues,
  IntervalValue,
  ModelValue,
  makeFcn,
  makeRecord,
  makeSet,
  TupleValue,
  type Value,
} from '../check/value/index.js';

class ValueTextError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', f: '\f' };

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  peek(s: string): boolean {
    this.skipSpace();
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) throw this.error(`expected \`${s}\``);
  }

  error(message: string): ValueTextError {
    const near = this.text.slice(this.pos, this.pos + 20);
    return new ValueTextError(
      `${message} at offset ${this.pos}${near ? ` (near \`${near}\`)` : ' (at the end)'}`,
      this.pos,
    );
  }

  value(): Value {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) throw this.error('expected a value');
    if (c === '{') return this.set();
    if (this.text.startsWith('<<', this.pos)) return this.tuple();
    if (c === '[') return this.record();
    if (c === '(') return this.fcn();
    if (c === '"') return this.string();
    if (c === '-' || /[0-9]/.test(c)) return this.integerOrInterval();
    const word = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.pos))?.[0];
    if (word && /[A-Za-z_]/.test(word)) {
      this.pos += word.length;
      if (word === 'TRUE') return true;
      if (word === 'FALSE') return false;
      return ModelValue.of(word);
    }
    throw this.error('expected a value');
  }

  private list(close: string): Value[] {
    const out: Value[] = [];
    if (this.eat(close)) return out;
    do out.push(this.value());
    while (this.eat(','));
    this.expect(close);
    return out;
  }

  private set(): Value {
    this.expect('{');
    return makeSet(this.list('}'));
  }

  private tuple(): Value {
    this.expect('<<');
    const elems = this.list('>>');
    return elems.length === 0 ? TupleValue.empty : new TupleValue(elems);
  }

  private record(): Value {
    this.expect('[');
    const names: string[] = [];
    const values: Value[] = [];
    if (this.eat(']')) throw this.error('a record needs at least one field');
    do {
      this.skipSpace();
      const name = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.pos))?.[0];
      if (!name) throw this.error('expected a field name');
      this.pos += name.length;
      this.expect('|->');
      names.push(name);
      values.push(this.value());
    } while (this.eat(','));
    this.expect(']');
    return makeRecord(names, values);
  }

  /** `(k1 :> v1 @@ k2 :> v2)`; a parenthesised value is accepted too. */
  private fcn(): Value {
    this.expect('(');
    const first = this.value();
    if (this.eat(')')) return first;
    const pairs: [Value, Value][] = [];
    let key = first;
    for (;;) {
      this.expect(':>');
      pairs.push([key, this.value()]);
      if (!this.eat('@@')) break;
      key = this.value();
    }
    this.expect(')');
    // `@@` keeps the left function's value for a repeated key.
    pairs.sort((a, b) => compareValues(a[0], b[0]));
    const unique = pairs.filter((p, i) => i === 0 || compareValues(pairs[i - 1]![0], p[0]) !== 0);
    return makeFcn(
      unique.map((p) => p[0]),
      unique.map((p) => p[1]),
    );
  }

  private string(): string {
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++]!;
      if (c === '"') return out;
      if (c === '\\') {
        const e = this.text[this.pos++];
        const mapped = e === undefined ? undefined : ESCAPES[e];
        if (mapped === undefined) throw this.error(`unknown escape \`\\${e ?? ''}\` in a string`);
        out += mapped;
      } else {
        out += c;
      }
    }
    throw this.error('unterminated string');
  }

  private integer(): number {
    this.skipSpace();
    const m = /^-?[0-9]+/.exec(this.text.slice(this.pos));
    if (!m) throw this.error('expected an integer');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private integerOrInterval(): Value {
    const lo = this.integer();
    if (!this.eat('..')) return lo;
    return new IntervalValue(lo, this.integer());
  }
}

/** Reads one value printed by TLC; `error` says where the text stops making sense. */
export function parseValueText(text: string): { value?: Value; error?: string } {
  const reader = new Reader(text);
  try {
    const value = reader.value();
    reader.skipSpace();
    if (reader.pos < text.length) throw reader.error('unexpected text after the value');
    return { value };
  } catch (e) {
    if (e instanceof ValueTextError) return { error: `cannot read TLC value: ${e.message}` };
    throw e;
  }
}
