/** Reads conformance case folders (the copied fixtures, or ../shared when present). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CASES } from '../support/shared.js';

export { SHARED_CASES };

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'tlc');

export interface CaseFiles {
  name: string;
  dir: string;
  expected: Record<string, unknown>;
  tool: string;
  text: string;
  traceJson?: string;
  cfg: string;
}

export function listCases(root: string): CaseFiles[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => existsSync(join(root, n, 'expected.json')))
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const trace = join(dir, 'trace.json');
      return {
        name,
        dir,
        expected,
        tool: readFileSync(join(dir, 'tlc-tool.out'), 'utf8'),
        text: readFileSync(join(dir, 'tlc.out'), 'utf8'),
        traceJson: existsSync(trace) ? readFileSync(trace, 'utf8') : undefined,
        cfg: readFileSync(join(dir, String(expected.cfg)), 'utf8'),
      };
    });
}
