import { type Diagnostic, type Result, readTextFile } from '../../errors.js';
import { type CfgToken, tokenizeConfig } from './lexer.js';
import type { CfgLoc, CfgValue, ConstantAssignment, ModelConfig, NamedRef } from './types.js';

type ListKey = 'invariants' | 'properties' | 'constraints' | 'actionConstraints' | 'postconditions';
type SingleKey = 'init' | 'next' | 'specification' | 'symmetry' | 'view' | 'alias';

const LIST_KEYWORDS: Record<string, ListKey> = {
  INVARIANT: 'invariants',
  INVARIANTS: 'invariants',
  PROPERTY: 'properties',
  PROPERTIES: 'properties',
  CONSTRAINT: 'constraints',
  CONSTRAINTS: 'constraints',
  ACTION_CONSTRAINT: 'actionConstraints',
  ACTION_CONSTRAINTS: 'actionConstraints',
  POSTCONDITION: 'postconditions',
  POSTCONDITIONS: 'postconditions',
};

const SINGLE_KEYWORDS: Record<string, SingleKey> = {
  INIT: 'init',
  NEXT: 'next',
  SPECIFICATION: 'specification',
  SYMMETRY: 'symmetry',
  VIEW: 'view',
  ALIAS: 'alias',
};

/** Every keyword that opens a section of a .cfg file. */
export const CONFIG_KEYWORDS: readonly string[] = [
  ...Object.keys(LIST_KEYWORDS),
  ...Object.keys(SINGLE_KEYWORDS),
  'CONSTANT',
  'CONSTANTS',
  'CHECK_DEADLOCK',
  'TYPE_CONSTRAINT',
];
const KEYWORD_SET = new Set(CONFIG_KEYWORDS);

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Thrown inside the parser only, to abandon the current section; never escapes it. */
class SectionError extends Error {}

class ConfigParser {
  private pos = 0;
  readonly diagnostics: Diagnostic[] = [];
  private readonly eofLoc: CfgLoc;

  constructor(
    private readonly tokens: CfgToken[],
    readonly file: string,
    text: string,
  ) {
    const lines = text.split('\n');
    this.eofLoc = { file, line: lines.length, col: lines[lines.length - 1].length + 1 };
  }

  private peek(): CfgToken | undefined {
    return this.tokens[this.pos];
  }

  private atKeyword(): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'ident' && KEYWORD_SET.has(t.text);
  }

  private fail(message: string, loc?: CfgLoc): never {
    this.diagnostics.push({
      code: 'cfg-syntax',
      severity: 'error',
      message,
      loc: loc ?? this.peek()?.loc ?? this.eofLoc,
    });
    throw new SectionError(message);
  }

  private describe(t: CfgToken | undefined): string {
    if (t === undefined) return 'end of file';
    return t.kind === 'string' ? `"${t.text}"` : `\`${t.text}'`;
  }

  private expectSymbol(sym: string): CfgToken {
    const t = this.peek();
    if (t?.kind !== 'symbol' || t.text !== sym)
      this.fail(`Expected \`${sym}' but found ${this.describe(t)}.`);
    this.pos++;
    return t;
  }

  /** A name that is not a keyword: the operand of INIT, INVARIANT, `<-`, ... */
  private expectName(after: string): CfgToken {
    const t = this.peek();
    if (t?.kind !== 'ident' || KEYWORD_SET.has(t.text)) {
      this.fail(`Expected a name after ${after} but found ${this.describe(t)}.`);
    }
    this.pos++;
    return t;
  }

  private isSymbol(sym: string): boolean {
    const t = this.peek();
    return t?.kind === 'symbol' && t.text === sym;
  }

  parse(): ModelConfig {
    const cfg: ModelConfig = {
      file: this.file,
      constants: [],
      invariants: [],
      properties: [],
      constraints: [],
      actionConstraints: [],
      postconditions: [],
    };
    while (this.pos < this.tokens.length) {
      const t = this.peek()!;
      try {
        if (!this.atKeyword())
          this.fail(`Expected a keyword such as INIT or CONSTANT but found ${this.describe(t)}.`);
        this.pos++;
        this.section(t, cfg);
      } catch (e) {
        if (!(e instanceof SectionError)) throw e;
        // Resume at the next keyword (always move on at least one token).
        if (this.peek() === t) this.pos++;
        while (this.pos < this.tokens.length && !this.atKeyword()) this.pos++;
      }
    }
    return cfg;
  }

  private section(keyword: CfgToken, cfg: ModelConfig): void {
    const kw = keyword.text;
    const listKey = LIST_KEYWORDS[kw];
    if (listKey !== undefined) {
      while (this.pos < this.tokens.length && !this.atKeyword()) {
        const name = this.expectName(kw);
        cfg[listKey].push({ name: name.text, loc: name.loc });
      }
      return;
    }
    const singleKey = SINGLE_KEYWORDS[kw];
    if (singleKey !== undefined) {
      const name = this.expectName(kw);
      if (cfg[singleKey] !== undefined) this.fail(`The keyword ${kw} appears twice.`, keyword.loc);
      cfg[singleKey] = { name: name.text, loc: name.loc } satisfies NamedRef;
      return;
    }
    if (kw === 'CHECK_DEADLOCK') {
      const t = this.peek();
      if (t?.kind !== 'ident' || (t.text !== 'TRUE' && t.text !== 'FALSE')) {
        this.fail(`Expected TRUE or FALSE after CHECK_DEADLOCK but found ${this.describe(t)}.`);
      }
      this.pos++;
      if (cfg.checkDeadlock !== undefined)
        this.fail('The keyword CHECK_DEADLOCK appears twice.', keyword.loc);
      cfg.checkDeadlock = t.text === 'TRUE';
      return;
    }
    if (kw === 'TYPE_CONSTRAINT') {
      // Accepted by TLC for compatibility but without effect on model checking.
      this.expectName(kw);
      return;
    }
    // CONSTANT / CONSTANTS
    while (this.pos < this.tokens.length && !this.atKeyword()) {
      cfg.constants.push(this.constantLine());
    }
  }

  private constantLine(): ConstantAssignment {
    const first = this.expectName('CONSTANT');
    // `frob!bar` names a definition of an instance (TLC accepts it on the left).
    let name = first.text;
    while (this.isSymbol('!')) {
      this.pos++;
      name += `!${this.expectName('!').text}`;
    }
    if (this.isSymbol('<-')) {
      this.pos++;
      const module = this.moduleTag();
      const by = this.expectName('<-');
      return module === undefined
        ? { kind: 'substitution', name, by: by.text, loc: first.loc }
        : { kind: 'substitution', name, by: by.text, module, loc: first.loc };
    }
    if (this.isSymbol('(')) {
      this.fail(
        `Assigning values to operator constants with arguments (${name}(...) = ...) is not supported.`,
      );
    }
    if (!this.isSymbol('='))
      this.fail(`Expected \`=' or \`<-' after ${name} but found ${this.describe(this.peek())}.`);
    this.pos++;
    const module = this.moduleTag();
    const value = this.value();
    return module === undefined
      ? { kind: 'value', name, value, loc: first.loc }
      : { kind: 'value', name, value, module, loc: first.loc };
  }

  /** An optional `[Mod]` before the right-hand side. */
  private moduleTag(): string | undefined {
    if (!this.isSymbol('[')) return undefined;
    this.pos++;
    const mod = this.expectName('[');
    this.expectSymbol(']');
    return mod.text;
  }

  private value(): CfgValue {
    const t = this.peek();
    if (t === undefined) this.fail('Expected a value but found end of file.');
    if (t.kind === 'number' || (t.kind === 'symbol' && t.text === '-')) return this.integer();
    if (t.kind === 'string') {
      this.pos++;
      return { kind: 'string', value: t.text };
    }
    if (t.kind === 'ident') {
      if (KEYWORD_SET.has(t.text)) this.fail(`Expected a value but found ${this.describe(t)}.`);
      this.pos++;
      if (t.text === 'TRUE' || t.text === 'FALSE') return { kind: 'bool', value: t.text === 'TRUE' };
      return { kind: 'modelValue', name: t.text };
    }
    if (t.text === '{') {
      this.pos++;
      return { kind: 'set', elems: this.elements('}') };
    }
    if (t.text === '<<') {
      this.pos++;
      return { kind: 'tuple', elems: this.elements('>>') };
    }
    this.fail(`Expected a value but found ${this.describe(t)}.`);
  }

  private integer(): CfgValue {
    const start = this.peek()!;
    let sign = 1;
    if (start.kind === 'symbol') {
      sign = -1;
      this.pos++;
    }
    const t = this.peek();
    if (t?.kind !== 'number') this.fail(`Expected a number after \`-' but found ${this.describe(t)}.`);
    this.pos++;
    const n = sign * Number(t.text);
    if (n < INT_MIN || n > INT_MAX)
      this.fail(`The number ${sign < 0 ? '-' : ''}${t.text} is too large.`, start.loc);
    return { kind: 'int', value: n };
  }

  /** Comma-separated values up to the closing symbol (which may follow immediately). */
  private elements(close: string): CfgValue[] {
    const elems: CfgValue[] = [];
    if (this.isSymbol(close)) {
      this.pos++;
      return elems;
    }
    for (;;) {
      elems.push(this.value());
      if (this.isSymbol(',')) {
        this.pos++;
        continue;
      }
      this.expectSymbol(close);
      return elems;
    }
  }
}

/** Parses the text of a .cfg file; `value` is absent when there is any error. */
export function parseConfigText(text: string, file: string): Result<ModelConfig> {
  const lexed = tokenizeConfig(text, file);
  const parser = new ConfigParser(lexed.tokens, file, text);
  const cfg = parser.parse();
  const diagnostics = [...lexed.diagnostics, ...parser.diagnostics];
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { value: cfg, diagnostics };
}

/** Reads and parses a .cfg file; an unreadable file is an 'io' diagnostic. */
export function parseConfigFile(path: string): Result<ModelConfig> {
  const read = readTextFile(path);
  return read.value === undefined ? { diagnostics: read.diagnostics } : parseConfigText(read.value, path);
}
