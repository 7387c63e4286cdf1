/**
 * The threads of the parallel search, kept between searches: starting a
 * thread and importing the checker into it costs far more than compiling a
 * small spec, so a process that checks many models (a folder, a models.json,
 * a test suite) starts its workers once. Each search asks them to compile
 * its own model first. The threads are unreferenced: they never keep the
 * process alive.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, WorkerStart } from './protocol.js';

const pause = new Int32Array(new SharedArrayBuffer(4));

interface Thread {
  worker: Worker;
  port: MessagePort;
}

export class WorkerPool {
  private readonly threads: Thread[] = [];
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  /** Word 0 is set by a worker that met an event, so that the others stop early. */
  readonly eventFlag = new Int32Array(new SharedArrayBuffer(4));
  /** A search is using the pool. */
  busy = false;

  constructor(entry: URL, size: number, stackSizeMb = 64) {
    for (let i = 0; i < size; i++) this.threads.push(startThread(entry, this, stackSizeMb));
  }

  get size(): number {
    return this.threads.length;
  }

  /** The buffers every worker shares with the coordinator. */
  workerStart(port: MessagePort): WorkerStart {
    return {
      answered: this.answered.buffer as SharedArrayBuffer,
      eventFlag: this.eventFlag.buffer as SharedArrayBuffer,
      port,
    };
  }

  /** Sends worker `w` a request (transferring `transfer`); its answer comes from `collect`. */
  send(w: number, request: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    this.threads[w]!.port.postMessage(request, transfer);
  }

  /**
   * Waits, blocking the thread, until every worker has answered its last
   * request; returns the answers in worker order.
   */
  collect(): WorkerReply[] {
    const n = this.threads.length;
    for (;;) {
      const answered = Atomics.load(this.answered, 0);
      if (answered >= n) break;
      Atomics.wait(this.answered, 0, answered, 1000);
    }
    Atomics.store(this.answered, 0, 0);
    return this.threads.map((t) => {
      let received = receiveMessageOnPort(t.port);
      while (!received) {
        Atomics.wait(pause, 0, 0, 1); // counted but not yet delivered: a moment
        received = receiveMessageOnPort(t.port);
      }
      return received.message as WorkerReply;
    });
  }

  /** Ends the threads (a pool that is not reused). */
  end(): void {
    for (const t of this.threads) {
      t.port.close();
      void t.worker.terminate();
    }
    this.threads.length = 0;
  }
}

const pools = new Map<string, WorkerPool>();

/** A free pool of `size` threads running `entry`, reused across the searches of this process. */
export function sharedPool(entry: URL, size: number): WorkerPool {
  const key = `${entry.href}#${size}`;
  const pool = pools.get(key);
  if (pool && !pool.busy) return pool;
  const fresh = new WorkerPool(entry, size);
  if (!pool) pools.set(key, fresh);
  return fresh;
}

function startThread(entry: URL, pool: WorkerPool, stackSizeMb: number): Thread {
  const { port1, port2 } = new MessageChannel();
  const [script, evalOption] = workerScript(entry);
  const worker = new Worker(script, {
    ...evalOption,
    workerData: pool.workerStart(port2),
    transferList: [port2],
    resourceLimits: { stackSizeMb },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

/** The worker's script; from the TypeScript sources (tests, tsx) it registers tsx's loader first. */
function workerScript(entry: URL): [URL | string, { eval?: boolean }] {
  if (!entry.pathname.endsWith('.ts')) return [entry, {}];
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return [code, { eval: true }];
}
