/**
 * Tokens of a TLC model configuration (.cfg) file.
 *
 * The cfg language reuses TLA+'s lexical rules: identifiers, numbers,
 * strings, `\*` line comments and nestable `(* … *)` block comments. Only
 * the few symbols a cfg can contain are recognised; anything else is a
 * 'cfg-syntax' diagnostic at its position.
 */
import type { Diagnostic } from '../../errors.js';
import type { CfgLoc } from './types.js';

export type CfgTokenKind = 'ident' | 'number' | 'string' | 'symbol';

export interface CfgToken {
  kind: CfgTokenKind;
  /** Identifier or symbol text, number digits, or the decoded string. */
  text: string;
  loc: CfgLoc;
}

/** Longest symbols first so `<-` wins over `<`-prefixed alternatives. */
const SYMBOLS = ['<<', '>>', '<-', '=', '{', '}', ',', '[', ']', '(', ')', '!', '-'];

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', f: '\f' };

function isWordChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c);
}

/** Splits cfg text into tokens; stops at the first character it cannot read. */
export function tokenizeConfig(
  text: string,
  file: string,
): { tokens: CfgToken[]; diagnostics: Diagnostic[] } {
  const tokens: CfgToken[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  let line = 1;
  let col = 1;

  const advance = (n: number): void => {
    for (let k = 0; k < n; k++) {
      if (text[i] === '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i++;
    }
  };
  const error = (message: string, at: CfgLoc): void => {
    diagnostics.push({ code: 'cfg-syntax', severity: 'error', message, loc: at });
  };

  while (i < text.length) {
    const c = text[i];
    const loc: CfgLoc = { file, line, col };
    if (/\s/.test(c)) {
      advance(1);
    } else if (text.startsWith('\\*', i)) {
      while (i < text.length && text[i] !== '\n') advance(1);
    } else if (text.startsWith('(*', i)) {
      // Block comments nest, as in TLA+.
      let depth = 0;
      while (i < text.length) {
        if (text.startsWith('(*', i)) {
          depth++;
          advance(2);
        } else if (text.startsWith('*)', i)) {
          depth--;
          advance(2);
          if (depth === 0) break;
        } else {
          advance(1);
        }
      }
      if (depth > 0) {
        error('Unterminated comment.', loc);
        break;
      }
    } else if (c === '"') {
      advance(1);
      let value = '';
      let closed = false;
      while (i < text.length && text[i] !== '\n') {
        if (text[i] === '"') {
          closed = true;
          advance(1);
          break;
        }
        if (text[i] === '\\') {
          const e = ESCAPES[text[i + 1] ?? ''];
          if (e === undefined) {
            error(`Unknown escape sequence \`\\${text[i + 1] ?? ''}' in a string.`, { file, line, col });
            return { tokens, diagnostics };
          }
          value += e;
          advance(2);
        } else {
          value += text[i];
          advance(1);
        }
      }
      if (!closed) {
        error('Unterminated string.', loc);
        break;
      }
      tokens.push({ kind: 'string', text: value, loc });
    } else if (isWordChar(c)) {
      let j = i;
      while (j < text.length && isWordChar(text[j])) j++;
      const word = text.slice(i, j);
      tokens.push({ kind: /^[0-9]+$/.test(word) ? 'number' : 'ident', text: word, loc });
      advance(j - i);
    } else {
      const sym = SYMBOLS.find((s) => text.startsWith(s, i));
      if (sym === undefined) {
        error(`Unexpected character \`${c}'.`, loc);
        break;
      }
      tokens.push({ kind: 'symbol', text: sym, loc });
      advance(sym.length);
    }
  }
  return { tokens, diagnostics };
}
