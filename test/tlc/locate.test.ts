import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findJava, findTlaJar, locateTlc } from '../../src/tlc/index.js';

const FAKE_JAVA_HOME = resolve(import.meta.dirname, '..', '..', 'tools', 'fake-java');
const root = mkdtempSync(join(tmpdir(), 'tlaw-locate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findJava', () => {
  it('prefers JAVA_HOME/bin/java, then looks on PATH', () => {
    expect(findJava({ JAVA_HOME: FAKE_JAVA_HOME, PATH: '' })).toBe(join(FAKE_JAVA_HOME, 'bin', 'java'));
    expect(findJava({ PATH: `${join(root, 'nothing-here')}:${join(FAKE_JAVA_HOME, 'bin')}` })).toBe(
      join(FAKE_JAVA_HOME, 'bin', 'java'),
    );
    expect(findJava({ JAVA_HOME: root, PATH: '' })).toBeUndefined();
  });
});

describe('findTlaJar', () => {
  const tools = join(root, 'tools');
  mkdirSync(tools);
  const inTools = join(tools, 'tla2tools.jar');
  const fromEnv = join(root, 'env.jar');
  const fromFlag = join(root, 'flag.jar');
  for (const f of [inTools, fromEnv, fromFlag]) writeFileSync(f, '');

  it('takes --tlc-jar, then TLA2TOOLS_JAR, then tools/tla2tools.jar', () => {
    expect(findTlaJar({ tlcJar: fromFlag, env: { TLA2TOOLS_JAR: fromEnv }, projectRoot: root }).jar).toBe(
      fromFlag,
    );
    expect(findTlaJar({ env: { TLA2TOOLS_JAR: fromEnv }, projectRoot: root }).jar).toBe(fromEnv);
    expect(findTlaJar({ env: {}, projectRoot: root }).jar).toBe(inTools);
    expect(findTlaJar({ env: {}, projectRoot: join(root, 'tools') }).jar).toBeUndefined();
  });

  it('says when an explicitly named jar does not exist instead of falling back', () => {
    const r = locateTlc({
      tlcJar: join(root, 'missing.jar'),
      env: { JAVA_HOME: FAKE_JAVA_HOME },
      projectRoot: root,
    });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      `tla2tools.jar was not found: the jar given with --tlc-jar does not exist: ${join(root, 'missing.jar')}; ` +
        'run `tlaw tlc install`, pass --tlc-jar <path>, or set TLA2TOOLS_JAR.',
    ]);
  });

  it('reports both tools missing at once', () => {
    const r = locateTlc({ env: { PATH: '' }, projectRoot: join(root, 'tools') });
    expect(r.diagnostics.map((d) => d.message.split(':')[0])).toEqual([
      'Java was not found',
      'tla2tools.jar was not found',
    ]);
  });
});
