/**
 * Where the service reports what operators must see: store failures
 * (SQLITE_FULL, READONLY, a removed database file), handler errors, failed
 * cleanups. One JSON line per event on stderr unless the server is given
 * another logger.
 */

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }) + '\n';
}

export const stderrLogger: Logger = {
  error: (message, fields) => process.stderr.write(line('error', message, fields)),
  info: (message, fields) => process.stderr.write(line('info', message, fields)),
};

/** The fields that identify an error in a log line: name, message, SQLite code, and its cause's. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const fields: Record<string, unknown> = { error: err.message, errorName: err.name };
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') fields.code = code;
  if (err.cause !== undefined) {
    const cause = errorFields(err.cause);
    fields.cause = cause.error;
    if (cause.code !== undefined) fields.code ??= cause.code;
  }
  return fields;
}
