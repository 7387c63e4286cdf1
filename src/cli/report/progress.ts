/**
 * The live progress line of a running check, on stderr and only when stderr
 * is a terminal (piped output stays clean). Redrawn in place at most every
 * 500 ms by the search's progress callback.
 */
import type { SearchProgress } from '../../check/search/index.js';

export interface ProgressLine {
  /** Callback for the search (`BfsOptions.onProgress`), or undefined when there is no terminal. */
  readonly onProgress: ((p: SearchProgress) => void) | undefined;
  /** Clears the line (call before printing the report). */
  done(): void;
}

/** The text of one progress line. */
export function formatProgress(p: SearchProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(p.totalStates / seconds) : 0;
  return (
    `${p.totalStates} states generated, ${p.distinctStates} distinct, ${p.statesLeftOnQueue} on queue, ` +
    `level ${p.level}, ${rate} states/s, ${seconds.toFixed(1)}s`
  );
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  if (!stream.isTTY) return { onProgress: undefined, done: () => {} };
  let drawn = false;
  return {
    onProgress: (p) => {
      stream.write(`\r\x1b[2K${formatProgress(p)}`);
      drawn = true;
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
