/**
 * The conformance ratchet (see known-failures.json): which shared cases are
 * known to fail in which suite. A listed case runs as an expected failure
 * (`it.fails`), so fixing it turns its test red until the entry is removed,
 * and the list can only shrink.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { it, type TestAPI } from 'vitest';

export type ConformanceSuite =
  | 'runner'
  | 'check'
  | 'eval'
  | 'trace-convert'
  | 'recover'
  | 'import-tlc'
  | 'parse'
  | 'semantic'
  | 'semantic-cfg'
  | 'cfg';

interface KnownFailure {
  issue: number;
  why: string;
  suites: ConformanceSuite[];
}

export const KNOWN_FAILURES: Record<string, KnownFailure> = JSON.parse(
  readFileSync(new URL('./known-failures.json', import.meta.url), 'utf8'),
).cases;

/** The case folder's name for a case name or a path to a file inside it. */
function caseName(nameOrPath: string): string {
  return /^\d\d-/.test(nameOrPath) ? nameOrPath.split('/')[0]! : basename(dirname(nameOrPath));
}

export function knownToFail(suite: ConformanceSuite, nameOrPath: string): boolean {
  return KNOWN_FAILURES[caseName(nameOrPath)]?.suites.includes(suite) ?? false;
}

/** `it`, or `it.fails` for a case this suite is known to fail on. */
export function caseIt(suite: ConformanceSuite, nameOrPath: string): TestAPI {
  return (knownToFail(suite, nameOrPath) ? it.fails : it) as TestAPI;
}
