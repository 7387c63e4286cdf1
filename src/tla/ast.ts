/**
 * The TLA+ abstract syntax tree.
 *
 * Every node is a `kind`-tagged variant with a source location, so a
 * `switch (node.kind)` is exhaustive and every diagnostic can point at
 * `file:line:col`. The parser (src/tla/parse) builds it from tree-sitter's
 * concrete syntax tree; the checker (src/check) compiles it to closures.
 *
 * Design choices worth knowing:
 * - Operators are applied by name (`OpApp`), built-in or user-defined alike:
 *   `a + b` is `OpApp { name: '+', args: [a, b] }`. Unicode and ASCII
 *   spellings are normalised to one canonical name (see `canonicalOperator`
 *   in src/tla/operators.ts): `\land`, `/\` and `∧` are all `/\`.
 * - Names are not resolved here: an `Ident` is whatever the source says.
 *   Resolution (to a variable, constant, definition, bound variable or
 *   built-in) happens in the module layer and the checker.
 * - Junction lists (`/\` and `\/` bullets) become `OpApp` of `/\` or `\/`
 *   with all items as args (n-ary), which keeps their evaluation order.
 * - Instance-qualified names (`B!CNext`, `P(a, 2)!COk`) are `InstanceRef`.
 */

export interface Loc {
  file: string;
  /** 1-based line of the first character. */
  line: number;
  /** 1-based column of the first character. */
  col: number;
  /** 1-based line of the last character. */
  endLine: number;
  /** 1-based column just after the last character (TLC prints the last column inclusive). */
  endCol: number;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | NumLit
  | StrLit
  | BoolLit
  | Ident
  | OpApp
  | InstanceRef
  | Lambda
  | LetIn
  | IfThenElse
  | Case
  | Quant
  | Choose
  | SetEnum
  | SetFilter
  | SetMap
  | FcnCtor
  | FcnApp
  | FcnSet
  | RecordCtor
  | RecordSet
  | FieldAccess
  | TupleCtor
  | Except
  | At
  | Prime
  | Unchanged
  | Enabled
  | ActionBox
  | ActionAngle
  | Fairness
  | TemporalQuant;

/** An integer literal (decimal, `\b101`, `\o17`, `\hFF`); bigint-free because TLC ints are 32-bit. */
export interface NumLit {
  kind: 'Num';
  loc: Loc;
  /** Decimal digits of the value, exact (may exceed 2^31: the checker reports overflow). */
  value: string;
}

export interface StrLit {
  kind: 'Str';
  loc: Loc;
  /** The string with escapes already decoded. */
  value: string;
}

export interface BoolLit {
  kind: 'Bool';
  loc: Loc;
  value: boolean;
}

/** A name used as an expression: variable, constant, zero-arity definition, bound variable, `Nat`, ... */
export interface Ident {
  kind: 'Ident';
  loc: Loc;
  name: string;
}

/**
 * Application of an operator by name, user-defined or built-in: prefix
 * (`~x`, `-x` is name `-.`), infix (`a + b`), postfix (`x'` is `Prime`, not
 * this), and ordinary calls `Op(a, b)`. Arguments may be `Lambda` or an
 * `Ident` naming an operator (higher-order parameters).
 */
export interface OpApp {
  kind: 'OpApp';
  loc: Loc;
  /** Canonical operator name: '+', '\\in', '/\\', '-.' (unary minus), 'Len', 'Foo', ... */
  name: string;
  args: Expr[];
}

/** `B!Op(args)` or `P(a, 2)!Op(args)`; `path` has one step per `!`. */
export interface InstanceRef {
  kind: 'InstanceRef';
  loc: Loc;
  /** Prefix steps, each an instance name with its arguments: `P(a, 2)` → `{ name: 'P', args: [a, 2] }`. */
  path: { name: string; args: Expr[] }[];
  /** The final definition name and its arguments. */
  name: string;
  args: Expr[];
}

/** `LAMBDA x, y : body` */
export interface Lambda {
  kind: 'Lambda';
  loc: Loc;
  params: string[];
  body: Expr;
}

/** `LET defs IN body`: definitions are local operator / function definitions (possibly RECURSIVE). */
export interface LetIn {
  kind: 'Let';
  loc: Loc;
  defs: (OperatorDef | FunctionDef | RecursiveDecl | InstanceDef)[];
  body: Expr;
}

export interface IfThenElse {
  kind: 'If';
  loc: Loc;
  cond: Expr;
  then: Expr;
  else: Expr;
}

/** `CASE p1 -> e1 [] p2 -> e2 [] OTHER -> e` */
export interface Case {
  kind: 'Case';
  loc: Loc;
  arms: { guard: Expr; body: Expr }[];
  other?: Expr;
}

/**
 * A bound: `x \in S`, `x, y \in S` (names share the set), or the tuple
 * pattern `<<x, y>> \in S`.
 */
export interface Bound {
  /** Plain names bound to each element, or one tuple pattern. */
  names: string[];
  /** True when `names` come from a tuple pattern `<<a, b>>` (one element destructured). */
  tuple: boolean;
  set: Expr;
  loc: Loc;
}

/** `\A bounds : body`, `\E bounds : body`, and unbounded `\A x : body` / `\E x : body` (bounds' set absent). */
export interface Quant {
  kind: 'Quant';
  loc: Loc;
  quantifier: 'forall' | 'exists';
  bounds: Bound[];
  /** Names of an unbounded quantifier (`\E x, y : P`); empty when `bounds` is used. */
  unbounded: string[];
  body: Expr;
}

/** `CHOOSE x \in S : P` (set present) or `CHOOSE x : P` (unbounded), `CHOOSE <<a, b>> \in S : P`. */
export interface Choose {
  kind: 'Choose';
  loc: Loc;
  names: string[];
  tuple: boolean;
  set?: Expr;
  body: Expr;
}

/** `{a, b, c}` */
export interface SetEnum {
  kind: 'SetEnum';
  loc: Loc;
  elems: Expr[];
}

/** `{x \in S : P}` (also with a tuple pattern). */
export interface SetFilter {
  kind: 'SetFilter';
  loc: Loc;
  bound: Bound;
  pred: Expr;
}

/** `{e : x \in S, y \in T}` */
export interface SetMap {
  kind: 'SetMap';
  loc: Loc;
  body: Expr;
  bounds: Bound[];
}

/** `[x \in S, y \in T |-> e]` */
export interface FcnCtor {
  kind: 'FcnCtor';
  loc: Loc;
  bounds: Bound[];
  body: Expr;
}

/** `f[a]` or `f[a, b]` (the latter applies f to the tuple `<<a, b>>`). */
export interface FcnApp {
  kind: 'FcnApp';
  loc: Loc;
  fcn: Expr;
  args: Expr[];
}

/** `[S -> T]` */
export interface FcnSet {
  kind: 'FcnSet';
  loc: Loc;
  domain: Expr;
  range: Expr;
}

/** `[a |-> 1, b |-> 2]` */
export interface RecordCtor {
  kind: 'RecordCtor';
  loc: Loc;
  fields: { name: string; value: Expr }[];
}

/** `[a : S, b : T]` */
export interface RecordSet {
  kind: 'RecordSet';
  loc: Loc;
  fields: { name: string; set: Expr }[];
}

/** `r.field` */
export interface FieldAccess {
  kind: 'FieldAccess';
  loc: Loc;
  record: Expr;
  field: string;
}

/** `<<a, b, c>>` */
export interface TupleCtor {
  kind: 'Tuple';
  loc: Loc;
  elems: Expr[];
}

/** One step of an EXCEPT path: `[e]`/`[e1, e2]` (index, args form a tuple when several) or `.field`. */
export type ExceptStep = { kind: 'index'; args: Expr[] } | { kind: 'field'; name: string };

/** `[f EXCEPT ![a][b] = e1, !.c = e2]`; `@` inside a value is `At`. */
export interface Except {
  kind: 'Except';
  loc: Loc;
  fcn: Expr;
  updates: { path: ExceptStep[]; value: Expr }[];
}

/** `@` inside an EXCEPT value: the old value at that path. */
export interface At {
  kind: 'At';
  loc: Loc;
}

/** `e'` */
export interface Prime {
  kind: 'Prime';
  loc: Loc;
  expr: Expr;
}

/** `UNCHANGED e` */
export interface Unchanged {
  kind: 'Unchanged';
  loc: Loc;
  expr: Expr;
}

/** `ENABLED A` */
export interface Enabled {
  kind: 'Enabled';
  loc: Loc;
  expr: Expr;
}

/** `[A]_v` */
export interface ActionBox {
  kind: 'ActionBox';
  loc: Loc;
  action: Expr;
  sub: Expr;
}

/** `<<A>>_v` */
export interface ActionAngle {
  kind: 'ActionAngle';
  loc: Loc;
  action: Expr;
  sub: Expr;
}

/** `WF_v(A)` / `SF_v(A)` */
export interface Fairness {
  kind: 'Fairness';
  loc: Loc;
  strength: 'WF' | 'SF';
  sub: Expr;
  action: Expr;
}

/** `\EE x : F` / `\AA x : F` (parsed so a clear "not supported" can point at it). */
export interface TemporalQuant {
  kind: 'TemporalQuant';
  loc: Loc;
  quantifier: 'EE' | 'AA';
  names: string[];
  body: Expr;
}

// Temporal `[]F`, `<>F`, `F ~> G`, `-+->` are `OpApp` with names '[]', '<>', '~>', '-+->'.

// ---------------------------------------------------------------- units

/** A formal parameter of a definition: `x` (arity 0) or a higher-order `F(_, _)` (arity 2). */
export interface Param {
  name: string;
  arity: number;
  loc: Loc;
}

/** `Op(p1, p2) == body`, also infix/prefix/postfix user operators (`a (+) b == …` has name '(+)'). */
export interface OperatorDef {
  kind: 'OperatorDef';
  loc: Loc;
  name: string;
  params: Param[];
  body: Expr;
  local: boolean;
  /** Declared in a `RECURSIVE` line. */
  recursive: boolean;
}

/** `f[x \in S, y \in T] == body` (recursive function definition). */
export interface FunctionDef {
  kind: 'FunctionDef';
  loc: Loc;
  name: string;
  bounds: Bound[];
  body: Expr;
  local: boolean;
}

/** `RECURSIVE F(_), G(_, _)` */
export interface RecursiveDecl {
  kind: 'RecursiveDecl';
  loc: Loc;
  ops: Param[];
}

/** `I == INSTANCE M WITH a <- e` (named) or `P(x) == INSTANCE M WITH …` (parameterised). */
export interface InstanceDef {
  kind: 'InstanceDef';
  loc: Loc;
  name: string;
  params: Param[];
  instance: Instance;
  local: boolean;
}

/** `INSTANCE M WITH a <- e, b <- f` (unnamed when used as a unit). */
export interface Instance {
  kind: 'Instance';
  loc: Loc;
  module: string;
  substitutions: { name: string; value: Expr; loc: Loc }[];
  local: boolean;
}

export interface ConstantDecl {
  kind: 'ConstantDecl';
  loc: Loc;
  /** Constants, each with an arity (`CONSTANT Op(_, _)` declares an operator constant of arity 2). */
  names: Param[];
}

export interface VariableDecl {
  kind: 'VariableDecl';
  loc: Loc;
  names: { name: string; loc: Loc }[];
}

export interface Assume {
  kind: 'Assume';
  loc: Loc;
  name?: string;
  expr: Expr;
}

/** THEOREM / LEMMA / ... : kept only so they can be listed; the checker ignores them. */
export interface Theorem {
  kind: 'Theorem';
  loc: Loc;
  name?: string;
}

export type Unit =
  | OperatorDef
  | FunctionDef
  | RecursiveDecl
  | InstanceDef
  | Instance
  | ConstantDecl
  | VariableDecl
  | Assume
  | Theorem
  | Module;

export interface Module {
  kind: 'Module';
  loc: Loc;
  name: string;
  extends: { name: string; loc: Loc }[];
  /** Units in source order (nested modules appear as `Module` units). */
  units: Unit[];
  /** Absolute path of the source file, or `<builtin>/Name.tla` for bundled standard modules. */
  file: string;
  /**
   * The other top-level modules of the same file (a "monolith" file such as
   * TLC's generated `<Spec>_TTrace_<n>.tla`), set on a file's main module
   * only. Like TLC, the loader uses one only when no file provides a module
   * of that name.
   */
  siblings?: Module[];
}
