import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runTlcInstall, runTlcLocate } from '../../src/cli/tlc.js';
import { captureIO } from './capture-io.js';

const JAR = new TextEncoder().encode('PK a jar');
const JAR_SHA = createHash('sha256').update(JAR).digest('hex');

describe('tlaw tlc install', () => {
  it('fails in one sentence, exit 152, when the download is unreachable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-tlc-'));
    const { out, io } = captureIO();
    const offline = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    }) as typeof fetch;
    const code = await runTlcInstall({ dest: join(dir, 'tools', 'tla2tools.jar') }, io, { fetch: offline });
    expect(code).toBe(152);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(
      /^tlaw tlc install: Could not download tla2tools\.jar from https:\/\/github\.com\/\S+ \(ENOTFOUND\): [^\n]*TLA2TOOLS_JAR[^\n]*\.\n$/,
    );
  });

  it('fails the same way against a mirror that refuses the connection, with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-tlc-'));
    const { out, io } = captureIO();
    const code = await runTlcInstall(
      { dest: join(dir, 'j.jar'), url: 'http://127.0.0.1:9/tla2tools.jar', json: true },
      io,
      { timeoutMs: 5_000 },
    );
    expect(code).toBe(152);
    const json = JSON.parse(out.stdout);
    expect(json.ok).toBe(false);
    expect(json.diagnostics[0].message).toMatch(
      /^Could not download tla2tools\.jar from http:\/\/127\.0\.0\.1:9/,
    );
  });

  it('installs a jar whose checksum matches, and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-tlc-'));
    const dest = join(dir, 'tools', 'tla2tools.jar');
    const { out, io } = captureIO();
    const serve = (async () => new Response(Buffer.from(JAR))) as typeof fetch;
    const code = await runTlcInstall({ dest, sha256: JAR_SHA.toUpperCase() }, io, { fetch: serve });
    expect(code).toBe(0);
    expect(out.stdout).toBe(`tla2tools.jar is installed at ${dest}\n`);
    expect(readFileSync(dest)).toEqual(Buffer.from(JAR));
  });
});

describe('tlaw tlc locate', () => {
  it('names each missing tool and how to get it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-tlc-'));
    const { out, io } = captureIO();
    const code = runTlcLocate({}, io, { env: { PATH: dir }, projectRoot: dir });
    expect(code).toBe(152);
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^tlaw tlc locate: Java was not found: .*JAVA_HOME\.$/);
    expect(lines[1]).toMatch(/^tlaw tlc locate: tla2tools\.jar was not found: run `tlaw tlc install`/);
  });

  it('prints the java and the jar it found (JSON too)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlaw-tlc-'));
    mkdirSync(join(dir, 'bin'));
    const java = join(dir, 'bin', 'java');
    writeFileSync(java, '#!/bin/sh\n');
    chmodSync(java, 0o755);
    mkdirSync(join(dir, 'tools'));
    const jar = join(dir, 'tools', 'tla2tools.jar');
    writeFileSync(jar, JAR);
    const text = captureIO();
    expect(runTlcLocate({}, text.io, { env: { JAVA_HOME: dir }, projectRoot: dir })).toBe(0);
    expect(text.out.stdout).toBe(`java: ${java}\ntla2tools.jar: ${jar}\n`);
    const json = captureIO();
    expect(runTlcLocate({ tlcJar: jar, json: true }, json.io, { env: { PATH: join(dir, 'bin') } })).toBe(0);
    expect(JSON.parse(json.out.stdout)).toEqual({ ok: true, java, jar });
  });
});

describe('tlaw tlc (the program)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('wires locate and its --tlc-jar option', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await buildProgram().parseAsync([
      'node',
      'tlaw',
      'tlc',
      'locate',
      '--tlc-jar',
      '/nonexistent/tla2tools.jar',
    ]);
    expect(process.exitCode).toBe(152);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(
      /tla2tools\.jar was not found: the jar given with --tlc-jar does not exist: \/nonexistent\/tla2tools\.jar/,
    );
  });
});
