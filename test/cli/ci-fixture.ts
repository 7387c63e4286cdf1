/** A throw-away project for `tlaw ci` tests: a small counter spec, its models and a models.json. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const COUNTER = `---- MODULE Counter ----
EXTENDS Naturals
VARIABLE x

Init == x = 0
Next == \\/ x < 5 /\\ x' = x + 1
        \\/ x = 5 /\\ UNCHANGED x

TypeOK == x \\in 0..5
Small == x < 3
====
`;

/** Line of \`Small ==\` in COUNTER (1-based). */
export const SMALL_LINE = COUNTER.split('\n').findIndex((l) => l.startsWith('Small ==')) + 1;

export interface FixtureModel {
  name: string;
  config: string;
  expect?: { result: string; violated?: string };
  simulate?: { runs: number; depth: number; seed: number };
  benchmark?: boolean;
}

export const MODELS: FixtureModel[] = [
  { name: 'counter-ok', config: 'Ok.cfg', expect: { result: 'ok' } },
  {
    name: 'counter-small',
    config: 'Small.cfg',
    expect: { result: 'invariant-violation', violated: 'Small' },
  },
  {
    name: 'counter-simulated',
    config: 'Small.cfg',
    simulate: { runs: 5, depth: 10, seed: 1 },
    expect: { result: 'invariant-violation', violated: 'Small' },
  },
];

/** Writes the project into a new temporary folder; returns its path (specs/ and traces/ under it). */
export function counterProject(models: FixtureModel[] = MODELS, spec = COUNTER): string {
  const root = mkdtempSync(join(tmpdir(), 'tlaw-ci-test-'));
  const specs = join(root, 'specs');
  mkdirSync(specs);
  writeFileSync(join(specs, 'Counter.tla'), spec);
  writeFileSync(join(specs, 'Ok.cfg'), 'INIT Init\nNEXT Next\nINVARIANT TypeOK\n');
  writeFileSync(join(specs, 'Small.cfg'), 'INIT Init\nNEXT Next\nINVARIANT TypeOK Small\n');
  writeModels(root, models);
  return root;
}

export function writeModels(root: string, models: FixtureModel[]): void {
  const entries = models.map((m) => ({ spec: 'Counter.tla', traces: 'counter', ...m }));
  writeFileSync(join(root, 'specs', 'models.json'), JSON.stringify({ models: entries }, null, 2));
}
