export {
  bearerToken,
  DEFAULT_PASSWORD_COST,
  DEFAULT_SESSION_TTL_MS,
  type Session,
  Sessions,
} from './auth.js';
export { type ApiResponse, type RequestOptions, TaskApiClient } from './client.js';
export {
  isFinal,
  isTransition,
  PRIORITIES,
  type Priority,
  REQUESTABLE,
  reaches,
  type SettlePolicy,
  STATUSES,
  type Status,
  settle,
  type Task,
  unfinished,
  userMayMove,
} from './domain.js';
export { IdempotentTasks } from './idempotency.js';
export { TaskRepository } from './repository.js';
export { createTaskServer, parseIfMatch, type TaskServer, type TaskServerOptions } from './server.js';
export { type Command, type CommandResult, type TaskChanges, TaskService } from './service.js';
export { isVariant, VARIANTS, type Variant } from './variants.js';
