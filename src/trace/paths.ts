/** Where tlaw keeps trace files: `traces/<spec>/<model>-<property>.itf.json`. */
import { join } from 'node:path';

/** Keeps a name usable as one path segment (letters, digits, `_`, `-`, `.`). */
export function pathSegment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '_');
  return safe || '_';
}

/**
 * `traces/<spec>/<model>-<property>.itf.json` under `root` (default: the
 * current directory). Without a property (e.g. a deadlock or a simulation
 * run) the name is `<model>-<kind>.itf.json`, `kind` defaulting to 'trace'.
 */
export function traceFilePath(
  spec: string,
  model: string,
  property: string | null | undefined,
  options: { root?: string; kind?: string } = {},
): string {
  const tail = property ?? options.kind ?? 'trace';
  return join(
    options.root ?? '.',
    'traces',
    pathSegment(spec),
    `${pathSegment(model)}-${pathSegment(tail)}.itf.json`,
  );
}
