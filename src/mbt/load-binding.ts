/**
 * Loading a binding from a module file (`tlaw replay --binding <module>`):
 * a .js/.mjs file, or a .ts/.mts file compiled on the fly by tsx. The module
 * exports the binding as its default export or as `binding`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ioDiagnostic, type Result } from '../errors.js';
import type { Binding } from './binding.js';

function problem(message: string, file: string): Result<Binding<unknown>> {
  return { diagnostics: [ioDiagnostic(message, file)] };
}

function looksLikeBinding(x: unknown): x is Binding<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const b = x as Record<string, unknown>;
  return (
    typeof b.create === 'function' &&
    typeof b.observe === 'function' &&
    typeof b.actions === 'object' &&
    b.actions !== null
  );
}

/**
 * Imports `file`. A process that already understands TypeScript (tsx,
 * vitest) imports it directly, sharing its module instances; plain Node
 * falls back to tsx's loader for TypeScript files.
 */
async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (e) {
    // Plain Node cannot load TypeScript (or its `.js` import specifiers): use tsx.
    if (!/\.[mc]?ts$/.test(file)) throw e;
  }
  // tsx is an optional peer dependency: only TypeScript bindings loaded by plain Node need it.
  let tsx: typeof import('tsx/esm/api');
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    throw new Error(
      'loading a TypeScript binding needs tsx: install it (npm install --save-dev tsx), or compile the binding to JavaScript',
    );
  }
  return (await tsx.tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** The binding exported by `path`, or a diagnostic saying what is wrong with the module. */
export async function loadBinding(path: string): Promise<Result<Binding<unknown>>> {
  const file = resolve(path);
  if (!existsSync(file)) return problem(`Cannot read ${path}: file not found.`, path);
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(file);
  } catch (e) {
    return problem(`Cannot load the binding module ${path}: ${(e as Error).message}`, path);
  }
  const candidate = looksLikeBinding(mod.default) ? mod.default : mod.binding;
  if (!looksLikeBinding(candidate)) {
    return problem(
      `${path} exports no binding: export one (made with defineBinding) as default or as \`binding\`.`,
      path,
    );
  }
  return { value: candidate, diagnostics: [] };
}
