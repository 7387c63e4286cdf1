/**
 * `tlaw tlc install [--dest tools/tla2tools.jar]`: downloads the pinned
 * tla2tools.jar release and checks its SHA-256.
 * `tlaw tlc locate [--tlc-jar <path>]`: prints the java and tla2tools.jar
 * that `tlaw check --engine tlc` would use.
 * Both take --json; a failure is one sentence on stderr and exit 152.
 */
import type { Command } from 'commander';
import { type Diagnostic, ExitCode, formatDiagnostic } from '../errors.js';
import {
  DEFAULT_JAR_PATH,
  locateTlc,
  TLA2TOOLS_RELEASE,
  type TlcInstallOptions,
  tlcInstall,
} from '../tlc/index.js';
import { type CommandIO, processIO } from './io.js';

export interface TlcInstallCommandOptions {
  dest?: string;
  /** A mirror of the pinned release. */
  url?: string;
  /** The mirror's SHA-256 when it serves another build. */
  sha256?: string;
  json?: boolean;
}

export interface TlcLocateCommandOptions {
  tlcJar?: string;
  json?: boolean;
}

export function registerTlcCommand(program: Command): void {
  const tlc = program.command('tlc').description('install and locate real TLC (tla2tools.jar)');
  tlc
    .command('install')
    .description(`download tla2tools.jar ${TLA2TOOLS_RELEASE.version} and check its SHA-256`)
    .option('--dest <path>', 'where to put the jar', DEFAULT_JAR_PATH)
    .option('--url <url>', 'download from this mirror instead of the GitHub release')
    .option('--sha256 <hex>', "the expected SHA-256 (default: the pinned release's)")
    .option('--json', 'print the outcome as one JSON object on stdout')
    .action(async (opts: TlcInstallCommandOptions) => {
      process.exitCode = await runTlcInstall(opts);
    });
  tlc
    .command('locate')
    .description('print the java executable and tla2tools.jar that --engine tlc would use')
    .option('--tlc-jar <path>', 'a tla2tools.jar to use instead of TLA2TOOLS_JAR or tools/tla2tools.jar')
    .option('--json', 'print the outcome as one JSON object on stdout')
    .action((opts: TlcLocateCommandOptions) => {
      process.exitCode = runTlcLocate(opts);
    });
}

function failure(
  command: string,
  diagnostics: readonly Diagnostic[],
  json: boolean | undefined,
  io: CommandIO,
): number {
  if (json) io.stdout(`${JSON.stringify({ ok: false, diagnostics })}\n`);
  else for (const d of diagnostics) io.stderr(`tlaw tlc ${command}: ${formatDiagnostic(d)}\n`);
  return ExitCode.usageError;
}

export async function runTlcInstall(
  options: TlcInstallCommandOptions,
  io: CommandIO = processIO,
  /** Download settings tests replace (e.g. `fetch`). */
  install: TlcInstallOptions = {},
): Promise<number> {
  const dest = options.dest ?? DEFAULT_JAR_PATH;
  const r = await tlcInstall(dest, {
    ...install,
    ...(options.url ? { url: options.url } : {}),
    ...(options.sha256 ? { sha256: options.sha256.toLowerCase() } : {}),
  });
  if (!r.value) return failure('install', r.diagnostics, options.json, io);
  if (options.json) io.stdout(`${JSON.stringify({ ok: true, jar: r.value })}\n`);
  else io.stdout(`tla2tools.jar is installed at ${r.value}\n`);
  return ExitCode.ok;
}

export function runTlcLocate(
  options: TlcLocateCommandOptions,
  io: CommandIO = processIO,
  /** Environment to search (default: process.env), and the project root holding tools/. */
  where: { env?: NodeJS.ProcessEnv; projectRoot?: string } = {},
): number {
  const r = locateTlc({
    ...(options.tlcJar ? { tlcJar: options.tlcJar } : {}),
    ...(where.env ? { env: where.env } : {}),
    ...(where.projectRoot ? { projectRoot: where.projectRoot } : {}),
  });
  if (!r.value) return failure('locate', r.diagnostics, options.json, io);
  if (options.json) io.stdout(`${JSON.stringify({ ok: true, ...r.value })}\n`);
  else io.stdout(`java: ${r.value.java}\ntla2tools.jar: ${r.value.jar}\n`);
  return ExitCode.ok;
}
