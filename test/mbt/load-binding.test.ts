import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBinding } from '../../src/mbt/index.js';
import { KV_DIR } from './kv-model.js';

describe('loadBinding', () => {
  it('loads a TypeScript module exporting the binding as default or as `binding`', async () => {
    expect((await loadBinding(join(KV_DIR, 'binding.ts'))).value?.name).toBe('kv-store');
    expect((await loadBinding(join(KV_DIR, 'forgetful-binding.ts'))).value?.name).toBe('forgetful-kv-store');
  });

  it('loads a JavaScript module', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-binding-'));
    const file = join(dir, 'b.mjs');
    writeFileSync(
      file,
      `export const binding = { name: 'js', create: () => ({}), actions: {}, observe: () => ({}) };\n`,
    );
    expect((await loadBinding(file)).value?.name).toBe('js');
  });

  it('explains a missing file, a module that does not load, and a module without a binding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-binding-'));
    expect((await loadBinding(join(dir, 'none.ts'))).diagnostics[0]!.message).toMatch(
      /none\.ts: file not found/,
    );
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'throw new Error("boom");\n');
    expect((await loadBinding(broken)).diagnostics[0]!.message).toMatch(
      /Cannot load the binding module .*boom/,
    );
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, 'export const x = 1;\n');
    expect((await loadBinding(empty)).diagnostics[0]!.message).toMatch(/exports no binding/);
  });
});
