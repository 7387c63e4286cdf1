/**
 * With real TLC (TLA2TOOLS_JAR set to a tla2tools.jar, and Java): the
 * NoFencing counterexample found by TLC is saved with parameters on every
 * step, and replaying it on the NoFencing implementation reproduces it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { runReplay } from '../../src/cli/replay.js';
import { findJava } from '../../src/tlc/index.js';

const root = resolve(import.meta.dirname, '..', '..');
const REAL_JAR = process.env.TLA2TOOLS_JAR;
const HAS_REAL_TLC = !!REAL_JAR && existsSync(REAL_JAR) && findJava() !== undefined;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('check --engine tlc with real TLC', () => {
  it.skipIf(!HAS_REAL_TLC)(
    'NoFencing: exit 12, every step with its parameters, and the trace replays on the NoFencing store',
    async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'tlaw-real-tlc-')), 'traces');
      const io = { stdout: () => {}, stderr: () => {} };
      const code = await runCheck(
        [join(root, 'specs', 'IdempotencyStore.tla')],
        { engine: 'tlc', config: join(root, 'specs', 'idempotency', 'NoFencing.cfg'), saveTraces: dir },
        io,
      );
      expect(code).toBe(12);
      const file = join(dir, 'IdempotencyStore', 'IdempotencyStore-AtMostOnceEffect.itf.json');
      const itf = JSON.parse(readFileSync(file, 'utf8'));
      for (const state of itf.states.slice(1)) {
        const { name, params } = state['#meta'].action;
        if (name !== 'Tick') expect(Object.keys(params).length, name).toBeGreaterThan(0);
      }
      vi.stubEnv('IDEM_CONFIG', 'idempotency/NoFencing.cfg');
      const replayed = await runReplay(
        file,
        { binding: join(root, 'test', 'impl', 'idempotency', 'cli-binding.ts') },
        io,
      );
      expect(replayed).toBe(0);
    },
    300_000,
  );
});
