import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckOptions, runCheck } from '../../src/cli/check.js';
import { collectJobs, configFor } from '../../src/cli/check-jobs.js';
import { loadSpec } from '../../src/tla/modules/index.js';
import { checkSpec } from '../../src/tla/semantic/index.js';
import { SHARED_CASES } from '../support/shared.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'ttrace');

interface JsonResult {
  result: string;
  violated: string | null;
  exitCode: number;
  trace: { state: [string, unknown][] }[] | null;
  diagnostics: { message: string; loc?: { line: number; col: number } }[];
}

/** `tlaw check --json <paths>`: the exit code and the JSON result line. */
async function check(
  paths: string[],
  options: CheckOptions = {},
): Promise<{ code: number; json: JsonResult }> {
  let stdout = '';
  const code = await runCheck(
    paths,
    { engine: 'embedded', json: true, ...options },
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
    },
  );
  const lines = stdout.trim().split('\n');
  return { code, json: JSON.parse(lines[lines.length - 1]!) as JsonResult };
}

/** The value of variable `name` in a JSON trace state (integers are ITF `#bigint`s). */
function variable(state: [string, unknown][], name: string): unknown {
  return state.find(([n]) => n === name)?.[1];
}

function writeSpec(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tlaw-ttrace-'));
  const file = join(dir, `${name}.tla`);
  writeFileSync(file, text);
  return file;
}

describe("tlaw check on TLC's generated trace specs", () => {
  it('replays the counterexample: _inv is violated at the last state of the trace', async () => {
    const { code, json } = await check([join(fixtures, 'TwoInvariants_TTrace_1795438127.tla')]);
    expect(code).toBe(12);
    expect(json).toMatchObject({ result: 'invariant-violation', violated: '_inv', exitCode: 12 });
    expect(json.trace).toHaveLength(5);
    const last = json.trace![4]!.state;
    expect(variable(last, 'x')).toEqual({ '#bigint': '4' });
    expect(variable(last, 'y')).toEqual({ '#bigint': '0' });
  });

  it('replays a deadlock trace without reporting a deadlock (its cfg turns the check off)', async () => {
    const { code, json } = await check([join(fixtures, 'Deadlock_TTrace_1795438123.tla')]);
    expect(code).toBe(12);
    expect(json).toMatchObject({ result: 'invariant-violation', violated: '_inv' });
    expect(json.trace).toHaveLength(3);
  });

  it('rejects, as SANY does, a trace spec whose bound i clashes with a variable i', async () => {
    const { code, json } = await check([join(fixtures, 'OutOfDomain_TTrace_1795438137.tla')]);
    expect(code).toBe(150);
    expect(json.diagnostics[0]!.message).toMatch(/Multiply-defined symbol 'i'/);
    expect(json.diagnostics[0]!.loc).toMatchObject({ line: 27 });
  });

  it('checks a monolith spec with its helper modules and CONFIG section in one file', async () => {
    const { code, json } = await check([join(fixtures, 'monolith', 'Monolith.tla')]);
    expect(code).toBe(12);
    expect(json).toMatchObject({ result: 'invariant-violation', violated: 'Inv' });
    expect(json.trace!.map((s) => variable(s.state, 'x'))).toEqual(
      [0, 2, 4, 6, 8].map((n) => ({ '#bigint': String(n) })),
    );
  });
});

describe('choosing the configuration of a .tla', () => {
  it('takes the .tla itself when it has no .cfg but holds its own CONFIG section', () => {
    const spec = join(fixtures, 'TwoInvariants_TTrace_1795438127.tla');
    expect(configFor(spec)).toBe(spec);
    expect(collectJobs([spec]).value).toMatchObject([{ spec, config: spec }]);
  });

  it('keeps the .cfg of the same name otherwise (and reports it missing as before)', async () => {
    const spec = join(fixtures, 'TwoInvariants.tla');
    expect(configFor(spec)).toBe(join(fixtures, 'TwoInvariants.cfg'));
    const { code, json } = await check([spec]);
    expect(code).toBe(152);
    expect(json.diagnostics[0]!.message).toMatch(/TwoInvariants\.cfg/);
  });

  it('prefers a .cfg of the same name over the embedded section', () => {
    const file = writeSpec('Both', '---- MODULE Both ----\n====\n---- CONFIG Both ----\n====\n');
    const cfg = file.replace(/\.tla$/, '.cfg');
    writeFileSync(cfg, '');
    expect(configFor(file)).toBe(cfg);
  });

  it('accepts --config naming the .tla, as TLC does', async () => {
    const spec = join(fixtures, 'Deadlock_TTrace_1795438123.tla');
    const { json } = await check([spec], { config: spec });
    expect(json).toMatchObject({ result: 'invariant-violation', violated: '_inv' });
  });

  it('reports an error in the CONFIG section at its place in the .tla (exit 151)', async () => {
    const file = writeSpec(
      'BadCfg',
      [
        '---- MODULE BadCfg ----',
        'VARIABLE x',
        'Init == x = 0',
        "Next == x' = x",
        '====',
        '---- CONFIG BadCfg ----',
        'INIT Init',
        'NEXT Next',
        'INVARIANT NoSuchInv',
        '====',
      ].join('\n'),
    );
    const { code, json } = await check([file]);
    expect(code).toBe(151);
    expect(json.diagnostics[0]!.message).toMatch(/NoSuchInv/);
    expect(json.diagnostics[0]!.loc).toMatchObject({ line: 9, col: 11 });
  });
});

describe('Toolbox and TLCGet("level") as trace specs use them', () => {
  const positionSpec = (invariant: string): string =>
    [
      '---- MODULE Pos ----',
      'EXTENDS Naturals, Sequences, TLC, Toolbox',
      'VARIABLE x',
      'Tr == <<[x |-> 1], [x |-> 2], [x |-> 3]>>',
      'Init == x = 1',
      "Next == x < 5 /\\ x' = x + 1",
      'Clamped == _TEPosition = IF TLCGet("level") <= 3 THEN TLCGet("level") ELSE 3',
      'Early == _TEPosition < 3',
      '====',
      '---- CONFIG Pos ----',
      'INIT Init',
      'NEXT Next',
      'CONSTANT _TETrace <- Tr',
      `INVARIANT ${invariant}`,
      'CHECK_DEADLOCK FALSE',
      '====',
    ].join('\n');

  it('_TEPosition is the level of the state, kept within the length of _TETrace', async () => {
    const { code, json } = await check([writeSpec('Pos', positionSpec('Clamped'))]);
    expect(json.diagnostics).toEqual([]);
    expect(code).toBe(0);
    expect(json.result).toBe('ok');
  });

  it('an invariant on _TEPosition fails at the level it names', async () => {
    const { json } = await check([writeSpec('Pos', positionSpec('Early'))]);
    expect(json).toMatchObject({ result: 'invariant-violation', violated: 'Early' });
    expect(json.trace).toHaveLength(3);
  });

  it('TLCGet("level") in an invariant is the level of the state checked', async () => {
    const file = writeSpec(
      'Lvl',
      [
        '---- MODULE Lvl ----',
        'EXTENDS Naturals, TLC',
        'VARIABLE x',
        'Init == x = 0',
        "Next == x' = x + 1",
        'Inv == TLCGet("level") = x + 1 /\\ TLCGet("level") < 4',
        '====',
        '---- CONFIG Lvl ----',
        'INIT Init',
        'NEXT Next',
        'INVARIANT Inv',
        '====',
      ].join('\n'),
    );
    const { json } = await check([file]);
    expect(json).toMatchObject({ result: 'invariant-violation', violated: 'Inv' });
    expect(json.trace).toHaveLength(4);
  });
});

const traceSpecs = existsSync(SHARED_CASES)
  ? readdirSync(SHARED_CASES).flatMap((c) =>
      readdirSync(join(SHARED_CASES, c))
        .filter((f) => /_TTrace_\d+\.tla$/.test(f))
        .map((f) => ({ name: `${c}/${f}`, file: join(SHARED_CASES, c, f), dir: join(SHARED_CASES, c) })),
    )
  : [];
/** OutOfDomain's variable `i` clashes with the bound `i` of the generated `_next`: SANY rejects the file. */
const rejected = new Set(['51-out-of-domain']);

describe.skipIf(!existsSync(SHARED_CASES))('the conformance suite trace specs', () => {
  it.each(traceSpecs)('$name parses and passes the semantic checks', ({ file, dir }) => {
    const loaded = loadSpec(file);
    const errors = [...loaded.diagnostics, ...(loaded.value ? checkSpec(loaded.value) : [])].filter(
      (d) => d.severity === 'error',
    );
    if (rejected.has(dir.split(/[\\/]/).pop()!)) {
      expect(errors.map((d) => d.message)).toEqual([expect.stringMatching(/Multiply-defined symbol 'i'/)]);
    } else {
      expect(errors).toEqual([]);
    }
  });

  it.each(
    traceSpecs.filter((t) => !rejected.has(t.dir.split(/[\\/]/).pop()!)),
  )('$name replays its counterexample up to the _inv violation', async ({ file, dir }) => {
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { traceLength: number };
    const { code, json } = await check([file]);
    expect(code).toBe(12);
    expect(json).toMatchObject({ result: 'invariant-violation', violated: '_inv' });
    expect(json.trace).toHaveLength(expected.traceLength);
  });
});
