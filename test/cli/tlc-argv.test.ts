import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateTlcOptions } from '../../src/cli/tlc-argv.js';

const root = resolve(import.meta.dirname, '..', '..');
const deadlock = join(root, 'test', 'fixtures', 'tlc', '15-deadlock');
const argv = (...args: string[]) => ['node', 'tlaw', ...args];

describe("TLC's command line for tlaw check", () => {
  it("turns TLC's options into tlaw's", () => {
    expect(
      translateTlcOptions(
        argv('check', '-workers', '1', '-deadlock', '-config', 'X.cfg', '-depth', '5', '-seed', '9', 'S.tla'),
      ),
    ).toEqual(
      argv(
        'check',
        '--workers',
        '1',
        '--no-deadlock',
        '--config',
        'X.cfg',
        '--depth',
        '5',
        '--seed',
        '9',
        'S.tla',
      ),
    );
    expect(translateTlcOptions(argv('check', '--engine', 'tlc', '-workers', 'auto', 'S.tla'))).toEqual(
      argv('check', '--engine', 'tlc', '--workers', String(availableParallelism()), 'S.tla'),
    );
  });

  it('passes -workers N to the embedded engine, which runs that many search threads', () => {
    expect(translateTlcOptions(argv('check', '-workers', '4', 'S.tla'))).toEqual(
      argv('check', '--workers', '4', 'S.tla'),
    );
  });

  it("reads TLC's -simulate forms", () => {
    expect(translateTlcOptions(argv('check', '-simulate', 'num=20', 'S.tla'))).toEqual(
      argv('check', '--simulate', '20', 'S.tla'),
    );
    expect(translateTlcOptions(argv('check', '-simulate', 'file=out,num=3', 'S.tla'))).toEqual(
      argv('check', '--simulate', '3', 'S.tla'),
    );
    expect(translateTlcOptions(argv('check', '-simulate', 'S.tla'))).toEqual(
      argv('check', '--simulate', String(Number.MAX_SAFE_INTEGER), 'S.tla'),
    );
  });

  it("passes TLC's other options to TLC through --tlc-args, merged with one given", () => {
    expect(
      translateTlcOptions(
        argv('check', '--engine', 'tlc', '-fp', '3', '-gzip', '-dumpTrace', 'json', 'my trace.json', 'S.tla'),
      ),
    ).toEqual(
      argv('check', '--engine', 'tlc', 'S.tla', '--tlc-args', "-fp 3 -gzip -dumpTrace json 'my trace.json'"),
    );
    expect(
      translateTlcOptions(argv('check', '--tlc-args', '-cleanup', '-coverage', '1', '--engine=tlc', 'S.tla')),
    ).toEqual(argv('check', '--tlc-args', '-cleanup -coverage 1', '--engine=tlc', 'S.tla'));
  });

  it('gives -fpmem to either engine as --fpmem', () => {
    expect(translateTlcOptions(argv('check', '-fpmem', '0.25', 'S.tla'))).toEqual(
      argv('check', '--fpmem', '0.25', 'S.tla'),
    );
    expect(translateTlcOptions(argv('check', '--engine', 'tlc', '-fpmem', '512', 'S.tla'))).toEqual(
      argv('check', '--engine', 'tlc', '--fpmem', '512', 'S.tla'),
    );
  });

  it('gives the embedded engine -coverage as its --coverage', () => {
    expect(translateTlcOptions(argv('check', '-coverage', '1', 'S.tla'))).toEqual(
      argv('check', '--coverage', 'S.tla'),
    );
  });

  it('adds .tla to a spec named as TLC allows, and leaves other commands alone', () => {
    expect(translateTlcOptions(argv('check', join(deadlock, 'Deadlock')))).toEqual(
      argv('check', join(deadlock, 'Deadlock.tla')),
    );
    expect(translateTlcOptions(argv('trace', 'show', '-config'))).toEqual(argv('trace', 'show', '-config'));
  });
});

describe('tlaw check with a TLC command line, end to end', () => {
  const tlaw = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), ...args], {
      cwd: deadlock,
      encoding: 'utf8',
    });

  it('-deadlock turns deadlock checking off, as in TLC', () => {
    expect(tlaw('check', '-workers', '1', '-config', 'Deadlock.cfg', 'Deadlock').status).toBe(11);
    const off = tlaw('check', '-workers', '2', '-deadlock', '-config', 'Deadlock.cfg', 'Deadlock');
    expect([off.status, off.stdout]).toEqual([0, expect.stringContaining('No error has been found')]);
  });
});
