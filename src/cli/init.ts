/**
 * `tlaw init [dir]`: scaffolds spec-driven testing in a project: a small
 * spec with its cfg and models.json (specs/), the implementation it
 * describes (src/counter.ts), a binding and a vitest file that replays saved
 * traces and runs fast-check with the spec as the model (test/), and a
 * GitHub workflow that runs the tests and the `tlaw ci` gate.
 *
 * The files come from the package's templates/init folder; a top-level name
 * `dot-x` there is written as `.x` (npm leaves some dot-folders out of
 * packages). An existing file is kept unless --force is given.
 * Exit codes: 0 written (or all kept), 152 the folder cannot be written.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ExitCode } from '../errors.js';
import { type CommandIO, processIO } from './io.js';

export interface InitOptions {
  force?: boolean;
  json?: boolean;
}

/** templates/init beside src/ (from the sources) or dist/ (installed). */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/init', import.meta.url));

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('scaffold a spec, models.json, a binding, a vitest file and a CI workflow in a project')
    .argument('[dir]', 'project folder', '.')
    .option('--force', 'overwrite files that already exist')
    .option('--json', 'print the files written and kept as one JSON object on the last line of stdout')
    .action((dir: string, options: InitOptions) => {
      process.exitCode = runInit(dir, options);
    });
}

/** Every template file, as a path relative to the template folder. */
function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? templateFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

/** Where a template file goes in the project (`dot-github/…` → `.github/…`). */
export function targetPath(templateFile: string): string {
  return templateFile.replace(/^dot-/, '.');
}

export function runInit(dir: string, options: InitOptions, io: CommandIO = processIO): number {
  const root = resolve(dir);
  const written: string[] = [];
  const kept: string[] = [];
  try {
    for (const file of templateFiles(TEMPLATE_DIR)) {
      const target = join(root, targetPath(file));
      const shown = relative(process.cwd(), target) || target;
      if (existsSync(target) && !options.force) {
        kept.push(shown);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(TEMPLATE_DIR, file), target);
      written.push(shown);
    }
  } catch (err) {
    const message = `cannot write the project files in ${dir}: ${(err as Error).message}`;
    if (options.json) io.stdout(`${JSON.stringify({ ok: false, error: message, written, kept })}\n`);
    else io.stderr(`tlaw init: ${message}\n`);
    return ExitCode.usageError;
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: true, written, kept })}\n`);
    return ExitCode.ok;
  }
  for (const f of written) io.stdout(`wrote ${f}\n`);
  for (const f of kept) io.stdout(`kept  ${f} (exists; --force overwrites it)\n`);
  io.stdout(
    [
      '',
      'Next:',
      '  npm install --save-dev tla-workbench vitest   (if not done yet)',
      '  npx tlaw ci          # model-check every model of specs/models.json',
      '  npx vitest run       # replay saved traces, fast-check the implementation against the spec',
      '',
    ].join('\n'),
  );
  return ExitCode.ok;
}
