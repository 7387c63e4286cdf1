/**
 * Canonical operator names.
 *
 * TLA+ has several spellings for most operators: `\land`, `/\` and `∧` are
 * one operator, so are `#`, `/=` and `≠`. The AST names every operator by
 * one canonical ASCII spelling, chosen here, so that later phases compare
 * names without caring how the source spelled them. Unary minus is `-.`,
 * as in TLC, to keep it apart from binary `-`.
 */

/** Canonical name → every spelling of it (the canonical one first). */
const SPELLINGS: Record<string, readonly string[]> = {
  // logic
  '/\\': ['/\\', '\\land', '∧'],
  '\\/': ['\\/', '\\lor', '∨'],
  '~': ['~', '\\lnot', '\\neg', '¬'],
  '=>': ['=>', '⟹', '⇒'],
  '<=>': ['<=>', '\\equiv', '⟺', '⇔', '≡'],
  // relations
  '=': ['='],
  '/=': ['/=', '#', '≠'],
  '<': ['<'],
  '>': ['>'],
  '<=': ['<=', '=<', '\\leq', '≤'],
  '>=': ['>=', '\\geq', '≥'],
  '\\in': ['\\in', '∈'],
  '\\notin': ['\\notin', '∉'],
  '\\subseteq': ['\\subseteq', '⊆'],
  '\\subset': ['\\subset', '⊂'],
  '\\supseteq': ['\\supseteq', '⊇'],
  '\\supset': ['\\supset', '⊃'],
  '\\prec': ['\\prec', '≺'],
  '\\succ': ['\\succ', '≻'],
  '\\preceq': ['\\preceq', '⪯'],
  '\\succeq': ['\\succeq', '⪰'],
  '\\sqsubset': ['\\sqsubset', '⊏'],
  '\\sqsupset': ['\\sqsupset', '⊐'],
  '\\sqsubseteq': ['\\sqsubseteq', '⊑'],
  '\\sqsupseteq': ['\\sqsupseteq', '⊒'],
  '\\approx': ['\\approx', '≈'],
  '\\asymp': ['\\asymp', '≍'],
  '\\cong': ['\\cong', '≅'],
  '\\doteq': ['\\doteq', '≐'],
  '\\gg': ['\\gg', '≫'],
  '\\ll': ['\\ll', '≪'],
  '\\propto': ['\\propto', '∝'],
  '\\sim': ['\\sim', '∼'],
  '\\simeq': ['\\simeq', '≃'],
  '|-': ['|-', '⊢'],
  '|=': ['|=', '⊨'],
  '-|': ['-|', '⊣'],
  '=|': ['=|', '⫤'],
  ':=': [':=', '≔'],
  '::=': ['::=', '⩴'],
  // sets
  '\\cup': ['\\cup', '\\union', '∪'],
  '\\cap': ['\\cap', '\\intersect', '∩'],
  '\\': ['\\'],
  '\\X': ['\\X', '\\times', '×'],
  SUBSET: ['SUBSET'],
  UNION: ['UNION'],
  DOMAIN: ['DOMAIN'],
  // arithmetic and the rest of the user-definable infix operators
  '+': ['+'],
  '-': ['-'],
  '-.': ['-.'],
  '*': ['*'],
  '/': ['/'],
  '^': ['^'],
  '%': ['%'],
  '\\div': ['\\div', '÷'],
  '..': ['..', '‥'],
  '...': ['...', '…'],
  '++': ['++'],
  '--': ['--'],
  '**': ['**'],
  '//': ['//'],
  '%%': ['%%'],
  '^^': ['^^'],
  '&': ['&'],
  '&&': ['&&'],
  '|': ['|'],
  '||': ['||', '‖'],
  $: ['$'],
  $$: ['$$'],
  '??': ['??', '⁇'],
  '##': ['##'],
  '!!': ['!!', '‼'],
  '@@': ['@@'],
  ':>': [':>'],
  '<:': ['<:'],
  '(+)': ['(+)', '\\oplus', '⊕'],
  '(-)': ['(-)', '\\ominus', '⊖'],
  '(.)': ['(.)', '\\odot', '⊙'],
  '(/)': ['(/)', '\\oslash', '⊘'],
  '(\\X)': ['(\\X)', '\\otimes', '⊗'],
  '\\o': ['\\o', '\\circ', '∘'],
  '\\bigcirc': ['\\bigcirc', '◯'],
  '\\bullet': ['\\bullet', '●'],
  '\\star': ['\\star', '⋆'],
  '\\sqcap': ['\\sqcap', '⊓'],
  '\\sqcup': ['\\sqcup', '⊔'],
  '\\uplus': ['\\uplus', '⊎'],
  '\\wr': ['\\wr', '≀'],
  '\\cdot': ['\\cdot', '⋅'],
  // postfix
  "'": ["'"],
  '^+': ['^+', '⁺'],
  '^*': ['^*'],
  '^#': ['^#'],
  // temporal
  '[]': ['[]', '□'],
  '<>': ['<>', '⋄', '◇'],
  '~>': ['~>', '⇝', '↝'],
  '-+->': ['-+->', '⇸', '⥅'],
  ENABLED: ['ENABLED'],
  UNCHANGED: ['UNCHANGED'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, spellings] of Object.entries(SPELLINGS)) {
  for (const s of spellings) CANONICAL.set(s, canonical);
}

/**
 * The canonical ASCII name of an operator spelled `text` (`\land` → `/\`,
 * `≠` → `/=`). Text that is not a built-in operator symbol (a user
 * identifier such as `Len`) is returned unchanged.
 */
export function canonicalOperator(text: string): string {
  return CANONICAL.get(text) ?? text;
}

/** True when `text` is one spelling of a built-in operator symbol. */
export function isOperatorSymbol(text: string): boolean {
  return CANONICAL.has(text);
}

/** Every spelling of the operator whose canonical name is `canonical` (empty when unknown). */
export function operatorSpellings(canonical: string): readonly string[] {
  return SPELLINGS[canonical] ?? [];
}

/**
 * SANY's precedence range [low, high] of each infix operator: an operator
 * binds tighter than another when its range lies entirely above the other's;
 * ranges that overlap make SANY reject the unparenthesised mix. The values
 * are SANY's own (tla2sany ConfigConstants), which differ from the printed
 * summary for SUBSET, UNION and DOMAIN (10-13 in SANY, so `SUBSET 1..3` is
 * `(SUBSET 1)..3`). The tree-sitter grammar follows them; these tables are
 * for printing expressions with the parentheses TLA+ needs.
 */
const INFIX_PRECEDENCE: Record<string, readonly [number, number]> = {};
const setRange = (low: number, high: number, names: string[]): void => {
  for (const n of names) INFIX_PRECEDENCE[n] = [low, high];
};
setRange(1, 1, ['=>']);
setRange(2, 2, ['<=>', '~>', '-+->']);
setRange(3, 3, ['/\\', '\\/']);
setRange(5, 5, [
  '=',
  '/=',
  '<',
  '>',
  '<=',
  '>=',
  '\\in',
  '\\notin',
  '\\subseteq',
  '\\subset',
  '\\supseteq',
  '\\supset',
  '\\prec',
  '\\succ',
  '\\preceq',
  '\\succeq',
  '\\sqsubset',
  '\\sqsupset',
  '\\sqsubseteq',
  '\\sqsupseteq',
  '\\approx',
  '\\asymp',
  '\\cong',
  '\\doteq',
  '\\gg',
  '\\ll',
  '\\propto',
  '\\sim',
  '\\simeq',
  '|-',
  '|=',
  '-|',
  '=|',
  ':=',
  '::=',
]);
setRange(6, 6, ['@@']);
setRange(7, 7, [':>', '<:']);
setRange(8, 8, ['\\cup', '\\cap', '\\']);
setRange(9, 9, ['..', '...']);
setRange(9, 13, ['!!', '##', '$', '$$', '??', '\\sqcap', '\\sqcup', '\\uplus']);
setRange(9, 14, ['\\wr']);
setRange(10, 10, ['+', '++', '(+)']);
setRange(10, 11, ['%', '%%', '|', '||']);
setRange(10, 13, ['\\X']);
setRange(11, 11, ['-', '--', '(-)']);
setRange(13, 13, [
  '&',
  '&&',
  '(.)',
  '(/)',
  '(\\X)',
  '*',
  '**',
  '/',
  '//',
  '\\bigcirc',
  '\\bullet',
  '\\div',
  '\\o',
  '\\star',
]);
setRange(5, 14, ['\\cdot']);
setRange(14, 14, ['^', '^^']);

/** SANY's precedence range of an infix operator given by canonical name; undefined for user identifiers. */
export function infixPrecedence(canonical: string): readonly [number, number] | undefined {
  return INFIX_PRECEDENCE[canonical];
}

const PREFIX_PRECEDENCE: Record<string, readonly [number, number]> = {
  '~': [4, 4],
  ENABLED: [4, 15],
  UNCHANGED: [4, 15],
  '[]': [4, 15],
  '<>': [4, 15],
  SUBSET: [10, 13],
  UNION: [10, 13],
  DOMAIN: [10, 13],
  '-.': [12, 12],
};

/** SANY's precedence range of a prefix operator given by canonical name. */
export function prefixPrecedence(canonical: string): readonly [number, number] | undefined {
  return PREFIX_PRECEDENCE[canonical];
}
