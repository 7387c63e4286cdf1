#!/usr/bin/env node
/**
 * A stand-in for `java ... tlc2.TLC ...` that replays a recorded TLC run, so
 * the TLC runner can be tested without Java. Point JAVA_HOME at
 * tools/fake-java (the executable is bin/java) and choose the recording with
 * environment variables:
 *
 *   TLAW_FAKE_JAVA_CASE            folder holding tlc-tool.out (replayed with -tool),
 *                                  tlc.out (without), expected.json (tlcExitCode)
 *                                  and trace.json (copied for -dumpTrace json <file>)
 *   TLAW_FAKE_JAVA_EXIT            exit code to use instead of expected.json's
 *   TLAW_FAKE_JAVA_SLEEP_MS        after printing half the recording, wait this long
 *                                  before printing the rest (to test timeouts)
 *   TLAW_FAKE_JAVA_CHILD_PID_FILE  start a long-sleeping child process and write its
 *                                  pid here (to test that the whole tree is stopped)
 *   TLAW_FAKE_JAVA_ARGS_FILE       write the command-line arguments, the folder and the
 *                                  text of the -config file here as JSON
 *   TLAW_FAKE_JAVA_PID_FILE        write this process's pid here once it has started
 *
 * Arguments are otherwise ignored.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const env = process.env;

if (env.TLAW_FAKE_JAVA_ARGS_FILE) {
  const config = args[args.indexOf('-config') + 1];
  const configText = args.includes('-config') && existsSync(config) ? readFileSync(config, 'utf8') : null;
  writeFileSync(env.TLAW_FAKE_JAVA_ARGS_FILE, JSON.stringify({ args, cwd: process.cwd(), configText }));
}
if (env.TLAW_FAKE_JAVA_PID_FILE) writeFileSync(env.TLAW_FAKE_JAVA_PID_FILE, String(process.pid));

const dir = env.TLAW_FAKE_JAVA_CASE;
if (!dir || !existsSync(dir)) {
  process.stderr.write('Error: Could not find or load main class tlc2.TLC\n');
  process.exit(1);
}

if (env.TLAW_FAKE_JAVA_CHILD_PID_FILE) {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
  writeFileSync(env.TLAW_FAKE_JAVA_CHILD_PID_FILE, String(child.pid));
}

const recording = readFileSync(join(dir, args.includes('-tool') ? 'tlc-tool.out' : 'tlc.out'), 'utf8');
const expectedFile = join(dir, 'expected.json');
const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : {};
const exitCode =
  env.TLAW_FAKE_JAVA_EXIT !== undefined ? Number(env.TLAW_FAKE_JAVA_EXIT) : (expected.tlcExitCode ?? 0);

const dump = args.indexOf('-dumpTrace');
if (dump >= 0 && args[dump + 1] === 'json' && args[dump + 2] && existsSync(join(dir, 'trace.json'))) {
  copyFileSync(join(dir, 'trace.json'), args[dump + 2]);
}

const lines = recording.split(/(?<=\n)/);
const half = Math.ceil(lines.length / 2);
const write = (text) => new Promise((done) => process.stdout.write(text, done));

await write(lines.slice(0, half).join(''));
const sleep = Number(env.TLAW_FAKE_JAVA_SLEEP_MS ?? 0);
if (sleep > 0) await new Promise((done) => setTimeout(done, sleep));
await write(lines.slice(half).join(''));
process.exit(exitCode);
