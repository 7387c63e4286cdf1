/**
 * The threads of the parallel search, kept between searches: starting a
 * thread and importing the checker into it costs far more than compiling a
 * small spec, so a process that checks many models (a folder, a models.json,
 * a test suite) starts its workers once. Each search asks them to compile
 * its own model first. The threads are unreferenced: they never keep the
 * process alive. They are started by a supervisor thread (pool-supervisor.ts)
 * that reports a worker that stops, so that a waiting coordinator ends with
 * an error instead of waiting for ever.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  STOPPED_WAKE,
  type SupervisorData,
  supervisorSource,
  type WorkerStopped,
} from './pool-supervisor.js';
import type { WorkerReply, WorkerRequest, WorkerStart } from './protocol.js';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** A worker of the pool stopped (it ran out of memory, or crashed): the pool cannot go on. */
export class WorkerStoppedError extends Error {
  constructor(readonly stopped: WorkerStopped) {
    const hint =
      stopped.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? ' (out of memory: use fewer --workers, --queue-memory, or more heap with NODE_OPTIONS=--max-old-space-size=<MB>)'
        : '';
    super(`search worker ${stopped.worker + 1} stopped: ${stopped.reason}${hint}`);
    this.name = 'WorkerStoppedError';
  }
}

export class WorkerPool {
  private readonly ports: MessagePort[] = [];
  private readonly supervisor: Worker;
  /** Where the supervisor reports a worker that stopped. */
  private readonly reports: MessagePort;
  /** Set once a worker stopped: the pool is not used again. */
  broken: WorkerStopped | undefined;
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  /** Word 0 is set by a worker that met an event, so that the others stop early. */
  readonly eventFlag = new Int32Array(new SharedArrayBuffer(4));
  /** A search is using the pool. */
  busy = false;

  constructor(entry: URL, size: number, stackSizeMb = 64) {
    const workers: WorkerStart[] = [];
    const transfer: MessagePort[] = [];
    for (let i = 0; i < size; i++) {
      const { port1, port2 } = new MessageChannel();
      port1.unref();
      this.ports.push(port1);
      workers.push(this.workerStart(port2));
      transfer.push(port2);
    }
    const reports = new MessageChannel();
    reports.port1.unref();
    this.reports = reports.port1;
    const [script, evaluate] = workerScript(entry);
    const data: SupervisorData = {
      script,
      evaluate,
      stackSizeMb,
      workers,
      report: reports.port2,
      answered: this.answered.buffer as SharedArrayBuffer,
    };
    this.supervisor = new Worker(supervisorSource, {
      eval: true,
      workerData: data,
      transferList: [...transfer, reports.port2],
      stdout: false,
      stderr: false,
    });
    this.supervisor.unref();
  }

  get size(): number {
    return this.ports.length;
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
    this.ports[w]!.postMessage(request, transfer);
  }

  /**
   * Waits, blocking the thread, until every worker has answered its last
   * request; returns the answers in worker order. Throws a WorkerStoppedError
   * when a worker stopped instead (the pool is then ended).
   */
  collect(): WorkerReply[] {
    const n = this.ports.length;
    for (;;) {
      const answered = Atomics.load(this.answered, 0);
      if (answered >= STOPPED_WAKE || this.stoppedWorker()) this.fail();
      if (answered >= n) break;
      Atomics.wait(this.answered, 0, answered, 1000);
    }
    Atomics.sub(this.answered, 0, n); // not a store of 0: a stop reported meanwhile must stay seen
    return this.ports.map((port) => {
      let received = receiveMessageOnPort(port);
      while (!received) {
        if (this.stoppedWorker()) this.fail();
        Atomics.wait(pause, 0, 0, 1); // counted but not yet delivered: a moment
        received = receiveMessageOnPort(port);
      }
      return received.message as WorkerReply;
    });
  }

  /** Whether a worker stopped (its report taken into `broken`). */
  stoppedWorker(): boolean {
    if (!this.broken) {
      const report = receiveMessageOnPort(this.reports);
      if (report) this.broken = report.message as WorkerStopped;
    }
    return this.broken !== undefined;
  }

  /** Ends the threads (a pool that is not reused). */
  end(): void {
    for (const port of this.ports) port.close();
    this.reports.close();
    this.ports.length = 0;
    void this.supervisor.terminate(); // its workers end with it
  }

  private fail(): never {
    // The report is posted before the wake-up, but may take a moment to arrive.
    for (let i = 0; !this.stoppedWorker() && i < 1000; i++) Atomics.wait(pause, 0, 0, 1);
    this.broken ??= { worker: 0, reason: 'it stopped without a report' };
    forget(this);
    this.end();
    throw new WorkerStoppedError(this.broken);
  }
}

const pools = new Map<string, WorkerPool>();

function forget(pool: WorkerPool): void {
  for (const [key, p] of pools) if (p === pool) pools.delete(key);
}

/** A free pool of `size` threads running `entry`, reused across the searches of this process. */
export function sharedPool(entry: URL, size: number): WorkerPool {
  const key = `${entry.href}#${size}`;
  const pool = pools.get(key);
  if (pool && !pool.busy && !pool.stoppedWorker()) return pool;
  if (pool?.broken) {
    pools.delete(key);
    pool.end();
  }
  const fresh = new WorkerPool(entry, size);
  if (!pools.has(key)) pools.set(key, fresh);
  return fresh;
}

/** The worker's script; from the TypeScript sources (tests, tsx) it registers tsx's loader first. */
function workerScript(entry: URL): [string, boolean] {
  if (!entry.pathname.endsWith('.ts')) return [entry.href, false];
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return [code, true];
}
