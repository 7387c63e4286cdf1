/** Where tlaw keeps trace files: `traces/<spec>/<model>-<property>.itf.json`. */
import { join } from 'node:path';

/** Keeps a name usable as one path segment (letters, digits, `_`, `-`, `.`). */
export function pathSegment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '_');
  return safe || '_';
}

/**
 * `<dir>/<group>/<model>-<property>.itf.json`, `dir` defaulting to `traces`
 * and `group` usually the spec's name. Without a property (e.g. a deadlock)
 * the name is `<model>-<kind>.itf.json`, `kind` defaulting to 'trace'.
 */
export function traceFilePath(
  group: string,
  model: string,
  property: string | null | undefined,
  options: { dir?: string; kind?: string } = {},
): string {
  const tail = property ?? options.kind ?? 'trace';
  return join(
    options.dir ?? 'traces',
    pathSegment(group),
    `${pathSegment(model)}-${pathSegment(tail)}.itf.json`,
  );
}
