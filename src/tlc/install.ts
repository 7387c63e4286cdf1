/**
 * `tlaw tlc install`: downloads a pinned tla2tools.jar release, checks its
 * SHA-256, and writes it atomically (a temporary file renamed into place),
 * so an interrupted download never leaves a broken jar behind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Diagnostic, ioDiagnostic } from '../errors.js';

/** The release `tlaw tlc install` fetches. */
export const TLA2TOOLS_RELEASE = {
  version: '1.7.4',
  url: 'https://github.com/tlaplus/tlaplus/releases/download/v1.7.4/tla2tools.jar',
  sha256: '936a262061c914694dfd669a543be24573c45d5aa0ff20a8b96b23d01e050e88',
} as const;

export interface TlcInstallOptions {
  /** Give up after this many milliseconds (default 120000). */
  timeoutMs?: number;
  /** Replace the release (tests, mirrors). */
  url?: string;
  sha256?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function problem(message: string): { diagnostics: Diagnostic[] } {
  return { diagnostics: [ioDiagnostic(message)] };
}

/**
 * Installs tla2tools.jar at `dest` (e.g. `tools/tla2tools.jar`). Returns the
 * absolute path; a jar already there with the right checksum is kept.
 */
export async function tlcInstall(
  dest: string,
  options: TlcInstallOptions = {},
): Promise<{ value?: string; diagnostics: Diagnostic[] }> {
  const target = resolve(dest);
  const url = options.url ?? TLA2TOOLS_RELEASE.url;
  const expected = options.sha256 ?? TLA2TOOLS_RELEASE.sha256;
  try {
    if (sha256Of(readFileSync(target)) === expected) return { value: target, diagnostics: [] };
  } catch {
    // Not there yet.
  }

  const manualFix = 'check the network connection, or download it yourself and set TLA2TOOLS_JAR to its path';
  let bytes: Uint8Array;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
      redirect: 'follow',
    });
    if (!response.ok)
      return problem(`Could not download tla2tools.jar from ${url} (HTTP ${response.status}): ${manualFix}.`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const reason =
      err.name === 'TimeoutError' ? 'timed out' : (err.cause?.code ?? err.cause?.message ?? err.message);
    return problem(`Could not download tla2tools.jar from ${url} (${reason}): ${manualFix}.`);
  }

  const actual = sha256Of(bytes);
  if (actual !== expected) {
    return problem(
      `The downloaded tla2tools.jar has SHA-256 ${actual}, not the pinned ${expected}: it was not installed.`,
    );
  }
  const temporary = `${target}.${process.pid}.download`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    return problem(`Could not write ${target}: ${(e as Error).message}.`);
  }
  return { value: target, diagnostics: [] };
}
