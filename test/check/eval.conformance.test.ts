import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { EvalError as ModelEvalError } from '../../src/check/model.js';
import { resetStringOrder } from '../../src/check/value/index.js';
import { bfs, modelFromFiles } from '../fixtures/check/build.js';
import { caseIt } from '../support/known-failures.js';
import { SHARED_CASES } from '../support/shared.js';

const CASES = SHARED_CASES;

interface Expected {
  module: string;
  cfg: string;
  tier: number;
  result: string;
  violated: string | null;
  distinctStates: number | null;
  tlcExitCode: number;
}

const cases = existsSync(CASES)
  ? readdirSync(CASES)
      .sort()
      .map((name) => ({ name, dir: join(CASES, name) }))
      .map((c) => ({ ...c, exp: JSON.parse(readFileSync(join(c.dir, 'expected.json'), 'utf8')) as Expected }))
      .filter((c) => c.exp.tier !== 3 && c.exp.tlcExitCode !== 150)
  : [];

describe.skipIf(!existsSync(CASES))('conformance: the evaluator under a plain BFS agrees with TLC', () => {
  for (const { name, dir, exp } of cases)
    caseIt('eval', name)(name, () => {
      resetStringOrder(); // each case in TLC's string order of its own text
      const run = () => bfs(modelFromFiles(join(dir, `${exp.module}.tla`), join(dir, exp.cfg)));
      switch (exp.result) {
        case 'ok':
          expect(run()).toMatchObject({ result: 'ok', distinct: exp.distinctStates });
          break;
        case 'deadlock':
          expect(run()).toMatchObject({ result: 'deadlock', distinct: exp.distinctStates });
          break;
        case 'invariant-violation': {
          const r = run();
          expect(r).toMatchObject({ result: 'invariant', violated: exp.violated });
          if (exp.distinctStates !== null) expect(r.distinct).toBe(exp.distinctStates);
          break;
        }
        default: {
          // assertion failures and evaluation errors: TLC's exit code
          let err: unknown;
          try {
            run();
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(ModelEvalError);
          expect((err as ModelEvalError).exitCode).toBe(exp.tlcExitCode);
        }
      }
    });
});
