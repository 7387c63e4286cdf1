/**
 * The strings of a spec in the order TLC's string table gets them (see
 * src/check/value/string-order.ts). TLC reads the model configuration before
 * the spec, and its standard modules' names (`a`, `b` of `a + b` in
 * Naturals) are in the table before the spec's string literals: so the
 * cfg's text first, then the standard modules the spec uses (this project's
 * texts of them, which name their parameters as TLC's do), then the spec's
 * own files, root first. Conformance cases 09, 55 and 63 pin this order.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ModelConfig } from '../../tla/cfg/types.js';
import type { LoadedSpec } from '../../tla/modules/types.js';
import { isStandardModuleFile, STANDARD_MODULES } from '../../tla/stdlib/index.js';
import { lexicalStrings } from '../value/index.js';

export function* specStrings(spec: LoadedSpec, cfg: ModelConfig): Generator<string> {
  if (existsSync(cfg.file)) yield* lexicalStrings(readFileSync(cfg.file, 'utf8'));
  const files: string[] = [];
  for (const [name, m] of spec.modules) {
    if (!isStandardModuleFile(m.file)) continue;
    const text = STANDARD_MODULES.get(name);
    if (text) yield* lexicalStrings(text);
  }
  files.push(spec.root.file);
  for (const m of spec.modules.values()) if (!isStandardModuleFile(m.file)) files.push(m.file);
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    yield* lexicalStrings(readFileSync(file, 'utf8'));
  }
}
