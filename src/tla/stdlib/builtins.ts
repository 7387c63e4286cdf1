/**
 * The standard-module operators the checker must evaluate natively.
 *
 * Their bundled definitions only give names and arities (or are too slow or
 * unbounded to evaluate as written), exactly as TLC overrides the same
 * definitions with Java code. Any standard-module definition not listed
 * here is meant to be evaluated from its TLA+ text.
 */

export interface BuiltinOperator {
  /** Standard module that defines it. */
  module: string;
  /** Canonical operator name as the parser writes it ('+', '\\div', '-.', 'Len', ...). */
  name: string;
  arity: number;
}

function ops(module: string, entries: [string, number][]): BuiltinOperator[] {
  return entries.map(([name, arity]) => ({ module, name, arity }));
}

export const BUILTIN_OPERATORS: readonly BuiltinOperator[] = [
  ...ops('Naturals', [
    ['Nat', 0],
    ['+', 2],
    ['-', 2],
    ['*', 2],
    ['^', 2],
    ['<=', 2],
    ['<', 2],
    ['>', 2],
    ['>=', 2],
    ['\\div', 2],
    ['%', 2],
    ['..', 2],
  ]),
  ...ops('Integers', [
    ['Int', 0],
    ['-.', 1],
  ]),
  ...ops('Sequences', [
    ['Seq', 1],
    ['Len', 1],
    ['\\o', 2],
    ['Append', 2],
    ['Head', 1],
    ['Tail', 1],
    ['SubSeq', 3],
    ['SelectSeq', 2],
  ]),
  ...ops('FiniteSets', [
    ['IsFiniteSet', 1],
    ['Cardinality', 1],
  ]),
  ...ops('TLC', [
    ['Print', 2],
    ['PrintT', 1],
    ['Assert', 2],
    ['JavaTime', 0],
    ['TLCGet', 1],
    ['TLCSet', 2],
    [':>', 2],
    ['@@', 2],
    ['Permutations', 1],
    ['SortSeq', 2],
    ['RandomElement', 1],
    ['Any', 0],
    ['ToString', 1],
    ['TLCEval', 1],
  ]),
  ...ops('Bags', [
    ['IsABag', 1],
    ['BagCardinality', 1],
    ['BagUnion', 1],
    ['SubBag', 1],
    ['BagOfAll', 2],
  ]),
  ...ops('TLCExt', [
    ['AssertEq', 2],
    ['AssertError', 2],
    ['TLCModelValue', 1],
    ['TLCGetOrDefault', 2],
    ['TLCGetAndSet', 4],
    ['TLCDefer', 1],
    ['Trace', 0],
    ['TLCFP', 1],
  ]),
  ...ops('Randomization', [
    ['RandomSubset', 2],
    ['RandomSetOfSubsets', 3],
    ['RandomSubsetSet', 3],
  ]),
  ...ops('Folds', [['MapThenFoldSet', 5]]),
  ...ops('Functions', [
    ['IsInjective', 1],
    ['ExistsInjection', 2],
    ['ExistsSurjection', 2],
    ['ExistsBijection', 2],
    ['FoldFunction', 3],
    ['FoldFunctionOnSet', 4],
  ]),
  ...ops('FiniteSetsExt', [
    ['FoldSet', 3],
    ['SumSet', 1],
    ['ProductSet', 1],
    ['ReduceSet', 3],
    ['MapThenSumSet', 2],
    ['Quantify', 2],
    ['kSubset', 2],
    ['Max', 1],
    ['Min', 1],
  ]),
  ...ops('SequencesExt', [
    ['SetToSeq', 1],
    ['Reverse', 1],
    ['FoldSeq', 3],
    ['FoldLeft', 3],
    ['FoldRight', 3],
    ['FoldLeftDomain', 3],
    ['FoldRightDomain', 3],
    ['FlattenSeq', 1],
    ['IndexFirstSubSeq', 2],
    ['ReplaceAllSubSeqs', 3],
  ]),
  ...ops('Relation', [['TransitiveClosure', 2]]),
  ...ops('Graphs', [
    ['AreConnectedIn', 3],
    ['ConnectionsIn', 1],
    ['IsStronglyConnected', 1],
  ]),
  ...ops('Json', [
    ['ToJson', 1],
    ['ToJsonArray', 1],
    ['ToJsonObject', 1],
    ['JsonSerialize', 2],
    ['JsonDeserialize', 1],
    ['ndJsonSerialize', 2],
    ['ndJsonDeserialize', 1],
  ]),
];

/** True when `name` of standard module `module` must be evaluated natively. */
export function isBuiltinOperator(module: string, name: string): boolean {
  return BUILTIN_OPERATORS.some((op) => op.module === module && op.name === name);
}
