/**
 * ANTI-PATTERN 9 (never use): a store failure is taken to mean "already
 * seen" and answered 200. The client stops retrying although nothing ran.
 */
import { createIdempotencyMiddleware, jsonResponse, type ProcessRequest } from '../middleware.js';
import { type IdempotencyStore, StoreUnavailableError } from '../types.js';

export function ambiguousStoreFailureMiddleware(store: IdempotencyStore): ProcessRequest {
  const guarded: IdempotencyStore = Object.create(store, {
    acquire: {
      value: async (...args: Parameters<IdempotencyStore['acquire']>) => {
        try {
          return await store.acquire(...args);
        } catch (err) {
          if (err instanceof StoreUnavailableError) {
            return { kind: 'replay', response: jsonResponse(200, { status: 'duplicate' }) };
          }
          throw err;
        }
      },
    },
  });
  return createIdempotencyMiddleware(guarded);
}
