import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TLA2TOOLS_RELEASE, tlcInstall } from '../../src/tlc/index.js';

const JAR_BYTES = new TextEncoder().encode('PK pretend jar');
const JAR_SHA = createHash('sha256').update(JAR_BYTES).digest('hex');
const serve = (bytes: Uint8Array, status = 200): typeof fetch =>
  (async () => new Response(Buffer.from(bytes), { status })) as typeof fetch;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tlaw-install-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('tlcInstall', () => {
  it('pins a release with a SHA-256', () => {
    expect(TLA2TOOLS_RELEASE.url).toMatch(
      /^https:\/\/github\.com\/tlaplus\/tlaplus\/releases\/download\/v[\d.]+\/tla2tools\.jar$/,
    );
    expect(TLA2TOOLS_RELEASE.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the jar when the checksum matches, leaving no temporary file', async () => {
    const dest = join(dir, 'tools', 'tla2tools.jar');
    const r = await tlcInstall(dest, { fetch: serve(JAR_BYTES), sha256: JAR_SHA });
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toBe(dest);
    expect(readFileSync(dest)).toEqual(Buffer.from(JAR_BYTES));
    expect(readdirSync(join(dir, 'tools'))).toEqual(['tla2tools.jar']);
  });

  it('keeps a jar that is already there with the right checksum', async () => {
    const dest = join(dir, 'tla2tools.jar');
    await tlcInstall(dest, { fetch: serve(JAR_BYTES), sha256: JAR_SHA });
    const failing = (async () => {
      throw new Error('no network needed');
    }) as typeof fetch;
    expect((await tlcInstall(dest, { fetch: failing, sha256: JAR_SHA })).value).toBe(dest);
  });

  it('refuses a download whose checksum differs', async () => {
    const dest = join(dir, 'tla2tools.jar');
    const r = await tlcInstall(dest, { fetch: serve(JAR_BYTES) });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]?.message).toBe(
      `The downloaded tla2tools.jar has SHA-256 ${JAR_SHA}, not the pinned ${TLA2TOOLS_RELEASE.sha256}: it was not installed.`,
    );
    expect(existsSync(dest)).toBe(false);
  });

  it('reports an HTTP error in one sentence', async () => {
    const r = await tlcInstall(join(dir, 'j.jar'), { fetch: serve(new Uint8Array(), 404) });
    expect(r.diagnostics[0]?.message).toMatch(
      /^Could not download tla2tools\.jar from \S+ \(HTTP 404\): .*TLA2TOOLS_JAR/,
    );
  });

  it('fails with one clear sentence when the release cannot be reached', async () => {
    const dest = join(dir, 'tla2tools.jar');
    const r = await tlcInstall(dest, { timeoutMs: 3000 });
    if (r.value) return; // This machine can reach GitHub: the download itself was the check.
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.message).toMatch(
      /^Could not download tla2tools\.jar from https:\/\/github\.com\/\S+ \(.+\): check the network connection, or download it yourself and set TLA2TOOLS_JAR to its path\.$/,
    );
    expect(existsSync(dest)).toBe(false);
  });
});
