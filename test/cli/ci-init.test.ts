import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { readManifest } from '../../src/cli/check-jobs.js';
import { runInit } from '../../src/cli/init.js';
import { captureIO } from './capture-io.js';

function init(dir: string, options = {}) {
  const { io, out } = captureIO();
  return { code: runInit(dir, options, io), ...out };
}

describe('tlaw init', () => {
  it('scaffolds a spec, its cfg and models.json, a binding, a vitest file and the workflow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-init-'));
    const r = init(dir, { json: true });
    expect(r.code).toBe(0);
    const { written, kept } = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(kept).toEqual([]);
    // Paths are shown relative to the working directory, wherever the checkout is: cut at the folder's name.
    const name = basename(dir);
    const files = (written as string[]).map((f) => f.slice(f.indexOf(name) + name.length + 1)).sort();
    expect(files).toEqual([
      '.github/workflows/tlaw.yml',
      'specs/Counter.cfg',
      'specs/Counter.tla',
      'specs/models.json',
      'src/counter.ts',
      'test/counter.binding.ts',
      'test/counter.test.ts',
    ]);
    expect(readFileSync(join(dir, 'test/counter.test.ts'), 'utf8')).toMatch(/traceTests\('traces\/counter'/);
    expect(readFileSync(join(dir, '.github/workflows/tlaw.yml'), 'utf8')).toMatch(/npx tlaw ci --junit/);
    const models = readManifest(join(dir, 'specs/models.json'), join(dir, 'specs'));
    expect(models.value?.map((m) => m.name)).toEqual(['counter', 'counter-random']);
  });

  it('writes a spec whose models all have their expected outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-init-'));
    init(dir);
    const { io, out } = captureIO();
    expect(await runCheck([join(dir, 'specs')], {}, io)).toBe(0);
    expect(out.stdout).toMatch(/2 of 2 models as expected/);
  });

  it('keeps existing files unless --force is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-init-'));
    init(dir);
    writeFileSync(join(dir, 'specs/Counter.tla'), 'mine');
    const again = init(dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/kept {2}.*specs\/Counter\.tla \(exists; --force overwrites it\)/);
    expect(readFileSync(join(dir, 'specs/Counter.tla'), 'utf8')).toBe('mine');
    init(dir, { force: true });
    expect(readFileSync(join(dir, 'specs/Counter.tla'), 'utf8')).toMatch(/MODULE Counter/);
  });

  it('reports a folder it cannot write with exit 152', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tlaw-init-')), 'a-file');
    writeFileSync(file, '');
    const r = init(join(file, 'project'));
    expect(r.code).toBe(152);
    expect(r.stderr).toMatch(/tlaw init: cannot write the project files/);
    expect(existsSync(join(file, 'project'))).toBe(false);
  });
});
