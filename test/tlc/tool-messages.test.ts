import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseActionLabel,
  parseStateAssignments,
  parseToolOutput,
  splitTextOutput,
  splitToolOutput,
  type ToolItem,
  ToolMessageSplitter,
} from '../../src/tlc/index.js';
import { FIXTURES } from './conformance-cases.js';

const tool = (c: string) => readFileSync(join(FIXTURES, c, 'tlc-tool.out'), 'utf8');
const codes = (items: ToolItem[]) => items.map((i) => (i.kind === 'message' ? i.code : 'text'));

describe('splitToolOutput', () => {
  it('splits blocks and keeps text printed outside them', () => {
    const items = splitToolOutput(tool('49-undefined-operator'));
    expect(codes(items).slice(0, 5)).toEqual([2262, 2187, 2220, 'text', 2219]);
    const sany = items[3]!;
    expect(sany.kind === 'text' && sany.text).toContain("Unknown operator: `Successor'.");
  });

  it('nests a block that starts in the middle of a line inside its parent', () => {
    const items = splitToolOutput(tool('50-type-error'));
    const general = items.find((i) => i.kind === 'message' && i.code === 1000);
    expect(general?.kind).toBe('message');
    if (general?.kind !== 'message') return;
    expect(general.nested.map((n) => n.code)).toEqual([2154]);
    expect(general.nested[0]?.text).toMatch(/^Attempted to apply the operator overridden by the Java method/);
    expect(general.text).toContain('Cannot cast tlc2.value.impl.BoolValue to tlc2.value.impl.IntValue');
    expect(general.text).not.toContain('@!@!@');
  });

  it('gives the same items however the stream is cut into chunks', () => {
    const text = tool('40-always-eventually-fail');
    const whole = splitToolOutput(text);
    for (const size of [1, 7, 64]) {
      const items: ToolItem[] = [];
      const splitter = new ToolMessageSplitter((i) => items.push(i));
      for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
      splitter.end();
      expect(items).toEqual(whole);
    }
  });

  it('emits a block cut off by a killed process when the stream ends', () => {
    const items = splitToolOutput('@!@!@STARTMSG 2200:0 @!@!@\nProgress(3) at now: 4 states generated');
    expect(items).toEqual([
      { kind: 'message', code: 2200, cls: 0, text: 'Progress(3) at now: 4 states generated', nested: [] },
    ]);
  });
});

describe('splitTextOutput', () => {
  it('recognises TLC messages in plain output by their wording', () => {
    const text = readFileSync(join(FIXTURES, '40-always-eventually-fail', 'tlc.out'), 'utf8');
    const msgs = codes(splitTextOutput(text)).filter((c) => c !== 'text');
    expect(msgs).toEqual([
      2262, 2187, 2185, 2212, 2189, 2190, 2200, 2192, 2116, 2264, 2217, 2217, 2217, 2122, 2267, 2199, 2194,
      2186,
    ]);
  });
});

describe('trace states', () => {
  it('reads action labels with and without a location', () => {
    expect(parseActionLabel('<Next line 10, col 12 to line 11, col 45 of module M>')).toEqual({
      name: 'Next',
      location: { module: 'M', line: 10, col: 12, endLine: 11, endCol: 45 },
    });
    expect(parseActionLabel('<Initial predicate>')).toEqual({ name: 'Initial predicate' });
  });

  it('joins a pretty-printed value that spans several lines', () => {
    expect(parseStateAssignments(['/\\ x = [a |-> 1,', '       b |-> <<1, 2>>]', '/\\ y = {}'])).toEqual([
      ['x', '[a |-> 1, b |-> <<1, 2>>]'],
      ['y', '{}'],
    ]);
    expect(parseStateAssignments(['s = <<1,', '      2>>'])).toEqual([['s', '<<1, 2>>']]);
  });

  it('reads the single state of an initial-state violation', () => {
    const s = parseToolOutput(tool('25-init-violation'));
    expect(s.trace?.states).toEqual([
      { index: 1, action: { name: 'Initial predicate' }, values: { x: '2', y: '4' } },
    ]);
  });

  it('points at the innermost expression of an evaluation error', () => {
    const s = parseToolOutput(tool('50-type-error'));
    expect(s.errorLocation).toEqual({ module: 'TypeError', line: 11, col: 44, endLine: 11, endCol: 51 });
  });
});
