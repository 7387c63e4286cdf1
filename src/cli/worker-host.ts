/**
 * The `tlaw` program runs on a worker thread with a large stack.
 *
 * Parsing, name resolution, compilation and evaluation are recursive over
 * the syntax tree, and Node's main thread has under 1 MB of stack: a spec
 * with a few thousand nested parentheses, IFs or chained definitions would
 * overflow it. A worker thread gets the stack it asks for
 * (`resourceLimits.stackSizeMb` sizes both the thread and V8's limit, unlike
 * `node --stack-size`, which can outrun the real thread stack and crash).
 *
 * The main thread stays idle, so it can answer signals while the worker
 * searches: the first SIGINT, SIGTERM or SIGHUP sets a shared flag that the search
 * reads (src/cli/stop-request.ts), so it stops and prints the counts so far;
 * a second one ends the program at once. Either way the exit code is
 * 128 + the signal's number (130, 143, 129), what a JVM running TLC exits with.
 */
import { constants, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';

/**
 * Stack of the worker thread (TLAW_STACK_MB overrides it). Deep specs need
 * hundreds of bytes per nesting level and phase; a larger stack also makes
 * an endless recursion in a spec take longer to be reported.
 */
export function workerStackMb(): number {
  const asked = Number(process.env.TLAW_STACK_MB);
  return Number.isInteger(asked) && asked >= 4 ? asked : DEFAULT_STACK_MB;
}
const DEFAULT_STACK_MB = 256;

/**
 * The heap limit of the thread that runs tlaw, in MB: `TLAW_HEAP_MB` when
 * set; none of tlaw's (undefined) when the user gave Node
 * `--max-old-space-size`; else 3/4 of the machine's memory, or V8's default
 * if that is more. V8's default (4 GB on a 24 GB machine) is what a large
 * model's queue of live states outgrows; the limit reserves nothing, the
 * heap only grows to it if the search needs it.
 */
export function workerHeapMb(): number | undefined {
  const asked = Number(process.env.TLAW_HEAP_MB);
  if (Number.isInteger(asked) && asked >= 64) return asked;
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''];
  if (flags.some((f) => f.includes('--max-old-space-size'))) return undefined;
  const v8Default = getHeapStatistics().heap_size_limit / 2 ** 20;
  return Math.floor(Math.max(v8Default, (totalmem() * 0.75) / 2 ** 20));
}

/** What the worker reads from `workerData`. */
export interface WorkerInput {
  argv: string[];
  /** Int32 slot 0: the number of the signal that asked the search to stop, 0 while none did. */
  stop: SharedArrayBuffer;
  /** The parent's terminal state: the worker's own streams are pipes. */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** A hang-up (the terminal or the session gone, output kept in a file) stops with the summary too. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs `entry` (the module that calls `main`) on a worker thread; resolves when it has ended. */
export function runCliInWorker(entry: URL, argv: string[]): Promise<void> {
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const workerData: WorkerInput = {
    argv,
    stop,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
  const [script, evalOption] = workerScript(entry);
  const worker = new Worker(script, {
    ...evalOption,
    workerData,
    resourceLimits: { stackSizeMb: workerStackMb(), ...heapLimit() },
  });
  let signalled = 0;
  const onSignal = (name: NodeJS.Signals): void => {
    const number = constants.signals[name];
    if (signalled !== 0) {
      // A second signal: the user does not want to wait for the summary.
      process.exit(128 + signalled);
    }
    signalled = number;
    Atomics.store(flag, 0, number);
    // Code that awaits (the TLC runner) listens for the signal as an event.
    worker.postMessage({ signal: name });
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  endQuietlyOnBrokenPipe(() => void worker.terminate());
  return new Promise((resolve) => {
    worker.on('error', (err) => {
      process.stderr.write(`tlaw: internal error: ${err.message}\n`);
      if (process.env.TLAW_DEBUG && err.stack) process.stderr.write(`${err.stack}\n`);
      process.exitCode = 255;
    });
    worker.on('exit', (code) => {
      for (const s of STOP_SIGNALS) process.off(s, onSignal);
      if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
      if (signalled !== 0) process.exitCode = 128 + signalled;
      resolve();
    });
  });
}

/** Run from the TypeScript sources (tests, `tsx src/cli.ts`), the worker registers tsx's loader first. */
function workerScript(entry: URL): [URL | string, { eval?: boolean }] {
  if (!entry.pathname.endsWith('.ts')) return [entry, {}];
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return [code, { eval: true }];
}

/**
 * A reader that goes away (`tlaw parse X --json | head -1`) is not an error
 * of tlaw's: stop writing and end as a program killed by SIGPIPE does (141),
 * without a stack trace.
 */
export function endQuietlyOnBrokenPipe(onBroken: () => void = () => {}): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      onBroken();
      process.exit(128 + constants.signals.SIGPIPE);
    });
  }
}

function heapLimit(): { maxOldGenerationSizeMb?: number } {
  const mb = workerHeapMb();
  return mb === undefined ? {} : { maxOldGenerationSizeMb: mb };
}
