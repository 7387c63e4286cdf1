/**
 * No JVM outlives tlaw. TLC runs as the leader of its own process group so
 * that the whole group can be stopped; but then a terminal's SIGINT or
 * SIGHUP does not reach it, and a tlaw that dies abruptly (SIGKILL, a second
 * Ctrl-C, a closed terminal, a crash) would leave it running. So a tiny
 * watcher process holds a pipe from tlaw: when the pipe closes without tlaw
 * saying "done" first, tlaw is gone, and the watcher stops the group
 * (SIGTERM, then SIGKILL after a grace period).
 */
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

const WATCHER = `
const group = Number(process.argv[1]);
const graceMs = Number(process.argv[2]);
let done = false;
const stop = (signal) => { try { process.kill(-group, signal); } catch {} };
process.stdin.on('data', (d) => { if (String(d).includes('done')) done = true; });
process.stdin.on('end', () => {
  if (done) process.exit(0);
  stop('SIGTERM');
  setTimeout(() => { stop('SIGKILL'); process.exit(0); }, graceMs);
});
process.stdin.on('error', () => {});
process.stdin.resume();
`;

export interface GroupGuard {
  /** The run ended normally: the watcher leaves the group alone and exits. */
  release(): void;
}

/** Starts a watcher that stops process group `pid` if this process ends without releasing it. */
export function guardProcessGroup(pid: number, graceMs = 2000): GroupGuard {
  const watcher = spawn(process.execPath, ['-e', WATCHER, String(pid), String(graceMs)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watcher.on('error', () => {});
  const stdin = watcher.stdin as Socket | null;
  stdin?.on('error', () => {});
  // Neither the watcher nor its pipe keeps this process alive.
  watcher.unref();
  stdin?.unref();
  return {
    release: () => {
      stdin?.end('done\n');
    },
  };
}
