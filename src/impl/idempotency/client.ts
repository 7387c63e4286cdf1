/**
 * Client SDK: one idempotency key per user intent, reused on every retry.
 *
 * Retries network errors, 409 (in progress), 429 and 5xx with exponential
 * backoff and full jitter, waiting at least what `Retry-After` asks; stops
 * at the first non-retryable answer (2xx, other 4xx).
 */
import { randomUUID } from 'node:crypto';

export interface ClientOptions {
  baseUrl: string;
  /** Bearer token of the user (see `issueToken`), sent as `Authorization: Bearer <token>`. */
  token: string;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injectable for tests. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

export interface ClientResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The key used for every attempt of this intent. */
  key: string;
  attempts: number;
}

export class RetriesExhaustedError extends Error {
  constructor(
    readonly key: string,
    readonly attempts: number,
    readonly last: ClientResponse | undefined,
    options?: { cause?: unknown },
  ) {
    super(`gave up after ${attempts} attempts (key ${key})`, options);
    this.name = 'RetriesExhaustedError';
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 409 || status === 429 || status >= 500;
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), as milliseconds. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter, never shorter than Retry-After. */
export function backoffDelay(
  attempt: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number },
  retryAfter?: number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(options.random() * ceiling);
  return Math.max(jittered, retryAfter ?? 0);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class IdempotentClient {
  private readonly options: Required<Omit<ClientOptions, 'fetch'>> & { fetch: typeof fetch };

  constructor(options: ClientOptions) {
    this.options = {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 5000,
      random: Math.random,
      sleep: defaultSleep,
      fetch: globalThis.fetch,
      ...options,
    };
  }

  /** Perform one intent: a fresh key, reused across all retries. */
  async send(method: string, path: string, body?: unknown): Promise<ClientResponse> {
    return this.sendWithKey(randomUUID(), method, path, body);
  }

  /** Perform (or resume) an intent whose key the caller already holds. */
  async sendWithKey(key: string, method: string, path: string, body?: unknown): Promise<ClientResponse> {
    const { maxAttempts } = this.options;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    let last: ClientResponse | undefined;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let retryAfter: number | undefined;
      try {
        const res = await this.options.fetch(new URL(path, this.options.baseUrl), {
          method,
          headers: {
            'idempotency-key': key,
            authorization: `Bearer ${this.options.token}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: payload,
        });
        const headers: Record<string, string> = {};
        res.headers.forEach((value, name) => {
          headers[name] = value;
        });
        last = {
          status: res.status,
          headers,
          body: Buffer.from(await res.arrayBuffer()),
          key,
          attempts: attempt,
        };
        if (!isRetryableStatus(res.status)) return last;
        retryAfter = retryAfterMs(headers['retry-after']);
      } catch (err) {
        lastError = err; // network error: the request may or may not have run; the key makes a retry safe
      }
      if (attempt < maxAttempts) await this.options.sleep(backoffDelay(attempt, this.options, retryAfter));
    }
    throw new RetriesExhaustedError(key, maxAttempts, last, { cause: lastError });
  }
}
