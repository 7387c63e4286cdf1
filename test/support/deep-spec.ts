/**
 * Generated specs at the sizes that used to overflow the stack: long
 * conjunction lists, deeply nested parentheses, IFs and LETs, long chains of
 * definitions, long flat sums. Each size is a parameter so a benchmark can
 * scale them.
 */
export interface DeepSizes {
  conjuncts: number;
  parentheses: number;
  ifs: number;
  chained: number;
  sumTerms: number;
  /** Nested `LET … IN` (optional: 0 when absent). */
  lets?: number;
}

/** The sizes issue 13 asks to check with exit 0. */
export const REQUIRED_SIZES: DeepSizes = {
  conjuncts: 5000,
  parentheses: 5000,
  ifs: 3000,
  chained: 3000,
  sumTerms: 5000,
  lets: 3000,
};

/** A module `name` whose invariant holds, built from every kind of depth at the given sizes. */
export function deepSpec(name: string, s: DeepSizes): string {
  const conj = Array.from({ length: s.conjuncts }, () => '  /\\ x >= 0').join('\n');
  const parens = `${'('.repeat(s.parentheses)}x = 0${')'.repeat(s.parentheses)}`;
  const ifs = `${'IF x = 0 THEN '.repeat(s.ifs)}TRUE${' ELSE FALSE'.repeat(s.ifs)}`;
  const chain = Array.from({ length: s.chained }, (_, i) => `D${i + 1} == D${i} + 1`).join('\n');
  const sum = Array.from({ length: s.sumTerms }, () => '1').join(' + ');
  const lets = s.lets ?? 0;
  const letChain = Array.from(
    { length: lets },
    (_, i) => `  LET L${i} == ${i === 0 ? '0' : `L${i - 1} + 1`} IN`,
  )
    .concat(lets > 0 ? [`  L${lets - 1}`] : ['  0'])
    .join('\n');
  return [
    `---- MODULE ${name} ----`,
    'EXTENDS Naturals',
    'VARIABLE x',
    'Init == x = 0',
    "Next == x' = x",
    `Conj ==\n${conj}`,
    `Parens == ${parens}`,
    `Ifs == ${ifs}`,
    'D0 == 0',
    chain,
    `Sum == ${sum}`,
    `Lets ==\n${letChain}`,
    `Inv == Conj /\\ Parens /\\ Ifs /\\ D${s.chained} = ${s.chained} /\\ Sum = ${s.sumTerms} /\\ Lets = ${Math.max(0, lets - 1)}`,
    '====',
    '',
  ].join('\n');
}

export const DEEP_CFG = 'INIT Init\nNEXT Next\nINVARIANT Inv\n';
