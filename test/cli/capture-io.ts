/** A command's output collected in memory: pass `io` to a `run…` function, read `out` afterwards. */
import type { CommandIO } from '../../src/cli/io.js';

export function captureIO(): { io: CommandIO; out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  const io: CommandIO = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
  };
  return { io, out };
}
