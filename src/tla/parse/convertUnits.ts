/**
 * CST → AST for a module and its units: EXTENDS, CONSTANT(S), VARIABLE(S),
 * RECURSIVE, operator / function / instance definitions (LOCAL too),
 * INSTANCE, ASSUME, THEOREM and nested modules.
 */
import type {
  Assume,
  FunctionDef,
  Instance,
  InstanceDef,
  LetIn,
  Module,
  OperatorDef,
  Param,
  RecursiveDecl,
  Theorem,
  Unit,
} from '../ast.js';
import { type ConvertContext, fieldChildren, locOf, namedKids, unsupported } from './context.js';
import { boundsOf } from './convertBinders.js';
import { convertExpr } from './convertExpr.js';
import { convertArgument } from './convertOperators.js';
import { symbolName } from './symbols.js';
import type { SyntaxNode } from './treeSitter.js';

/** Convert a `module` CST node (top-level or nested). */
export function convertModule(ctx: ConvertContext, node: SyntaxNode): Module {
  const nameNode = node.childForFieldName('name')!;
  const extendsList: Module['extends'] = [];
  const units: Unit[] = [];
  // Subexpression references (`TypeOK!1`) name definitions made earlier in the module.
  const outer = ctx.definitions;
  ctx.definitions = new Map();
  for (const child of namedKids(node)) {
    if (child.type === 'extends') {
      for (const m of namedKids(child)) extendsList.push({ name: m.text, loc: locOf(ctx, m) });
      continue;
    }
    const unit = convertUnit(ctx, child);
    if (unit) units.push(unit);
    if (unit?.kind === 'OperatorDef') ctx.definitions.set(unit.name, unit);
  }
  ctx.definitions = outer;
  markRecursive(units);
  return {
    kind: 'Module',
    loc: locOf(ctx, node),
    name: nameNode.text,
    extends: extendsList,
    units,
    file: ctx.file,
  };
}

/** One module-level unit, or undefined for what carries no meaning (separators, USE/HIDE, the header). */
function convertUnit(ctx: ConvertContext, node: SyntaxNode): Unit | undefined {
  const loc = locOf(ctx, node);
  switch (node.type) {
    case 'variable_declaration':
      return {
        kind: 'VariableDecl',
        loc,
        names: namedKids(node)
          .filter((c) => c.type === 'identifier')
          .map((c) => ({ name: c.text, loc: locOf(ctx, c) })),
      };
    case 'constant_declaration':
      return { kind: 'ConstantDecl', loc, names: declaredOps(ctx, node) };
    case 'recursive_declaration':
      return { kind: 'RecursiveDecl', loc, ops: declaredOps(ctx, node) };
    case 'local_definition': {
      const def = convertDefinition(ctx, namedKids(node)[0]!);
      return def.kind === 'RecursiveDecl' ? def : { ...def, local: true, loc };
    }
    case 'operator_definition':
    case 'function_definition':
    case 'module_definition':
    case 'instance':
      return convertDefinition(ctx, node);
    case 'assumption':
      return convertAssume(ctx, node);
    case 'theorem':
      return convertTheorem(ctx, node);
    case 'module':
      return convertModule(ctx, node);
    case 'header_line':
    case 'double_line':
    case 'single_line':
    case 'use_or_hide':
    case 'identifier':
      return undefined;
    default:
      unsupported(ctx, node, `The module-level construct ${JSON.stringify(node.text.slice(0, 40))}`);
      return undefined;
  }
}

type Definition = OperatorDef | FunctionDef | InstanceDef | Instance | RecursiveDecl;

/** An operator, function or instance definition, an INSTANCE, or a RECURSIVE line. */
function convertDefinition(ctx: ConvertContext, node: SyntaxNode): Definition {
  const loc = locOf(ctx, node);
  switch (node.type) {
    case 'function_definition':
      return {
        kind: 'FunctionDef',
        loc,
        name: node.childForFieldName('name')!.text,
        bounds: boundsOf(ctx, namedKids(node)),
        body: convertExpr(ctx, node.childForFieldName('definition')!),
        local: false,
      };
    case 'module_definition':
      return {
        kind: 'InstanceDef',
        loc,
        name: node.childForFieldName('name')!.text,
        params: definitionParams(ctx, node),
        instance: convertInstance(ctx, node.childForFieldName('definition')!),
        local: false,
      };
    case 'instance':
      return convertInstance(ctx, node);
    case 'recursive_declaration':
      return { kind: 'RecursiveDecl', loc, ops: declaredOps(ctx, node) };
    default:
      return {
        kind: 'OperatorDef',
        loc,
        name: definedName(node.childForFieldName('name')!),
        params: definitionParams(ctx, node),
        body: convertExpr(ctx, node.childForFieldName('definition')!),
        local: false,
        recursive: false,
      };
  }
}

/** The definitions of a `LET`, with `recursive` set from its RECURSIVE lines. */
export function convertLetDefinitions(ctx: ConvertContext, nodes: SyntaxNode[]): LetIn['defs'] {
  const defs = nodes.filter((n) => n.isNamed && n.type !== 'comment' && n.type !== 'block_comment');
  const out = defs
    .map((n) => convertDefinition(ctx, n))
    .filter((d): d is LetIn['defs'][number] => d.kind !== 'Instance');
  markRecursive(out);
  return out;
}

/** `Op`, `Nat`, or a user-defined symbol such as `(+)` / `-.` / `^+`. */
function definedName(node: SyntaxNode): string {
  return node.type === 'identifier' ? node.text : symbolName(node);
}

/** Parameters of a definition: `x` (arity 0) or `F(_, _)` (arity 2); also the operands of `a (+) b`. */
function definitionParams(ctx: ConvertContext, node: SyntaxNode): Param[] {
  return fieldChildren(node, 'parameter')
    .filter((c) => c.type === 'identifier' || c.type === 'operator_declaration')
    .map((c) => paramOf(ctx, c));
}

function paramOf(ctx: ConvertContext, node: SyntaxNode): Param {
  if (node.type === 'identifier') return { name: node.text, arity: 0, loc: locOf(ctx, node) };
  const arity = node.namedChildren.filter((c) => c.type === 'placeholder').length;
  return { name: definedName(node.childForFieldName('name')!), arity, loc: locOf(ctx, node) };
}

/** The names declared by CONSTANT(S) / RECURSIVE, each with its arity. */
function declaredOps(ctx: ConvertContext, node: SyntaxNode): Param[] {
  return namedKids(node)
    .filter((c) => c.type === 'identifier' || c.type === 'operator_declaration')
    .map((c) => paramOf(ctx, c));
}

function convertInstance(ctx: ConvertContext, node: SyntaxNode): Instance {
  const kids = namedKids(node);
  const substitutions = kids
    .filter((c) => c.type === 'substitution')
    .map((s) => {
      const [target, , value] = namedKids(s);
      const name = target!.type === 'identifier_ref' ? target!.text : symbolName(target!);
      return { name, value: convertArgument(ctx, value!), loc: locOf(ctx, s) };
    });
  return { kind: 'Instance', loc: locOf(ctx, node), module: kids[0]!.text, substitutions, local: false };
}

function convertAssume(ctx: ConvertContext, node: SyntaxNode): Assume {
  const nameNode = node.childForFieldName('name');
  const kids = namedKids(node).filter((c) => c.type !== 'def_eq' && c.id !== nameNode?.id);
  const expr = convertExpr(ctx, kids[kids.length - 1]!);
  const loc = locOf(ctx, node);
  return nameNode ? { kind: 'Assume', loc, name: nameNode.text, expr } : { kind: 'Assume', loc, expr };
}

/**
 * THEOREM / LEMMA / PROPOSITION / COROLLARY: only the name is kept. The
 * statement (an expression or ASSUME … PROVE) and the proof (BY, OBVIOUS,
 * OMITTED, numbered steps) are for the proof system; the checker skips them,
 * as TLC does, so a name used only in a proof need not be defined.
 */
function convertTheorem(ctx: ConvertContext, node: SyntaxNode): Theorem {
  const nameNode = node.childForFieldName('name');
  const loc = locOf(ctx, node);
  return nameNode ? { kind: 'Theorem', loc, name: nameNode.text } : { kind: 'Theorem', loc };
}

/** Set `recursive` on the operator definitions named by a RECURSIVE line of the same scope. */
function markRecursive(units: readonly { kind: string }[]): void {
  const declared = new Set<string>();
  for (const u of units)
    if (u.kind === 'RecursiveDecl') for (const op of (u as RecursiveDecl).ops) declared.add(op.name);
  if (declared.size === 0) return;
  for (const u of units) {
    if (u.kind === 'OperatorDef' && declared.has((u as OperatorDef).name))
      (u as OperatorDef).recursive = true;
  }
}
