/**
 * Whether a handler's response can be sent at all. It is checked before
 * anything commits: a response Node refuses to write (a status outside
 * 200–599, a header value outside Latin-1) must not leave an effect behind
 * a 500 that the client then retries as a new intent.
 */
import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { StoredResponse } from './types.js';

/** The reason a response cannot be sent, or undefined when it can. */
export function unsendableReason(response: StoredResponse): string | undefined {
  const { status } = response;
  if (!Number.isInteger(status) || status < 200 || status > 599) return `invalid status ${String(status)}`;
  for (const [name, value] of Object.entries(response.headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (err) {
      return `invalid header ${JSON.stringify(name)}: ${(err as Error).message}`;
    }
  }
  return undefined;
}
