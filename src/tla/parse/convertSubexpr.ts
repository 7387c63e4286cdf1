/**
 * Subexpression references (`TypeOK!1`, `Inv!2!1`, `Op!<<`, `Op!>>`,
 * `Def!:`, `Op(a, b)!1`), resolved while converting, as SANY resolves them:
 * the reference stands for the selected part of the named definition's
 * body. A definition with parameters takes the reference's arguments through
 * a LET that binds each parameter, so `Op(1, 2)!1` means the first part of
 * Op's body with a = 1 and b = 2.
 *
 * The navigation steps, on the body as this project's AST holds it
 * (parentheses and labels are not nodes):
 * - `!n`: the n-th conjunct or disjunct of a list, the n-th operand of an
 *   operator (`a + b`: 1 is a), of IF/THEN/ELSE (condition, then, else), of
 *   a tuple or set enumeration, or the n-th arm of a CASE (then `!1` its
 *   guard, `!2` its value);
 * - `!<<` and `!>>`: the first and the last operand;
 * - `!:`: the body of a LET/IN, its definitions kept in scope.
 * Labels (`Op!lab`), and the body of a quantifier (`!@`, `!(e)`) are not
 * supported: they report a diagnostic at the reference.
 */
import type { Expr, Loc, OperatorDef } from '../ast.js';
import { type ConvertContext, locOf, unsupported } from './context.js';
import type { SyntaxNode } from './treeSitter.js';

type Step = number | '<<' | '>>' | ':';

/** Definitions converted so far in the module, by name (filled by convertUnits). */
export type KnownDefinitions = Map<string, OperatorDef>;

export function convertSubexpression(
  ctx: ConvertContext,
  node: SyntaxNode,
  convertExpr: (ctx: ConvertContext, node: SyntaxNode) => Expr,
): Expr {
  const loc = locOf(ctx, node);
  const fail = (): Expr => {
    unsupported(ctx, node, `The subexpression reference ${node.text}`);
    return { kind: 'Ident', loc, name: node.text };
  };
  const parts = flatten(node);
  const head = parts[0];
  if (!head || (head.type !== 'identifier_ref' && head.type !== 'bound_op')) return fail();
  const name = head.type === 'bound_op' ? head.namedChild(0)!.text : head.text;
  const args = head.type === 'bound_op' ? head.namedChildren.slice(1).map((a) => convertExpr(ctx, a)) : [];
  const def = ctx.definitions?.get(name);
  if (!def) return fail();
  const steps: Step[] = [];
  for (const part of parts.slice(1)) {
    const step = stepOf(part);
    if (step === undefined) return fail();
    steps.push(step);
  }
  let target: Expr | undefined = def.body;
  // The LETs passed through: their definitions stay in scope of what is selected inside.
  const lets: Extract<Expr, { kind: 'Let' }>[] = [];
  for (const step of steps) {
    if (target?.kind === 'Let') lets.push(target);
    target = target && select(target, step);
    if (!target) return fail();
  }
  for (const l of lets.reverse()) target = { ...l, body: target };
  if (def.params.length !== args.length) {
    if (def.params.length === 0 || args.length > 0) return fail();
    // `Op!1` of an operator with parameters is itself an operator: not supported.
    return fail();
  }
  return bindParameters(def, args, target, loc);
}

/** The components and navigation steps of `A!B!1`, in order (the `!` tokens left out). */
function flatten(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const walk = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (c.type === 'subexpr_prefix' || c.type === 'subexpr_component' || c.type === 'subexpr_tree_nav')
        walk(c);
      else out.push(c);
    }
  };
  walk(node);
  return out;
}

function stepOf(part: SyntaxNode): Step | undefined {
  switch (part.type) {
    case 'child_id':
      return Number(part.text);
    case 'langle_bracket':
      return '<<';
    case 'rangle_bracket':
      return '>>';
    case 'colon':
      return ':';
    default:
      return undefined;
  }
}

/** The operands a positional step counts in. */
function operandsOf(e: Expr): Expr[] | undefined {
  switch (e.kind) {
    case 'OpApp':
      return e.args;
    case 'If':
      return [e.cond, e.then, e.else];
    case 'Tuple':
    case 'SetEnum':
      return e.elems;
    case 'FcnApp':
      return [e.fcn, ...e.args];
    default:
      return undefined;
  }
}

function select(e: Expr, step: Step): Expr | undefined {
  if (step === ':') return e.kind === 'Let' ? e.body : undefined;
  if (e.kind === 'Case') return typeof step === 'number' ? caseArm(e, step) : undefined;
  const ops = operandsOf(e);
  if (!ops || ops.length === 0) return undefined;
  if (step === '<<') return ops[0];
  if (step === '>>') return ops[ops.length - 1];
  return ops[step - 1];
}

/** CASE arm n as `guard -> value`, an operator application whose operands are the two. */
function caseArm(e: Extract<Expr, { kind: 'Case' }>, n: number): Expr | undefined {
  const arm = e.arms[n - 1];
  if (!arm) return undefined;
  return { kind: 'OpApp', loc: arm.guard.loc, name: '->', args: [arm.guard, arm.body] };
}

function bindParameters(def: OperatorDef, args: Expr[], target: Expr, loc: Loc): Expr {
  if (args.length === 0) return target;
  return {
    kind: 'Let',
    loc,
    defs: def.params.map(
      (p, i): OperatorDef => ({
        kind: 'OperatorDef',
        loc: p.loc,
        name: p.name,
        params: [],
        body: args[i]!,
        local: false,
        recursive: false,
      }),
    ),
    body: target,
  };
}
