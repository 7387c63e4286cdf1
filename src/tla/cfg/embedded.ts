/**
 * A model configuration written inside a .tla file, as TLC's generated trace
 * specs (`<Spec>_TTrace_<n>.tla`) carry it after their modules:
 *
 *   ---- CONFIG <Spec>_TTrace_<n> ----
 *   INIT _init
 *   ...
 *   ====
 *
 * As in TLC, the section of a file `X.tla` is the one named `X`: it starts
 * after a line that is only that header and ends before the next line that
 * starts with `====`. It is parsed in place, so every diagnostic points at
 * its line and column in the .tla file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Result, readTextFile } from '../../errors.js';
import { parseConfigText } from './parse.js';
import type { ModelConfig } from './types.js';

export interface EmbeddedConfig {
  /** The lines between the header and the closing `====` line. */
  text: string;
  /** 1-based line, in the .tla file, of the first line of `text`. */
  line: number;
}

/** The name TLC looks for in `X.tla`: `X`. */
export function embeddedConfigName(tlaFile: string): string {
  return basename(tlaFile).replace(/\.tla$/, '');
}

/** The `---- CONFIG <name> ----` section of a .tla text, or undefined when it has none. */
export function extractEmbeddedConfig(tlaText: string, name: string): EmbeddedConfig | undefined {
  const header = new RegExp(`^-{4,}\\s*CONFIG\\s+${escapeRegExp(name)}\\s*-{4,}\\s*$`);
  const lines = tlaText.split(/\r?\n/);
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && !lines[end]!.startsWith('====')) end++;
  return { text: lines.slice(start + 1, end).join('\n'), line: start + 2 };
}

/** Whether the file at `tlaFile` holds its own CONFIG section (false when it cannot be read). */
export function hasEmbeddedConfig(tlaFile: string): boolean {
  try {
    return extractEmbeddedConfig(readFileSync(tlaFile, 'utf8'), embeddedConfigName(tlaFile)) !== undefined;
  } catch {
    return false;
  }
}

/** Parses the CONFIG section of a .tla text; `file` is the .tla file's name for locations. */
export function parseEmbeddedConfigText(tlaText: string, file: string): Result<ModelConfig> {
  const name = embeddedConfigName(file);
  const section = extractEmbeddedConfig(tlaText, name);
  if (section === undefined) {
    const message = `${file} holds no model configuration: no line "---- CONFIG ${name} ----".`;
    return {
      diagnostics: [{ code: 'cfg-syntax', severity: 'error', message, loc: { file, line: 1, col: 1 } }],
    };
  }
  // Blank lines in front keep the section's own line numbers.
  return parseConfigText('\n'.repeat(section.line - 1) + section.text, file);
}

/** Reads a .tla file and parses its CONFIG section; an unreadable file is an 'io' diagnostic. */
export function parseEmbeddedConfigFile(path: string): Result<ModelConfig> {
  const read = readTextFile(path);
  return read.value === undefined
    ? { diagnostics: read.diagnostics }
    : parseEmbeddedConfigText(read.value, path);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
