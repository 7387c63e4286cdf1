import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTlc, splitArguments, tlcCommandLine } from '../../src/tlc/index.js';
import { FIXTURES } from './conformance-cases.js';

const FAKE_JAVA_HOME = resolve(import.meta.dirname, '..', '..', 'tools', 'fake-java');
const ERROR_FIXTURES = join(import.meta.dirname, 'fixtures');
let work: string;
let jar: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tlaw-runner-options-'));
  jar = join(work, 'tla2tools.jar');
  writeFileSync(jar, 'not a real jar: the stand-in java never opens it');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fakeEnv(caseDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, JAVA_HOME: FAKE_JAVA_HOME, TLAW_FAKE_JAVA_CASE: caseDir, ...extra };
}

interface Recorded {
  args: string[];
  cwd: string;
  configText: string | null;
}

describe("TLC's command line", () => {
  it('maps the module path, workers, simulation and extra options to what TLC and the JVM read', () => {
    const args = tlcCommandLine({
      jar: '/j/tla2tools.jar',
      javaOptions: ['-Xmx8g'],
      libraryPaths: ['/lib/a', '/lib/b'],
      workers: 4,
      simulate: { runs: 10, depth: 30, seed: 7 },
      metaDir: '/tmp/m',
      tlcArgs: ['-fp', '3'],
      config: '/s/Spec.cfg',
      specFile: 'Spec.tla',
    });
    expect(args).toEqual([
      '-Xmx8g',
      `-DTLA-Library=/lib/a${delimiter}/lib/b`,
      '-cp',
      '/j/tla2tools.jar',
      'tlc2.TLC',
      '-tool',
      '-workers',
      '4',
      '-metadir',
      '/tmp/m',
      '-simulate',
      'num=10',
      '-depth',
      '30',
      '-seed',
      '7',
      '-fp',
      '3',
      '-config',
      '/s/Spec.cfg',
      'Spec.tla',
    ]);
  });

  it('splits --tlc-args and --java-opts like a shell', () => {
    expect(splitArguments(' -coverage 1  -Dx="a b" \'-y z\'').value).toEqual([
      '-coverage',
      '1',
      '-Dx=a b',
      '-y z',
    ]);
    expect(splitArguments('-fp "3').error).toBe('unbalanced " in "-fp "3"');
  });
});

describe('runTlc passes what TLC says through', () => {
  it('gives the exit code exactly as TLC returned it, even one tlaw has no name for', async () => {
    const r = await runTlc({
      spec: join(FIXTURES, '22-second-invariant', 'TwoInvariants.tla'),
      tlcJar: jar,
      env: fakeEnv(join(FIXTURES, '22-second-invariant'), { TLAW_FAKE_JAVA_EXIT: '153' }),
    });
    expect(r.exitCode).toBe(153);
  });

  it.each([
    [
      'undefined-invariant',
      'UndefinedInvariant',
      151,
      'The invariant TypeOK specified in the configuration file\nis not defined in the specification.',
    ],
    [
      'false-assume',
      'FalseAssume',
      10,
      'Assumption line 5, col 8 to line 5, col 12 of module FalseAssume is false.',
    ],
    [
      'missing-module',
      'MissingModule',
      150,
      'Cannot find source file for module NoSuchModule imported in module MissingModule.',
    ],
  ])('%s: exit %i with TLC own explanation', async (dir, module, code, text) => {
    const r = await runTlc({
      spec: join(ERROR_FIXTURES, dir, `${module}.tla`),
      tlcJar: jar,
      env: fakeEnv(join(ERROR_FIXTURES, dir)),
    });
    expect(r.result).toBe('error');
    expect(r.exitCode).toBe(code);
    expect(r.message).toContain(text);
    expect(r.message).not.toContain('without reporting a result');
  });

  it('runs a spec whose configuration is its own CONFIG section', async () => {
    const dir = mkdtempSync(join(work, 'embedded-'));
    const spec = join(dir, 'Embedded.tla');
    writeFileSync(
      spec,
      [
        '---- MODULE Embedded ----',
        'VARIABLE x',
        'Init == x = 0',
        "Next == x' = x",
        '====',
        '---- CONFIG Embedded ----',
        'INIT Init',
        'NEXT Next',
        '====',
        '',
      ].join('\n'),
    );
    const argsFile = join(work, 'embedded-args.json');
    const r = await runTlc({
      spec,
      config: spec,
      tlcJar: jar,
      env: fakeEnv(join(FIXTURES, '01-arith'), { TLAW_FAKE_JAVA_ARGS_FILE: argsFile }),
    });
    const recorded = JSON.parse(readFileSync(argsFile, 'utf8')) as Recorded;
    expect(recorded.configText).toBe('INIT Init\nNEXT Next\n');
    expect(recorded.args.at(-1)).toBe('Embedded.tla');
    expect(r.exitCode).toBe(0);
  });

  it('reports a .tla without a CONFIG section given as the configuration', async () => {
    const spec = join(FIXTURES, '01-arith', 'Arith.tla');
    const r = await runTlc({ spec, config: spec, tlcJar: jar, env: fakeEnv(join(FIXTURES, '01-arith')) });
    expect([r.exitCode, r.diagnostics[0]?.message]).toEqual([
      152,
      `${spec} holds no model configuration: no line "---- CONFIG Arith ----".`,
    ]);
  });
});
