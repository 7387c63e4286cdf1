/**
 * ANTI-PATTERN 4 (never use): the idempotency key is optional. A request
 * without one runs unprotected, so a client that retries it (after a
 * timeout, say) applies the effect twice.
 */
import { createIdempotencyMiddleware, type ProcessRequest, toStoredResponse } from '../middleware.js';
import type { IdempotencyStore } from '../types.js';

export function optionalKeysMiddleware(store: IdempotencyStore): ProcessRequest {
  const inner = createIdempotencyMiddleware(store);
  return async (request, handler) => {
    if (request.headers['idempotency-key'] !== undefined) return inner(request, handler);
    const result = await handler(request, {
      resumeAfter: 0,
      step: async (_n, effect) => {
        store.db.transaction(() => effect(store.db)).immediate();
      },
    });
    const effect = result.effect;
    if (effect !== undefined && result.status < 300) store.db.transaction(() => effect(store.db)).immediate();
    return toStoredResponse(result);
  };
}
