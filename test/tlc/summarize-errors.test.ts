import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTlcOutput } from '../../src/tlc/index.js';

const dir = join(import.meta.dirname, 'fixtures');
const output = (name: string, file: string) => readFileSync(join(dir, name, file), 'utf8');

describe("TLC's errors before the search, read from its outputs alone (no exit code known)", () => {
  it.each([
    'tlc.out',
    'tlc-tool.out',
  ])('%s: an invariant the spec does not define is a cfg error (151)', (file) => {
    const s = parseTlcOutput(output('undefined-invariant', file));
    expect([s.result, s.exitCode, s.errorText]).toEqual([
      'error',
      151,
      'The invariant TypeOK specified in the configuration file\nis not defined in the specification.',
    ]);
  });

  it.each(['tlc.out', 'tlc-tool.out'])('%s: a false ASSUME exits 10 with its place', (file) => {
    const s = parseTlcOutput(output('false-assume', file));
    expect([s.exitCode, s.errorMessage]).toEqual([
      10,
      'Assumption line 5, col 8 to line 5, col 12 of module FalseAssume is false.',
    ]);
    expect(s.errorLocation).toMatchObject({ module: 'FalseAssume', line: 5, col: 8 });
  });

  it.each(['tlc.out', 'tlc-tool.out'])("%s: a missing module is explained by SANY's report", (file) => {
    const s = parseTlcOutput(output('missing-module', file), { exitCode: 150 });
    expect([s.exitCode, s.errorMessage]).toEqual([
      150,
      'Cannot find source file for module NoSuchModule imported in module MissingModule.',
    ]);
  });

  it('says only what it knows when TLC printed nothing about the end', () => {
    const s = parseTlcOutput('@!@!@STARTMSG 2185:0 @!@!@\nStarting...\n@!@!@ENDMSG 2185 @!@!@\n', {
      exitCode: 153,
    });
    expect([s.result, s.exitCode, s.errorText]).toEqual([
      'error',
      153,
      'TLC ended with exit code 153 without reporting a result.',
    ]);
  });
});

describe('a TLC simulation (-simulate) that finds nothing', () => {
  const tool = (code: number, text: string) =>
    `@!@!@STARTMSG ${code}:0 @!@!@\n${text}\n@!@!@ENDMSG ${code} @!@!@\n`;
  const run = [
    tool(2188, 'Running Random Simulation with seed 7 with 1 worker on 2 cores.'),
    tool(2190, 'Finished computing initial states: 1 distinct state generated at 2026-12-07 05:00:00.'),
    tool(2210, 'The number of states generated: 1,234\nSimulation using seed 7 and aril 0'),
    tool(2186, 'Finished in 01s at (2026-12-07 05:00:01)'),
  ].join('');

  it('is ok, with the number of states generated, when TLC exits 0', () => {
    const s = parseTlcOutput(run, { exitCode: 0 });
    expect([s.result, s.exitCode, s.totalStates, s.distinctStates, s.errorText]).toEqual([
      'ok',
      0,
      1234,
      null,
      null,
    ]);
  });
});
