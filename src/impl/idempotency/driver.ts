/**
 * A controllable rig around the middleware for step-by-step tests: named
 * workers receive requests whose handlers wait for an explicit command to
 * commit a step, finish with an outcome, or "crash" (never continue).
 * The clock, store outages and record cleanup are driven explicitly, and
 * `observe()` reports the idempotency table, the business effects per
 * (user, key, step) and the final responses clients received.
 *
 * Keys and payloads are short names ("k1", "p1"); the rig maps keys to
 * UUIDs and payloads to request bodies.
 */
import { randomUUID } from 'node:crypto';
import { requestFingerprint } from './fingerprint.js';
import { createIdempotencyMiddleware, type Handler, type ProcessRequest } from './middleware.js';
import type { SqliteIdempotencyStore } from './sqlite-store.js';
import {
  type IdempotencyStore,
  type RecordStatus,
  type StoredResponse,
  StoreUnavailableError,
} from './types.js';

export type Outcome = 'ok' | 'rejected' | 'error';

export interface DriverOptions {
  store: SqliteIdempotencyStore;
  /** The clock the store reads; `tick()` advances it by `tickMs`. */
  clock: { advance(ms: number): void };
  tickMs: number;
  /** Builds the middleware to drive (default: the correct one). */
  middleware?: (store: IdempotencyStore) => ProcessRequest;
  /** Business steps per request; 2 or more makes each request a workflow. */
  steps?: number;
}

/** What a handler produced: who it ran for. Response bodies carry it. */
export interface Produced {
  user: string;
  key: string;
  payload: string;
}

export interface ObservedRecord {
  user: string;
  key: string;
  status: RecordStatus;
  /** The payload whose fingerprint the record holds ('' if unknown). */
  payload: string;
  /** Cached response status, if any. */
  code?: number;
  /** Who the cached response was produced for, if any. */
  body?: Produced;
  lockToken: string;
  lockedUntil: number;
  createdAt: number;
  progress: number;
}

export interface ObservedResponse {
  user: string;
  key: string;
  payload: string;
  status: number;
  body: Produced | undefined;
}

export interface Observation {
  records: ObservedRecord[];
  effects: { user: string; key: string; step: number; count: number }[];
  /** Final responses clients received (2xx and 4xx; not 400 without key, 409, 422, 5xx). */
  responses: ObservedResponse[];
}

type Command = { kind: 'step' } | { kind: 'finish'; outcome: Outcome };

interface Worker {
  intent: Produced;
  withKey: boolean;
  commands: Command[];
  wake?: () => void;
  /** Set while the worker is held at a pause point; calling it resumes the worker. */
  paused?: () => void;
  /** Resolves when the handler waits for its next command. */
  waiting: Promise<void>;
  signalWaiting: () => void;
  response: Promise<StoredResponse>;
}

export type ReceiveResult = { kind: 'running' } | { kind: 'answered'; response: StoredResponse };

const ANSWERED = Symbol('answered');

export class RequestDriver {
  private readonly workers = new Map<string, Worker>();
  private readonly keyIds = new Map<string, string>();
  private readonly payloadByFingerprint = new Map<string, string>();
  private readonly responses: ObservedResponse[] = [];
  private outage = false;
  /** The worker being driven right now: the one a pause point holds. */
  private active: Worker | undefined;
  private readonly process: ProcessRequest;
  private readonly steps: number;

  constructor(private readonly options: DriverOptions) {
    this.steps = options.steps ?? 1;
    const store = options.store;
    const outageAware: IdempotencyStore = Object.create(store, {
      acquire: {
        value: (...args: Parameters<IdempotencyStore['acquire']>) => {
          if (this.outage) return Promise.reject(new StoreUnavailableError('store outage'));
          return store.acquire(...args);
        },
      },
    });
    this.process = (options.middleware ?? createIdempotencyMiddleware)(outageAware);
  }

  /** The UUID standing for a key name. */
  keyId(name: string): string {
    let id = this.keyIds.get(name);
    if (id === undefined) {
      id = randomUUID();
      this.keyIds.set(name, id);
    }
    return id;
  }

  private keyName(id: string): string {
    for (const [name, value] of this.keyIds) if (value === id) return name;
    return id;
  }

  private body(payload: string): string {
    const body = JSON.stringify({ amount: 1, to: payload });
    this.payloadByFingerprint.set(requestFingerprint('POST', '/transfers', body), payload);
    return body;
  }

  private stepName(n: number): string {
    return this.steps === 1 ? 'transfer' : `step-${n}`;
  }

  private handler(worker: () => Worker): Handler {
    const next = async (): Promise<Command> => {
      const w = worker();
      while (w.commands.length === 0) {
        await new Promise<void>((resolve) => {
          w.wake = resolve;
          w.signalWaiting();
        });
      }
      return w.commands.shift()!;
    };
    return async (request, context) => {
      const { intent } = worker();
      const keyId = this.keyId(intent.key);
      const effect = (n: number) => (db: SqliteIdempotencyStore['db']) =>
        db
          .prepare(
            'INSERT INTO transfers (id, user_id, idem_key, step, amount, recipient) VALUES (?, ?, ?, ?, 1, ?)',
          )
          .run(randomUUID(), request.user, keyId, this.stepName(n), intent.payload);
      for (let n = context.resumeAfter + 1; n < this.steps; n++) {
        const command = await next();
        if (command.kind !== 'step') throw new Error(`worker expected "step", got "${command.kind}"`);
        await context.step(n, effect(n));
      }
      const command = await next();
      if (command.kind !== 'finish') throw new Error('worker expected "finish"');
      const body = JSON.stringify(intent);
      if (command.outcome === 'error') return { status: 500, body: '{"error":"transient"}' };
      if (command.outcome === 'rejected') return { status: 400, body };
      return { status: 201, body, effect: effect(this.steps) };
    };
  }

  /** Worker `worker` takes a request; resolves once its handler runs or the request is answered. */
  async receive(
    worker: string,
    user: string,
    key: string,
    payload: string,
    withKey = true,
  ): Promise<ReceiveResult> {
    if (this.workers.has(worker)) throw new Error(`worker ${worker} is busy`);
    let signalWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => {
      signalWaiting = resolve;
    });
    const w: Worker = {
      intent: { user, key, payload },
      withKey,
      commands: [],
      waiting,
      signalWaiting,
      response: null!,
    };
    const request = {
      method: 'POST',
      path: '/transfers',
      user,
      headers: withKey ? { 'idempotency-key': this.keyId(key) } : {},
      body: this.body(payload),
    };
    this.workers.set(worker, w);
    this.active = w;
    w.response = this.process(
      request,
      this.handler(() => w),
    ).then((response) => {
      this.record(w, response);
      return response;
    });
    const response = await this.settle(worker, w);
    return response === undefined ? { kind: 'running' } : { kind: 'answered', response };
  }

  /**
   * Wait until worker `w` waits for a command, is held at a pause point, or
   * is answered (then it is idle again and the response is returned).
   */
  private async settle(name: string, w: Worker): Promise<StoredResponse | undefined> {
    const first = await Promise.race([w.waiting, w.response.then(() => ANSWERED)]);
    if (first !== ANSWERED) return undefined;
    this.workers.delete(name);
    return w.response;
  }

  /**
   * A pause point for stores and middleware (e.g. between a lookup and an
   * insert): holds the worker being driven until `resume` is called for it.
   */
  pause(): Promise<void> {
    const w = this.active;
    if (w === undefined) return Promise.resolve();
    return new Promise<void>((resolve) => {
      w.paused = resolve;
      w.signalWaiting();
    });
  }

  /** Let a worker held at a pause point continue; resolves like `finish`. */
  async resume(worker: string): Promise<StoredResponse | undefined> {
    const w = this.busy(worker);
    const go = w.paused;
    if (go === undefined) throw new Error(`worker ${worker} is not paused`);
    w.paused = undefined;
    w.waiting = new Promise<void>((resolve) => {
      w.signalWaiting = resolve;
    });
    this.active = w;
    go();
    return this.settle(worker, w);
  }

  private busy(worker: string): Worker {
    const w = this.workers.get(worker);
    if (w === undefined) throw new Error(`worker ${worker} is idle`);
    return w;
  }

  private send(w: Worker, command: Command): void {
    if (w.paused !== undefined) throw new Error('worker is held at a pause point: resume it');
    this.active = w;
    w.waiting = new Promise<void>((resolve) => {
      w.signalWaiting = resolve;
    });
    w.commands.push(command);
    w.wake?.();
  }

  /** Let worker `worker` commit its next workflow step. Resolves with the response if it lost its lock. */
  async commitStep(worker: string): Promise<StoredResponse | undefined> {
    const w = this.busy(worker);
    this.send(w, { kind: 'step' });
    return this.settle(worker, w);
  }

  /**
   * Worker `worker`'s handler finishes with `outcome`; resolves with the
   * response sent, or undefined if a pause point holds the worker first.
   */
  async finish(worker: string, outcome: Outcome): Promise<StoredResponse | undefined> {
    const w = this.busy(worker);
    this.send(w, { kind: 'finish', outcome });
    return this.settle(worker, w);
  }

  /** Worker `worker` dies: its handler never continues, its lock stays. */
  crash(worker: string): void {
    this.busy(worker);
    this.workers.delete(worker);
  }

  tick(): void {
    this.options.clock.advance(this.options.tickMs);
  }

  /** A request arrives while the store is down. */
  async storeFailure(user: string, key: string, payload: string): Promise<StoredResponse> {
    this.outage = true;
    try {
      const result = await this.receive(`outage-${randomUUID()}`, user, key, payload);
      if (result.kind !== 'answered') throw new Error('a handler ran during a store outage');
      return result.response;
    } finally {
      this.outage = false;
    }
  }

  /** Run the store's cleanup of expired records. */
  cleanup(): number {
    return this.options.store.cleanup();
  }

  private record(w: Worker, response: StoredResponse): void {
    if (!w.withKey || ![2, 4].includes(Math.floor(response.status / 100))) return;
    if (response.status === 409 || response.status === 422) return;
    this.responses.push({ ...w.intent, status: response.status, body: parseProduced(response.body) });
  }

  observe(): Observation {
    const records = this.options.store.all().map((r) => {
      const observed: ObservedRecord = {
        user: r.user,
        key: this.keyName(r.key),
        status: r.status,
        payload: this.payloadByFingerprint.get(r.fingerprint) ?? '',
        lockToken: r.lockToken,
        lockedUntil: r.lockedUntil,
        createdAt: r.createdAt,
        progress: r.progress,
      };
      if (r.response !== undefined) {
        observed.code = r.response.status;
        observed.body = parseProduced(r.response.body);
      }
      return observed;
    });
    const rows = this.options.store.db
      .prepare<[], { user_id: string; idem_key: string; step: string; n: number }>(
        'SELECT user_id, idem_key, step, COUNT(*) AS n FROM transfers GROUP BY user_id, idem_key, step',
      )
      .all();
    const effects = rows.map((row) => ({
      user: row.user_id,
      key: this.keyName(row.idem_key),
      step: row.step === 'transfer' ? 1 : Number(row.step.slice('step-'.length)),
      count: row.n,
    }));
    return { records, effects, responses: [...this.responses] };
  }
}

function parseProduced(body: Buffer): Produced | undefined {
  try {
    const value = JSON.parse(body.toString()) as Partial<Produced>;
    if (
      typeof value.user === 'string' &&
      typeof value.key === 'string' &&
      typeof value.payload === 'string'
    ) {
      return { user: value.user, key: value.key, payload: value.payload };
    }
  } catch {
    // not a handler body
  }
  return undefined;
}
