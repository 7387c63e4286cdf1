/**
 * A small client of the task API (fetch): logs users in, sends each
 * mutating request with a fresh Idempotency-Key and the given If-Match.
 */
import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** The task version the write is based on (If-Match). */
  ifMatch?: number;
  /** Idempotency-Key; a fresh UUID for each mutating request by default. */
  idempotencyKey?: string;
}

export class TaskApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
    if (method !== 'GET') headers['idempotency-key'] = options.idempotencyKey ?? randomUUID();
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    };
  }

  /** A bearer token for the user, or undefined when the credentials are refused. */
  async login(user: string, password: string): Promise<string | undefined> {
    const response = await this.request<{ token: string }>('POST', '/sessions', { body: { user, password } });
    return response.status === 201 ? response.body.token : undefined;
  }
}
