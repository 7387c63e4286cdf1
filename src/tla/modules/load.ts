/**
 * Loading a specification: the root module and, transitively, every module
 * it reaches through EXTENDS and INSTANCE.
 *
 * A module name is looked up, in order: among the modules already known
 * (the root file's nested modules included), as `<Name>.tla` in the root
 * spec's folder, in the folder of the module that refers to it, in each
 * library path, among the bundled standard modules, and finally among the
 * other top-level modules of the root file (as TLC does: a module file of
 * the same name takes precedence over the one in the root file). Every
 * unresolved name is a 'module-not-found' diagnostic at the EXTENDS or
 * INSTANCE that names it; a cycle of references is an error too.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic, Result } from '../../errors.js';
import type { Module } from '../ast.js';
import { parseModuleFile, parseModuleText } from '../parse/index.js';
import { isStandardModuleFile, STANDARD_MODULES, standardModuleFile } from '../stdlib/index.js';
import { type ModuleReference, moduleReferences, withNestedModules } from './references.js';
import type { LoadedSpec, LoadOptions } from './types.js';

/** The module whose definitions the root module sees without extending it (see addImplicitTLC). */
export const IMPLICIT_MODULE = 'TLC';

/** Where a module was found: a file, a bundled standard module, or an already parsed sibling module. */
type FoundModule =
  | { file: string }
  | { file?: undefined; text: string; builtin: string }
  | { file?: undefined; module: Module };

function parseFound(found: FoundModule): Result<Module> {
  if (found.file !== undefined) return parseModuleFile(found.file);
  if ('module' in found) return { value: found.module, diagnostics: [] };
  return parseModuleText(found.text, found.builtin);
}

class SpecLoader {
  readonly modules = new Map<string, Module>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly searchDirs: string[];
  /** The root file's other top-level modules, by name (see Module.siblings). */
  private readonly siblings = new Map<string, Module>();

  constructor(
    private readonly rootDir: string,
    libPaths: readonly string[],
  ) {
    this.searchDirs = libPaths.map((p) => resolve(p));
  }

  /** Registers `m` and its nested modules, then loads what they refer to. */
  add(m: Module): void {
    const all = withNestedModules(m);
    for (const sub of all) if (!this.modules.has(sub.name)) this.modules.set(sub.name, sub);
    for (const sub of all) {
      for (const ref of moduleReferences(sub)) this.resolve(ref, sub);
    }
  }

  private resolve(ref: ModuleReference, from: Module): void {
    if (this.modules.has(ref.name)) return;
    const found = this.find(ref.name, from);
    if (found === undefined) {
      const what = ref.via === 'extends' ? 'extended' : 'instantiated';
      const searched = this.folders(from).join(', ');
      this.diagnostics.push({
        code: 'module-not-found',
        severity: 'error',
        message:
          `Cannot find source file for module ${ref.name} ${what} in module ${from.name}. ` +
          `Searched for ${ref.name}.tla in ${searched}, then among the bundled modules; ` +
          'add a folder to the search path with --lib <dir>.',
        loc: ref.loc,
      });
      return;
    }
    const parsed = parseFound(found);
    this.diagnostics.push(...parsed.diagnostics);
    if (parsed.value === undefined) return;
    if (parsed.value.name !== ref.name) {
      this.diagnostics.push({
        code: 'module-not-found',
        severity: 'error',
        message: `File ${parsed.value.file} holds module ${parsed.value.name}, not ${ref.name}.`,
        loc: ref.loc,
      });
      return;
    }
    this.add(parsed.value);
  }

  /** Makes the root file's other modules available by name (after files and standard modules). */
  addSiblings(root: Module): void {
    for (const m of root.siblings ?? []) if (!this.siblings.has(m.name)) this.siblings.set(m.name, m);
  }

  /** The folders searched, in order, for a module referred to by `from`. */
  private folders(from: Module): string[] {
    const dirs = [this.rootDir];
    if (!isStandardModuleFile(from.file)) dirs.push(resolve(dirname(from.file)));
    dirs.push(...this.searchDirs);
    return [...new Set(dirs)];
  }

  private find(name: string, from: Module): FoundModule | undefined {
    for (const dir of this.folders(from)) {
      const file = join(dir, `${name}.tla`);
      if (existsSync(file)) return { file };
    }
    const text = STANDARD_MODULES.get(name);
    if (text !== undefined) return { text, builtin: standardModuleFile(name) };
    const sibling = this.siblings.get(name);
    return sibling === undefined ? undefined : { module: sibling };
  }

  /**
   * TLC always loads its TLC module with a spec, and the root module then
   * sees TLC's definitions even without `EXTENDS TLC` (TLC accepts `:>` in
   * such a module). Load it so moduleScope can offer them as a fallback.
   */
  addImplicitTLC(root: Module): void {
    if (this.modules.has(IMPLICIT_MODULE)) return;
    const found = this.find(IMPLICIT_MODULE, root);
    if (found === undefined) return;
    const parsed = parseFound(found);
    if (parsed.value?.name === IMPLICIT_MODULE) this.add(parsed.value);
  }

  /** Reports each cycle of EXTENDS/INSTANCE references once, at the reference that closes it. */
  checkCycles(): void {
    const state = new Map<string, 'active' | 'done'>();
    const stack: string[] = [];
    const visit = (name: string): void => {
      state.set(name, 'active');
      stack.push(name);
      const m = this.modules.get(name)!;
      for (const ref of moduleReferences(m)) {
        if (!this.modules.has(ref.name)) continue;
        const s = state.get(ref.name);
        if (s === 'active') {
          const cycle = [...stack.slice(stack.indexOf(ref.name)), ref.name].join(' -> ');
          this.diagnostics.push({
            code: 'syntax',
            severity: 'error',
            message: `Circular dependency among modules: ${cycle}.`,
            loc: ref.loc,
          });
        } else if (s === undefined) {
          visit(ref.name);
        }
      }
      stack.pop();
      state.set(name, 'done');
    };
    for (const name of this.modules.keys()) if (!state.has(name)) visit(name);
  }
}

/**
 * Parses the spec in `file` and loads every module it needs. `value` is
 * present only when every module was found and parsed without error.
 */
export function loadSpec(file: string, opts: LoadOptions = {}): Result<LoadedSpec> {
  const parsed = parseModuleFile(file);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  return loadFromModule(parsed.value, opts, parsed.diagnostics);
}

/**
 * Loads what an already parsed root module needs; dependencies are searched
 * next to `root.file` (so it should be a real path), then as in loadSpec.
 */
export function loadFromModule(
  root: Module,
  opts: LoadOptions = {},
  prior: Diagnostic[] = [],
): Result<LoadedSpec> {
  const loader = new SpecLoader(dirname(resolve(root.file)), opts.libPaths ?? []);
  loader.diagnostics.push(...prior);
  loader.addSiblings(root);
  loader.add(root);
  loader.addImplicitTLC(root);
  loader.checkCycles();
  const { diagnostics, modules } = loader;
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { value: { root, modules }, diagnostics };
}
