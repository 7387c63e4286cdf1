/**
 * ANTI-PATTERN 12 (never use): the steps of a multi-step workflow are not
 * tied to the request's recovery point. A retry after step 1 committed
 * starts over at step 1 and runs it again.
 */
import { SqliteIdempotencyStore } from '../sqlite-store.js';
import type { IdempotencyRecord } from '../types.js';

export class NoWorkflowCorrelationStore extends SqliteIdempotencyStore {
  protected override resumeFrom(_record: IdempotencyRecord): number {
    return 0;
  }
}
