/**
 * From files to a checkable Model: loadSpec → checkSpec → parseConfigFile →
 * checkConfig → buildModel. Each phase's diagnostics are collected; the first
 * phase with errors stops the pipeline, with exit code 150 for spec problems,
 * 151 for cfg problems and 152 for unreadable files (src/errors.ts).
 */
import { existsSync } from 'node:fs';
import { buildModel, type EvalModel } from '../check/eval/index.js';
import { type Diagnostic, ExitCode, exitCodeFor, ioDiagnostic } from '../errors.js';
import { type ModelConfig, parseConfigFile, parseEmbeddedConfigFile } from '../tla/cfg/index.js';
import { loadSpec } from '../tla/modules/index.js';
import { checkConfig, checkSpec } from '../tla/semantic/index.js';

export interface LoadModelOptions {
  /** Extra module folders (`--lib`). */
  libPaths?: string[];
  /** Where Print/PrintT output goes (default: stdout). */
  print?: (line: string) => void;
}

export interface LoadedModel {
  model?: EvalModel;
  /** The parsed .cfg, when it parsed. */
  config?: ModelConfig;
  diagnostics: Diagnostic[];
  /** Exit code when `model` is absent. */
  exitCode: ExitCode;
}

function ioError(message: string): LoadedModel {
  return { diagnostics: [ioDiagnostic(message)], exitCode: ExitCode.usageError };
}

/** Whether a phase's diagnostics stop the pipeline. */
const failed = (diagnostics: readonly Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');

export function loadModel(specFile: string, cfgFile: string, options: LoadModelOptions = {}): LoadedModel {
  if (!existsSync(specFile)) return ioError(`Cannot read ${specFile}: file not found.`);
  if (!existsSync(cfgFile)) return ioError(`Cannot read ${cfgFile}: file not found.`);
  const diagnostics: Diagnostic[] = [];
  const stop = (): LoadedModel => ({ diagnostics, exitCode: exitCodeFor(diagnostics) });

  const loaded = loadSpec(specFile, { libPaths: options.libPaths ?? [] });
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.value || failed(loaded.diagnostics)) return stop();
  const spec = loaded.value;
  const semantic = checkSpec(spec);
  diagnostics.push(...semantic);
  if (failed(semantic)) return stop();

  // A .tla as the configuration means its embedded CONFIG section (TLC's `-config X.tla`).
  const cfg = cfgFile.endsWith('.tla') ? parseEmbeddedConfigFile(cfgFile) : parseConfigFile(cfgFile);
  diagnostics.push(...cfg.diagnostics);
  if (!cfg.value || failed(cfg.diagnostics)) return { diagnostics, exitCode: cfgExitCode(diagnostics) };
  const cfgProblems = checkConfig(spec, cfg.value);
  diagnostics.push(...cfgProblems);
  if (failed(cfgProblems)) return { diagnostics, exitCode: cfgExitCode(diagnostics) };

  const built = buildModel(spec, cfg.value, options.print ? { print: options.print } : {});
  diagnostics.push(...built.diagnostics);
  if (!built.value || failed(built.diagnostics)) return stop();
  return { model: built.value, config: cfg.value, diagnostics, exitCode: ExitCode.ok };
}

/** A cfg phase failed: 151 unless a file could not be read (152). */
function cfgExitCode(diagnostics: readonly Diagnostic[]): ExitCode {
  const code = exitCodeFor(diagnostics);
  return code === ExitCode.usageError ? code : ExitCode.configError;
}
