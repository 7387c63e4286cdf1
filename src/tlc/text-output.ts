/**
 * Splits TLC's plain text output (a run without `-tool`) into the same
 * items as the `-tool` stream, so one decoder serves both.
 *
 * Each line TLC prints for a known message is recognised by its wording and
 * given that message's code; an `Error: ...` message takes the following
 * lines up to the next recognised line, a `State n:` block takes the lines up
 * to the blank line that ends it. Everything else (SANY's report, Print
 * output) is outside text, as in the `-tool` stream.
 */

import { classifyErrorText } from './message-codes.js';
import type { ToolItem, ToolMessage, ToolMessageClass } from './tool-messages.js';

type Continuation = 'none' | 'indented' | 'until-blank' | 'until-known';

interface LineRule {
  pattern: RegExp;
  code: number;
  cls?: ToolMessageClass;
  continuation?: Continuation;
  /** Rewrites the first line into the `-tool` wording. */
  rewrite?: (m: RegExpMatchArray) => string;
}

const RULES: LineRule[] = [
  { pattern: /^TLC2 Version /, code: 2262 },
  { pattern: /^Running .*Model-Checking/, code: 2187 },
  { pattern: /^Starting SANY\.\.\.$/, code: 2220 },
  { pattern: /^SANY finished\.$/, code: 2219 },
  { pattern: /^Starting\.\.\. \(/, code: 2185 },
  { pattern: /^Computing initial states\.\.\.$/, code: 2189 },
  { pattern: /^Computed \d+ initial states?\.\.\.$/, code: 2269 },
  { pattern: /^Finished computing initial states: /, code: 2190 },
  { pattern: /^Implied-temporal checking/, code: 2212 },
  { pattern: /^Progress\(/, code: 2200 },
  { pattern: /^Checking temporal properties for /, code: 2192 },
  { pattern: /^Finished checking temporal properties /, code: 2267 },
  { pattern: /^Model checking completed\. No error has been found\./, code: 2193, continuation: 'indented' },
  { pattern: /^\d+ states? generated, \d+ distinct states? found, \d+ states? left on queue\.$/, code: 2199 },
  { pattern: /^The depth of the complete state graph search is /, code: 2194 },
  { pattern: /^The average outdegree /, code: 2268 },
  { pattern: /^Finished in /, code: 2186 },
  { pattern: /^Trace exploration spec path: /, code: 0 },
  {
    pattern: /^State (\d+): Stuttering\s*$/,
    code: 2218,
    cls: 4,
    rewrite: (m) => `${m[1]}: Stuttering`,
  },
  {
    pattern: /^State (\d+): (.*)$/,
    code: 2217,
    cls: 4,
    continuation: 'until-blank',
    rewrite: (m) => `${m[1]}: ${m[2]}`,
  },
  {
    pattern: /^Back to state (\d+): (.*)$/,
    code: 2122,
    cls: 4,
    rewrite: (m) => `${m[1]}: Back to state: ${m[2]}`,
  },
];

const ERROR_LINE = /^Error: (.*)$/;

function isKnownLine(line: string): boolean {
  return ERROR_LINE.test(line) || RULES.some((r) => r.pattern.test(line));
}

/** Splits plain TLC output into `-tool`-style items. */
export function splitTextOutput(output: string): ToolItem[] {
  const lines = output.replace(/\r\n/g, '\n').split('\n');
  const items: ToolItem[] = [];
  let outside: string[] = [];
  let current: { message: ToolMessage; lines: string[]; continuation: Continuation } | undefined;

  const flushOutside = () => {
    const text = outside.join('\n').replace(/\s+$/, '');
    if (text.trim()) items.push({ kind: 'text', text });
    outside = [];
  };
  const closeCurrent = () => {
    if (!current) return;
    current.message.text = current.lines.join('\n').replace(/\s+$/, '');
    items.push(current.message);
    current = undefined;
  };
  const open = (code: number, cls: ToolMessageClass, first: string, continuation: Continuation) => {
    closeCurrent();
    flushOutside();
    current = { message: { kind: 'message', code, cls, text: '', nested: [] }, lines: [first], continuation };
    if (continuation === 'none') closeCurrent();
  };

  for (const line of lines) {
    if (current && takesLine(current.continuation, line)) {
      current.lines.push(line);
      continue;
    }
    closeCurrent();
    const error = ERROR_LINE.exec(line);
    if (error) {
      open(classifyErrorText(error[1]!), 1, error[1]!, 'until-known');
      continue;
    }
    const rule = RULES.find((r) => r.pattern.test(line));
    if (rule) {
      const m = line.match(rule.pattern)!;
      open(rule.code, rule.cls ?? 0, rule.rewrite ? rule.rewrite(m) : line, rule.continuation ?? 'none');
      continue;
    }
    outside.push(line);
  }
  closeCurrent();
  flushOutside();
  return items.filter((item) => item.kind === 'text' || item.code !== 0);
}

function takesLine(continuation: Continuation, line: string): boolean {
  switch (continuation) {
    case 'none':
      return false;
    case 'indented':
      return /^\s+\S/.test(line);
    case 'until-blank':
      return line.trim() !== '';
    case 'until-known':
      return !isKnownLine(line);
  }
}
