/**
 * Expired records removed on a schedule, not only when someone remembers to
 * call `cleanup()`. Failures are logged and the schedule goes on; the timer
 * never keeps the process alive by itself.
 */
import { errorFields, type Logger } from './logger.js';
import type { IdempotencyStore } from './types.js';

export const DEFAULT_CLEANUP_INTERVAL_MS = 60_000;

/** Run `store.cleanup()` every `intervalMs`; returns the function that stops it. */
export function scheduleCleanup(store: IdempotencyStore, intervalMs: number, logger: Logger): () => void {
  const timer = setInterval(() => {
    try {
      const removed = store.cleanup();
      if (removed > 0) logger.info('expired idempotency records removed', { removed });
    } catch (err) {
      logger.error('idempotency cleanup failed', errorFields(err));
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
