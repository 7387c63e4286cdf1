/**
 * The one tree-sitter parser instance for TLA+.
 *
 * Both packages are CommonJS native modules; `createRequire` loads them the
 * way they expect under ESM. The parser is created lazily, once, because
 * loading the native grammar costs a few milliseconds.
 */
import { createRequire } from 'node:module';
import type ParserType from 'tree-sitter';

export type SyntaxNode = ParserType.SyntaxNode;
export type Tree = ParserType.Tree;

const require = createRequire(import.meta.url);
let parser: ParserType | undefined;

function tlaParser(): ParserType {
  if (!parser) {
    const Parser = require('tree-sitter') as typeof ParserType;
    const language = require('@tlaplus/tree-sitter-tlaplus') as ParserType.Language;
    parser = new Parser();
    parser.setLanguage(language);
  }
  return parser;
}

/** Parse TLA+ source text into tree-sitter's concrete syntax tree. */
export function parseTree(text: string): Tree {
  // The native binding reads long inputs in chunks; a generous buffer avoids
  // its default 32 KiB limit on a single string input.
  return tlaParser().parse(text, undefined, { bufferSize: Math.max(32 * 1024, text.length * 2 + 1024) });
}
