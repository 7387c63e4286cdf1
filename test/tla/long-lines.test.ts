import { describe, expect, it } from 'vitest';
import type { OperatorDef } from '../../src/tla/ast.js';
import { parseModuleText } from '../../src/tla/parse/index.js';
import { reflowLongLines } from '../../src/tla/parse/reflow.js';

const wrap = (body: string) => `---- MODULE Long ----\nEXTENDS Naturals\nVARIABLE x\n${body}\n====\n`;
const repeat = (n: number, part: string, sep: string) => Array(n).fill(part).join(sep);

/** Long lines with the constructs a cut must not disturb. */
const CASES: Record<string, string> = {
  'a flat sum': `Sum == x ${'+ 1 '.repeat(600)}`,
  'an infix conjunction chain': `Inv == ${repeat(300, 'x >= 0', ' /\\ ')}`,
  'bulleted lists opened on the line': `Inv == /\\ ${repeat(200, 'x + 1', ' + ')}\n       /\\ ${repeat(200, 'x', ' \\/ ')}`,
  'a list opened after THEN': `Inv == IF x = 0 THEN /\\ ${repeat(250, 'x', ' + ')} > 0 /\\ TRUE ELSE FALSE`,
  'strings and comments holding operators': `S == <<${repeat(200, '"a + b, c"', ', ')}>> (* ${repeat(100, 'x + 1', ' + ')} *) \\* + 1 + 1`,
  'a list opened after IF and after []': `P == IF /\\ ${repeat(250, 'x', ' + ')} > 0 THEN [] /\\ ${repeat(250, 'x', ' + ')} > 0 ELSE TRUE`,
  'a set and a tuple': `T == <<{${repeat(300, '1', ', ')}}, [a |-> ${repeat(200, '2', ' * ')}]>>`,
};

describe('long lines', () => {
  it.each(
    Object.entries(CASES),
  )('%s parses to the same AST, locations included, as without cutting', (_, body) => {
    const text = wrap(body);
    // The long line is really cut.
    expect(reflowLongLines(text)!.text.split('\n').length).toBeGreaterThan(text.split('\n').length);
    const cut = parseModuleText(text, 'Long.tla');
    const whole = parseModuleText(text, 'Long.tla', { reflow: false });
    expect(cut.diagnostics).toEqual([]);
    expect(cut).toEqual(whole);
  });

  it('cuts a 20,000-term line into short ones, which makes its parse linear', () => {
    const reflowed = reflowLongLines(wrap(`Sum == 0 ${'+ 1 '.repeat(20_000)}`))!;
    expect(Math.max(...reflowed.text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(1000);
  });

  it('gives the terms of a cut line their places in the original line', () => {
    // (800 terms: deeper sums need the CLI's large stack, test/cli/robustness.test.ts.)
    const r = parseModuleText(wrap(`Sum == 0 ${'+ 1 '.repeat(800)}`), 'Long.tla');
    expect(r.diagnostics).toEqual([]);
    const sum = r.value!.units.find((u) => u.kind === 'OperatorDef' && u.name === 'Sum') as OperatorDef;
    const last = (sum.body as { args: { loc: { line: number; col: number } }[] }).args[1]!;
    expect(last.loc).toMatchObject({ line: 4, col: 'Sum == 0 '.length + 4 * 799 + 3 });
  });

  it('reports a syntax error on a long line at its original place', () => {
    const line = `Sum == 0 ${'+ 1 '.repeat(500)}+ + 1`;
    const r = parseModuleText(wrap(line), 'Long.tla');
    expect(r.diagnostics[0]?.loc).toMatchObject({ line: 4 });
    expect(r.diagnostics[0]!.loc!.col).toBeGreaterThan(1000);
  });
});
