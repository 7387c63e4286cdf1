/**
 * The `tlaw` command-line program: one file per command, wired here.
 * Exit codes are documented in src/errors.ts (TLC's numbering).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ExitCode } from '../errors.js';
import { registerCommands } from './commands.js';
import { translateTlcOptions } from './tlc-argv.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('tlaw')
    .description('TLA+ verification workbench: model-check specs, turn traces into tests')
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    // TLC's own command line works too (`tlaw check -workers 2 -deadlock -config X.cfg Spec`).
    const args = translateTlcOptions(argv);
    await program.parseAsync(args);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      process.exitCode = err.exitCode === 0 ? 0 : ExitCode.usageError;
      return;
    }
    // A bug, not bad input: say so plainly, without a stack trace unless asked for.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`tlaw: internal error: ${message}\n`);
    if (process.env.TLAW_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = ExitCode.systemError;
  }
}
