/**
 * Checks of a model configuration against the spec it configures, the ones
 * TLC makes before computing any state: every name the cfg mentions exists,
 * every constant gets a value or a substitution, and the cfg says how the
 * behaviours start and step (INIT and NEXT, or SPECIFICATION).
 */
import type { Diagnostic } from '../../errors.js';
import type { ModelConfig, NamedRef } from '../cfg/index.js';
import type { LoadedSpec, ModuleSymbol } from '../modules/index.js';
import { moduleScope } from '../modules/index.js';

function cfgError(code: Diagnostic['code'], message: string, loc: Diagnostic['loc']): Diagnostic {
  return { code, severity: 'error', message, loc };
}

/** The cfg's references to definitions, each with the keyword that names it. */
function namedRefs(cfg: ModelConfig): { keyword: string; ref: NamedRef }[] {
  const out: { keyword: string; ref: NamedRef }[] = [];
  const one = (keyword: string, ref: NamedRef | undefined): void => {
    if (ref !== undefined) out.push({ keyword, ref });
  };
  const many = (keyword: string, refs: readonly NamedRef[]): void => {
    for (const ref of refs) out.push({ keyword, ref });
  };
  one('INIT', cfg.init);
  one('NEXT', cfg.next);
  one('SPECIFICATION', cfg.specification);
  many('INVARIANT', cfg.invariants);
  many('PROPERTY', cfg.properties);
  many('CONSTRAINT', cfg.constraints);
  many('ACTION_CONSTRAINT', cfg.actionConstraints);
  one('SYMMETRY', cfg.symmetry);
  one('VIEW', cfg.view);
  one('ALIAS', cfg.alias);
  many('POSTCONDITION', cfg.postconditions);
  return out;
}

const isDefinition = (s: ModuleSymbol | undefined): boolean =>
  s !== undefined && (s.kind === 'operator' || s.kind === 'function');

/** The module's scope if `module` names a loaded module, else undefined. */
function scopeOf(spec: LoadedSpec, module: string | undefined): Map<string, ModuleSymbol> | undefined {
  if (module === undefined) return moduleScope(spec, spec.root.name);
  return spec.modules.has(module) ? moduleScope(spec, module) : undefined;
}

/** Every problem of `cfg` as a configuration of `spec`. */
export function checkConfig(spec: LoadedSpec, cfg: ModelConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const root = moduleScope(spec, spec.root.name);

  for (const { keyword, ref } of namedRefs(cfg)) {
    if (!isDefinition(root.get(ref.name))) {
      diagnostics.push(
        cfgError(
          'cfg-unknown-name',
          `The ${keyword} ${ref.name} named in the configuration file is not defined in module ${spec.root.name}.`,
          ref.loc,
        ),
      );
    }
  }

  const assigned = new Set<string>();
  for (const c of cfg.constants) {
    assigned.add(c.name);
    // `I!x` names something inside an instance: TLC resolves it when it builds the model.
    if (c.name.includes('!')) continue;
    const scope = scopeOf(spec, c.module);
    if (scope === undefined) {
      diagnostics.push(
        cfgError('cfg-unknown-name', `The configuration file names an unknown module ${c.module}.`, c.loc),
      );
      continue;
    }
    const where = c.module ?? spec.root.name;
    const target = scope.get(c.name);
    // `a = a` introduces the model value a, declared or not (TLC allows it).
    const selfModelValue = c.kind === 'value' && c.value.kind === 'modelValue' && c.value.name === c.name;
    if (target === undefined && selfModelValue) continue;
    if (target === undefined || target.kind === 'variable' || target.kind === 'instance') {
      diagnostics.push(
        cfgError(
          'cfg-unknown-name',
          `The configuration file assigns ${c.name}, which is not a constant or definition of module ${where}.`,
          c.loc,
        ),
      );
    }
    if (c.kind === 'substitution' && !isDefinition(root.get(c.by)) && root.get(c.by)?.kind !== 'constant') {
      diagnostics.push(
        cfgError(
          'cfg-unknown-name',
          `The configuration file substitutes ${c.name} by ${c.by}, which is not defined in module ${spec.root.name}.`,
          c.loc,
        ),
      );
    }
  }

  for (const s of root.values()) {
    if (s.kind === 'constant' && !assigned.has(s.name)) {
      diagnostics.push(
        cfgError(
          'cfg-missing-constant',
          `The constant ${s.name} of module ${s.module} is not assigned a value by the configuration file ${cfg.file}.`,
          s.loc,
        ),
      );
    }
  }

  const initNext = cfg.init !== undefined || cfg.next !== undefined;
  if (cfg.specification !== undefined && initNext) {
    diagnostics.push(
      cfgError(
        'cfg-no-behaviour',
        'The configuration file gives both SPECIFICATION and INIT/NEXT: give only one of them.',
        cfg.specification.loc,
      ),
    );
  } else if (
    cfg.specification === undefined &&
    (cfg.init === undefined || cfg.next === undefined) &&
    (initNext || hasVariables(root))
  ) {
    // Without variables there is no behaviour to give: TLC evaluates the ASSUMEs and stops.
    const missing = cfg.init === undefined ? (cfg.next === undefined ? 'INIT and NEXT' : 'INIT') : 'NEXT';
    diagnostics.push(
      cfgError(
        'cfg-no-behaviour',
        `The configuration file gives neither SPECIFICATION nor ${missing}: TLC needs a SPECIFICATION or both INIT and NEXT.`,
        (cfg.init ?? cfg.next)?.loc ?? { file: cfg.file, line: 1, col: 1 },
      ),
    );
  }
  return diagnostics;
}

function hasVariables(root: Map<string, { kind: string }>): boolean {
  for (const s of root.values()) if (s.kind === 'variable') return true;
  return false;
}
