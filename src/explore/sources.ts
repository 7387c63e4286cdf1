/**
 * The spec text shown beside a trace. Action locations name files as the
 * checker saw them (relative to the folder it ran in, or absolute); a trace
 * read later may sit elsewhere, so a name is tried as given, then against
 * the trace's folder and each folder above it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Trace } from '../trace/index.js';

/** Files the trace's actions point into, in order of first use. */
export function sourceFilesOf(trace: Trace): string[] {
  const files = new Set<string>();
  for (const s of trace.states) if (s.action?.loc) files.add(s.action.loc.file);
  if (trace.loopAction?.loc) files.add(trace.loopAction.loc.file);
  return [...files];
}

/** Where `file` is on this machine, or undefined. */
export function locateSource(
  file: string,
  traceFile: string | undefined,
  roots: readonly string[] = [],
): string | undefined {
  if (isAbsolute(file) && existsSync(file)) return file;
  // An absolute name from another machine is looked for by its base name.
  const name = isAbsolute(file) ? basename(file) : file;
  const candidates = [resolve(name), ...roots.map((r) => resolve(r, name))];
  if (traceFile) {
    let dir = resolve(dirname(traceFile));
    for (;;) {
      candidates.push(join(dir, name));
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return candidates.find((c) => existsSync(c));
}

/** The text of every source the trace points into that can be found, keyed by the name in the trace. */
export function readSources(
  trace: Trace,
  traceFile?: string,
  roots: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of sourceFilesOf(trace)) {
    const found = locateSource(file, traceFile, roots);
    if (found) out[file] = readFileSync(found, 'utf8');
  }
  return out;
}
