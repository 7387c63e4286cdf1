/**
 * The `java … tlc2.TLC …` command line for a run, from tlaw's options:
 * `--lib` becomes the `-DTLA-Library` system property (SANY's module search
 * path), `--workers` TLC's `-workers`, `--simulate/--depth/--seed` TLC's
 * `-simulate num=N`, `-depth` and `-seed`; `--java-opts` and `--tlc-args`
 * pass anything else (`-Xmx8g`, `-fp 3`, `-coverage 1`, `-checkpoint 0`).
 */
import { delimiter, resolve } from 'node:path';

export interface TlcSimulation {
  /** Number of behaviours (TLC's `-simulate num=N`); unbounded when absent. */
  runs?: number;
  /** Maximum length of a behaviour (TLC's `-depth`, 100 by default). */
  depth?: number;
  seed?: number;
}

export interface TlcCommandOptions {
  jar: string;
  /** JVM options (default `-XX:+UseParallelGC`, TLC's advice for throughput). */
  javaOptions?: readonly string[];
  /** Folders SANY searches for modules (`-DTLA-Library=dir1:dir2`). */
  libraryPaths?: readonly string[];
  workers?: number | 'auto';
  simulate?: TlcSimulation;
  metaDir: string;
  /** TLC's `-dumpTrace json <file>`. */
  traceJson?: string;
  /** Further TLC options, after tlaw's own so that they win. */
  tlcArgs?: readonly string[];
  config: string;
  /** The spec's file name, as TLC is run in its folder. */
  specFile: string;
}

export const DEFAULT_JAVA_OPTIONS = ['-XX:+UseParallelGC'] as const;

export function tlcCommandLine(o: TlcCommandOptions): string[] {
  const library =
    o.libraryPaths && o.libraryPaths.length > 0
      ? [`-DTLA-Library=${o.libraryPaths.map((p) => resolve(p)).join(delimiter)}`]
      : [];
  const sim = o.simulate;
  const simulation = sim
    ? [
        '-simulate',
        ...(sim.runs !== undefined ? [`num=${sim.runs}`] : []),
        ...(sim.depth !== undefined ? ['-depth', String(sim.depth)] : []),
        ...(sim.seed !== undefined ? ['-seed', String(sim.seed)] : []),
      ]
    : [];
  return [
    ...(o.javaOptions ?? DEFAULT_JAVA_OPTIONS),
    ...library,
    '-cp',
    o.jar,
    'tlc2.TLC',
    '-tool',
    '-workers',
    String(o.workers ?? 1),
    '-metadir',
    o.metaDir,
    ...simulation,
    ...(o.traceJson ? ['-dumpTrace', 'json', resolve(o.traceJson)] : []),
    ...(o.tlcArgs ?? []),
    '-config',
    o.config,
    o.specFile,
  ];
}

/**
 * Splits an option string into words as a POSIX shell would, for
 * `--tlc-args "-fp 3 -coverage 1"`: blanks separate words, quotes ('…' and
 * "…") and backslashes keep blanks in one. Unbalanced quotes are an error.
 */
export function splitArguments(text: string): { value?: string[]; error?: string } {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote) return { error: `unbalanced ${quote} in "${text}"` };
  if (word !== undefined) words.push(word);
  return { value: words };
}
