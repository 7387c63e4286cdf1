/**
 * tlaw as a package: `npm pack` gives a tarball that works in an empty
 * project — the API imports (`tla-workbench`, `tla-workbench/vitest`) with
 * their types, nothing else of the package is importable, `npx tlaw --help`
 * runs, and `tlaw init` + `tlaw ci` + vitest give the README's story: a
 * green gate, then a broken invariant that fails the gate with an
 * annotation and a saved counterexample that fails the tests.
 *
 * Offline and fast: the tarball is unpacked into the project's
 * node_modules/tla-workbench as `npm install` would, and each package named
 * in its `dependencies` (plus the peer vitest and @types/node for the type
 * check) is a symlink to this checkout's node_modules, so no registry is
 * asked and the native modules (tree-sitter, better-sqlite3) are not rebuilt.
 * Only those are linked: runtime code that imported a devDependency (tsx,
 * typescript, …) would fail here. The bin links in node_modules/.bin are
 * made as npm makes them.
 *
 * Slow test (about 30–60 s on a 2-core machine, mostly the TypeScript build
 * that `npm pack` runs through the `prepare` script).
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const SLOW = 180_000;

function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env },
  });
}

/** Packs this checkout and installs the tarball into a new empty project; returns the project folder. */
function packAndInstall(): string {
  const out = mkdtempSync(join(tmpdir(), 'tlaw-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', out], repo);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  const project = join(out, 'project');
  const pkgDir = join(project, 'node_modules', 'tla-workbench');
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const untar = run('tar', ['xzf', join(out, filename), '-C', pkgDir, '--strip-components=1'], project);
  if (untar.status !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const dep of [...Object.keys(pkg.dependencies), 'vitest', '@types/node']) {
    const link = join(project, 'node_modules', dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(repo, 'node_modules', dep), link);
  }
  const bin = join(project, 'node_modules', '.bin');
  mkdirSync(bin);
  symlinkSync('../tla-workbench/bin/tlaw.js', join(bin, 'tlaw'));
  chmodSync(join(pkgDir, 'bin', 'tlaw.js'), 0o755);
  symlinkSync('../vitest/vitest.mjs', join(bin, 'vitest'));
  return project;
}

const API_USE = `
import { checkSpecProperty, defineBinding, ExitCode, loadModel, replay } from 'tla-workbench';
const loaded = loadModel('specs/Counter.tla', 'specs/Counter.cfg');
let n = 0;
const binding = defineBinding({
  name: 'Counter',
  create: () => ({}),
  actions: { Inc: () => { if (n < 3) n++; }, Reset: () => { n = 0; } },
  observe: () => ({ count: n }),
});
const fast = await checkSpecProperty(loaded.model, { ...binding, create: () => { n = 0; return {}; } }, { numRuns: 20 });
let internal = 'importable';
try { await import('tla-workbench/src/mbt/index.js'); } catch (e) { internal = e.code; }
let vitestEntry = 'importable';
try { await import('tla-workbench/vitest'); } catch (e) { vitestEntry = e.code ?? e.message; }
console.log(JSON.stringify({ fast: fast.ok, internal, replay: typeof replay, safety: ExitCode.safetyViolation, vitestEntry }));
`;

const TYPES_USE = `
import { type Binding, defineBinding, ExitCode, replay } from 'tla-workbench';
import { traceTests } from 'tla-workbench/vitest';
const binding: Binding<{ n: number }> = defineBinding({
  name: 'X',
  create: () => ({ n: 0 }),
  actions: { Inc: (s) => { s.n++; } },
  observe: (s) => ({ n: s.n }),
});
const code: 12 = ExitCode.safetyViolation;
// @ts-expect-error the observed state must be TLA+ values
defineBinding({ name: 'Y', create: () => 0, actions: {}, observe: () => ({ n: new Date() }) });
export const used = [binding, code, replay, traceTests];
`;

describe('npm pack: tlaw installs into an empty project and works there', () => {
  let project = '';
  const tlaw = (args: string[], env: Record<string, string> = {}) =>
    run('npx', ['--offline', 'tlaw', ...args], project, env);

  beforeAll(() => {
    project = packAndInstall();
  }, SLOW);

  it(
    'npx tlaw --help lists the commands',
    () => {
      const r = tlaw(['--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Usage: tlaw/);
      expect(r.stdout).toMatch(/\n {2}ci \[options\] \[manifest\]/);
      expect(r.stdout).toMatch(/\n {2}init \[options\] \[dir\]/);
    },
    SLOW,
  );

  it(
    'tlaw init scaffolds a project whose gate passes, and the API is importable (only the API)',
    () => {
      const init = tlaw(['init']);
      expect(init.status).toBe(0);
      expect(init.stdout).toMatch(/wrote \.github\/workflows\/tlaw\.yml/);
      const gate = tlaw(['ci', '--junit', 'reports/ci.xml']);
      expect(gate.stdout).toMatch(/2 of 2 models as expected/);
      expect(gate.status).toBe(0);
      writeFileSync(join(project, 'api.mjs'), API_USE);
      const api = run(process.execPath, ['api.mjs'], project);
      expect(api.stderr).toBe('');
      expect(JSON.parse(api.stdout)).toEqual({
        fast: true,
        internal: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        replay: 'function',
        safety: 12,
        vitestEntry: 'importable',
      });
    },
    SLOW,
  );

  it(
    'ships its types: a TypeScript consumer type-checks against both entry points',
    () => {
      writeFileSync(join(project, 'types-use.ts'), TYPES_USE);
      const tsconfig = {
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        files: ['types-use.ts'],
      };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
      const tsc = run(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], project);
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    },
    SLOW,
  );

  it(
    'a broken invariant fails the gate (exit 12, ::error at the invariant) and the saved counterexample fails the tests',
    () => {
      const tests = run(join(project, 'node_modules', '.bin', 'vitest'), ['run'], project);
      expect(tests.status).toBe(0);
      const spec = join(project, 'specs', 'Counter.tla');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('Inc == count < Max', 'Inc == count <= Max'));
      const gate = tlaw(['ci', '--junit', 'reports/ci.xml'], { GITHUB_ACTIONS: 'true' });
      expect(gate.status).toBe(12);
      expect(gate.stdout).toMatch(
        /^::error file=specs\/Counter\.tla,line=15,col=1,title=tlaw ci%3A counter::/m,
      );
      expect(readFileSync(join(project, 'reports', 'ci.xml'), 'utf8')).toMatch(/failures="2"/);
      const after = run(join(project, 'node_modules', '.bin', 'vitest'), ['run'], project);
      expect(after.status).not.toBe(0);
      expect(after.stdout + after.stderr).toMatch(
        /counter-InRange\.itf\.json: the implementation diverges from the trace/,
      );
    },
    SLOW,
  );
});
