/**
 * The one registry of diagnostic codes and exit codes.
 *
 * Every phase (parse, resolve, cfg, check) returns diagnostics instead of
 * throwing; the CLI prints them all and exits with the code of the worst
 * outcome. Exit codes are TLC's where TLC has one, so scripts written for
 * TLC keep working.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Loc } from './tla/ast.js';

/** Process exit codes, TLC's numbering. */
export const ExitCode = {
  ok: 0,
  /** An ASSUME is false. */
  assumptionFailure: 10,
  /** Deadlock reached. */
  deadlock: 11,
  /** An invariant (or a safety PROPERTY `[]P`) is violated. */
  safetyViolation: 12,
  /** A temporal property or an action property is violated. */
  livenessViolation: 13,
  /** `Assert` failed. */
  assertionFailure: 14,
  /** An evaluation error while computing states (type error, function applied outside its domain, CHOOSE without witness, ...). */
  evaluationError: 75,
  /** An evaluation error while checking an invariant (TLC's FAILURE_SAFETY_EVAL). */
  safetyEvaluationError: 76,
  /** An evaluation error while checking a temporal property (TLC's FAILURE_LIVENESS_EVAL). */
  livenessEvaluationError: 77,
  /** Syntax or semantic error in a spec. */
  parseError: 150,
  /** Error in a model configuration (.cfg). */
  configError: 151,
  /** Error in the command line or a missing input file / tool. */
  usageError: 152,
  /** Anything else (e.g. integer overflow, an internal error). */
  systemError: 255,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Diagnostic codes: one line each on what they mean. */
export const DiagnosticCode = {
  /** The TLA+ text does not parse. */
  syntax: 'syntax',
  /** A name is used that no definition, declaration, bound variable or standard module provides. */
  undefined: 'undefined',
  /** An operator is applied to the wrong number of arguments. */
  arity: 'arity',
  /** A name is defined twice in one scope. */
  duplicate: 'duplicate',
  /** An EXTENDS or INSTANCE names a module that cannot be found. */
  moduleNotFound: 'module-not-found',
  /** A construct the checker does not support (e.g. `\EE`). */
  unsupported: 'unsupported',
  /** The .cfg text does not parse. */
  cfgSyntax: 'cfg-syntax',
  /** The .cfg names an operator or constant that the spec does not define. */
  cfgUnknownName: 'cfg-unknown-name',
  /** A declared constant has no value in the .cfg. */
  cfgMissingConstant: 'cfg-missing-constant',
  /** The .cfg gives no INIT/NEXT or SPECIFICATION, or gives both. */
  cfgNoBehaviour: 'cfg-no-behaviour',
  /** A file cannot be read. */
  io: 'io',
  /** A thread of a parallel search stopped (out of memory, a crash): the search cannot go on. */
  workerStopped: 'worker-stopped',
} as const;
export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  /** Where the problem is; absent only when no place in a file applies. */
  loc?: Pick<Loc, 'file' | 'line' | 'col'> & Partial<Loc>;
}

/** `file:line:col: message` (the form every tlaw command prints). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.col}: ` : '';
  const sev = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}${sev}${d.message}`;
}

/** Exit code for a set of diagnostics: cfg problems → 151, spec problems → 150. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): ExitCode {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return ExitCode.ok;
  if (errors.some((d) => d.code === 'io')) return ExitCode.usageError;
  if (errors.every((d) => d.code.startsWith('cfg-'))) return ExitCode.configError;
  return ExitCode.parseError;
}

/** An 'io' error, placed at the start of `file` when the problem is in a file's content. */
export function ioDiagnostic(message: string, file?: string): Diagnostic {
  return { code: 'io', severity: 'error', message, ...(file ? { loc: { file, line: 1, col: 1 } } : {}) };
}

/** The result of a phase that can fail on bad input. */
export interface Result<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

/** Reads a text file; an unreadable file is an 'io' diagnostic naming it (`Cannot read X: file not found.`). */
export function readTextFile(path: string): Result<string> {
  try {
    // A device (/dev/zero) or a folder is not a text file, and reading /dev/zero never ends.
    const stat = statSync(path);
    if (!stat.isFile() && !stat.isFIFO()) {
      return { diagnostics: [ioDiagnostic(`Cannot read ${path}: not a regular file.`)] };
    }
    return { value: readFileSync(path, 'utf8'), diagnostics: [] };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
    return { diagnostics: [ioDiagnostic(`Cannot read ${path}: ${reason}.`)] };
  }
}
