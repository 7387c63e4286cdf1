/**
 * Inputs that used to crash tlaw or lose its report, run as a user runs
 * tlaw: a separate process (the program itself runs on a worker thread with
 * a large stack, and the main thread answers signals).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEEP_CFG, deepSpec, REQUIRED_SIZES } from '../support/deep-spec.js';
import { killRunningTlaw, runTlaw, startTlaw, waitForOutput } from '../support/run-tlaw.js';

const scratch = mkdtempSync(join(tmpdir(), 'tlaw-robust-'));
afterAll(() => {
  killRunningTlaw();
  rmSync(scratch, { recursive: true, force: true });
});

/** Writes `name`.tla (and `name`.cfg when given); returns the .tla path. */
function spec(name: string, text: string, cfg?: string): string {
  const file = join(scratch, `${name}.tla`);
  writeFileSync(file, text);
  if (cfg !== undefined) writeFileSync(join(scratch, `${name}.cfg`), cfg);
  return file;
}

const SLOW = 240_000;

describe('deep specs', () => {
  it(
    'checks 5,000 conjuncts, 5,000 nested parentheses, 3,000 nested IFs, 3,000 chained definitions, a 5,000-term sum and 3,000 nested LETs',
    async () => {
      const file = spec('Deep', deepSpec('Deep', REQUIRED_SIZES), DEEP_CFG);
      const r = await runTlaw(['check', file]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Model checking completed. No error has been found.');
      expect(r.code).toBe(0);
    },
    SLOW,
  );

  it(
    'reports a recursion too deep as an evaluation error at the recursive definition, exit 75',
    async () => {
      const text = [
        '---- MODULE Endless ----',
        'EXTENDS Naturals',
        'VARIABLE x',
        'RECURSIVE F(_)',
        'F(n) == F(n + 1) + 1',
        'Init == x = 0',
        "Next == x' = x",
        'Inv == F(x) > 0',
        '====',
      ].join('\n');
      const file = spec('Endless', text, 'INIT Init\nNEXT Next\nINVARIANT Inv\n');
      // A small stack makes the endless recursion overflow quickly.
      const r = await runTlaw(['check', file], { TLAW_STACK_MB: '16' });
      expect(r.stdout).toContain('Stack overflow while evaluating the spec');
      expect(r.stdout).toContain(`(${file}:5:9)`);
      expect(r.stderr).not.toContain('internal error');
      expect(r.code).toBe(75);
    },
    SLOW,
  );
});

describe('signals', () => {
  const long = [
    '---- MODULE Long ----',
    'EXTENDS Naturals',
    'VARIABLES x, y',
    'Init == x = 0 /\\ y = 0',
    "Next == \\/ x' = (x + 1) % 100000 /\\ y' = y",
    "        \\/ y' = (y + 1) % 100000 /\\ x' = x",
    '====',
  ].join('\n');

  it(
    'SIGTERM during a search prints the counts so far, as TLC ends, and exits 143',
    async () => {
      const file = spec('Long', long, 'INIT Init\nNEXT Next\n');
      const run = startTlaw(['check', file]);
      await waitForOutput(run, /Finished computing initial states/);
      run.child.kill('SIGTERM');
      const r = await run.done;
      expect(r.stdout).toContain('Error: The search was stopped (SIGTERM) before it finished');
      expect(r.stdout).toMatch(/\d+ states generated, \d+ distinct states found, \d+ states left on queue\./);
      expect(r.stdout).toMatch(/The depth of the complete state graph search is \d+\./);
      expect(r.code).toBe(143);
    },
    SLOW,
  );

  it(
    'SIGHUP during a search (the session gone, output in a file) prints the counts so far and exits 129',
    async () => {
      const file = spec('LongHup', long.replace('MODULE Long', 'MODULE LongHup'), 'INIT Init\nNEXT Next\n');
      const run = startTlaw(['check', file]);
      await waitForOutput(run, /Finished computing initial states/);
      run.child.kill('SIGHUP');
      const r = await run.done;
      expect(r.stdout).toContain('Error: The search was stopped (SIGHUP) before it finished');
      expect(r.stdout).toMatch(/\d+ states generated, \d+ distinct states found/);
      expect(r.code).toBe(129);
    },
    SLOW,
  );

  it(
    'SIGINT during a simulation prints the counts so far and exits 130',
    async () => {
      const file = spec('LongSim', long.replace('MODULE Long', 'MODULE LongSim'), 'INIT Init\nNEXT Next\n');
      const run = startTlaw(['check', file, '--simulate', '100000000', '--depth', '50', '--seed', '1']);
      await waitForOutput(run, /Simulating/, 'stderr');
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.stdout).toContain('Error: The search was stopped (SIGINT)');
      expect(r.stdout).toMatch(/\d+ states generated/);
      expect(r.code).toBe(130);
    },
    SLOW,
  );
});

describe('pipes and traces', () => {
  it(
    'a reader that goes away (parse --json | head -1) ends tlaw without a stack trace',
    async () => {
      const sizes = { conjuncts: 4000, parentheses: 10, ifs: 10, chained: 10, sumTerms: 10 };
      const file = spec('Wide', deepSpec('Wide', sizes));
      const run = startTlaw(['parse', file, '--json']);
      run.child.stdout!.once('data', () => run.child.stdout!.destroy());
      const r = await run.done;
      expect(r.stderr).toBe('');
      expect([0, 141]).toContain(r.code);
    },
    SLOW,
  );

  it(
    'shows an ITF trace whose value nests 100,000 arrays',
    async () => {
      const depth = 100_000;
      const value = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
      const file = join(scratch, 'deep.itf.json');
      writeFileSync(file, `{"#meta":{"spec":"D"},"vars":["x"],"states":[{"x":${value}}]}`);
      const r = await runTlaw(['trace', 'show', file]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`x = ${'<<'.repeat(depth)}1${'>>'.repeat(depth)}`);
      expect(r.code).toBe(0);
    },
    SLOW,
  );
});
