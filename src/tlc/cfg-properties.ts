/**
 * The PROPERTY names of a .cfg, read with a minimal scan. The runner needs
 * only these (to tell a violated `[]P` property from an invariant, which TLC
 * reports alike); callers that parsed the cfg pass the names instead.
 */

const SECTION =
  /^(INIT|NEXT|SPECIFICATION|INVARIANTS?|PROPERTY|PROPERTIES|CONSTANTS?|CONSTRAINTS?|ACTION_CONSTRAINTS?|SYMMETRY|VIEW|ALIAS|CHECK_DEADLOCK|POSTCONDITIONS?)$/;

export function cfgPropertyNames(cfg: string): string[] {
  const words = cfg
    .replace(/\(\*[\s\S]*?\*\)/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\\\*.*$/, ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  const names: string[] = [];
  let inProperties = false;
  for (const w of words) {
    if (SECTION.test(w)) inProperties = w === 'PROPERTY' || w === 'PROPERTIES';
    else if (inProperties) names.push(w);
  }
  return names;
}
