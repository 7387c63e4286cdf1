/**
 * Finding the two things real TLC needs: a `java` executable and
 * tla2tools.jar. Each is looked up in a fixed order, and when one is missing
 * the diagnostic says, in one sentence, what is missing and how to fix it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { type Diagnostic, ioDiagnostic } from '../errors.js';

export interface TlcTools {
  java: string;
  jar: string;
}

export interface LocateOptions {
  /** `--tlc-jar <path>`: wins over everything else. */
  tlcJar?: string;
  /** Environment to read JAVA_HOME, PATH and TLA2TOOLS_JAR from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Folder holding `tools/tla2tools.jar` (default: the current directory). */
  projectRoot?: string;
}

/** Where `tlaw tlc install` puts the jar, relative to the project root. */
export const DEFAULT_JAR_PATH = join('tools', 'tla2tools.jar');

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `$JAVA_HOME/bin/java`, else the first `java` on PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  if (env.JAVA_HOME) {
    const candidate = join(env.JAVA_HOME, 'bin', exe);
    if (isExecutableFile(candidate)) return candidate;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, exe);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** `--tlc-jar`, else `$TLA2TOOLS_JAR`, else `tools/tla2tools.jar` under the project root. */
export function findTlaJar(options: LocateOptions = {}): { jar?: string; problem?: string } {
  const env = options.env ?? process.env;
  if (options.tlcJar) {
    const jar = resolve(options.tlcJar);
    return isFile(jar) ? { jar } : { problem: `the jar given with --tlc-jar does not exist: ${jar}` };
  }
  if (env.TLA2TOOLS_JAR) {
    const jar = resolve(env.TLA2TOOLS_JAR);
    return isFile(jar) ? { jar } : { problem: `TLA2TOOLS_JAR names a file that does not exist: ${jar}` };
  }
  const jar = resolve(options.projectRoot ?? process.cwd(), DEFAULT_JAR_PATH);
  return isFile(jar) ? { jar } : {};
}

const JAR_HINT = 'run `tlaw tlc install`, pass --tlc-jar <path>, or set TLA2TOOLS_JAR';

/** Both tools, or one diagnostic per missing tool (code 'io': a usage error, exit 152). */
export function locateTlc(options: LocateOptions = {}): { value?: TlcTools; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const java = findJava(options.env ?? process.env);
  if (!java) {
    diagnostics.push(
      ioDiagnostic(
        'Java was not found: install a Java 11 or newer runtime and put `java` on PATH, or set JAVA_HOME.',
      ),
    );
  }
  const { jar, problem } = findTlaJar(options);
  if (!jar) {
    diagnostics.push(
      ioDiagnostic(
        problem
          ? `tla2tools.jar was not found: ${problem}; ${JAR_HINT}.`
          : `tla2tools.jar was not found: ${JAR_HINT}.`,
      ),
    );
  }
  return java && jar ? { value: { java, jar }, diagnostics } : { diagnostics };
}
