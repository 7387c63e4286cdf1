/**
 * CST → AST for expressions: literals, names, sets, functions, records,
 * tuples, EXCEPT, control flow, junction lists and action/temporal forms.
 * Operators applications live in convertOperators.ts, binders (quantifiers,
 * CHOOSE, set comprehensions, function constructors) in convertBinders.ts.
 */

import type { ExceptStep, Expr, Loc } from '../ast.js';
import { type ConvertContext, fieldChildren, locOf, namedKids, unsupported } from './context.js';
import { convertBinder, isBinderNode } from './convertBinders.js';
import { convertOperatorNode, isOperatorNode } from './convertOperators.js';
import { convertSubexpression } from './convertSubexpr.js';
import { convertLetDefinitions } from './convertUnits.js';
import type { SyntaxNode } from './treeSitter.js';

/** Convert any `_expr` CST node. Unsupported forms leave a diagnostic and a placeholder `Ident`. */
export function convertExpr(ctx: ConvertContext, node: SyntaxNode): Expr {
  const loc = locOf(ctx, node);
  if (isOperatorNode(node)) return convertOperatorNode(ctx, node);
  if (isBinderNode(node)) return convertBinder(ctx, node);
  switch (node.type) {
    case 'nat_number':
      return { kind: 'Num', loc, value: BigInt(node.text).toString() };
    case 'binary_number':
    case 'octal_number':
    case 'hex_number':
      return { kind: 'Num', loc, value: radixValue(node) };
    case 'string':
      checkEscapes(ctx, node.text, loc);
      return { kind: 'Str', loc, value: decodeString(node.text) };
    case 'boolean':
      return { kind: 'Bool', loc, value: node.text === 'TRUE' };
    case 'string_set':
      return { kind: 'Ident', loc, name: 'STRING' };
    case 'boolean_set':
      return { kind: 'Ident', loc, name: 'BOOLEAN' };
    case 'nat_number_set':
      return { kind: 'Ident', loc, name: 'Nat' };
    case 'int_number_set':
      return { kind: 'Ident', loc, name: 'Int' };
    case 'real_number_set':
      return { kind: 'Ident', loc, name: 'Real' };
    case 'identifier':
    case 'identifier_ref':
      return { kind: 'Ident', loc, name: node.text };
    case 'parentheses':
      return convertExpr(ctx, namedKids(node)[0]!);
    case 'label':
      // `lbl :: e` only names a subexpression for proofs; the value is `e`.
      return convertExpr(ctx, fieldChildren(node, 'expression')[0]!);
    case 'prev_func_val':
      return { kind: 'At', loc };
    case 'finite_set_literal':
      return { kind: 'SetEnum', loc, elems: namedKids(node).map((c) => convertExpr(ctx, c)) };
    case 'tuple_literal':
      return { kind: 'Tuple', loc, elems: exprKids(node).map((c) => convertExpr(ctx, c)) };
    case 'function_evaluation': {
      const [fcn, ...args] = namedKids(node);
      return { kind: 'FcnApp', loc, fcn: convertExpr(ctx, fcn!), args: args.map((a) => convertExpr(ctx, a)) };
    }
    case 'set_of_functions': {
      const [domain, range] = exprKids(node);
      return { kind: 'FcnSet', loc, domain: convertExpr(ctx, domain!), range: convertExpr(ctx, range!) };
    }
    case 'record_literal':
      return {
        kind: 'RecordCtor',
        loc,
        fields: namedPairs(ctx, node).map(([name, value]) => ({ name, value })),
      };
    case 'set_of_records':
      return { kind: 'RecordSet', loc, fields: namedPairs(ctx, node).map(([name, set]) => ({ name, set })) };
    case 'record_value': {
      const [record, field] = namedKids(node);
      return { kind: 'FieldAccess', loc, record: convertExpr(ctx, record!), field: field!.text };
    }
    case 'except':
      return convertExcept(ctx, node, loc);
    case 'step_expr_or_stutter': {
      const [action, sub] = exprKids(node);
      return { kind: 'ActionBox', loc, action: convertExpr(ctx, action!), sub: convertExpr(ctx, sub!) };
    }
    case 'step_expr_no_stutter': {
      const [action, sub] = exprKids(node);
      return { kind: 'ActionAngle', loc, action: convertExpr(ctx, action!), sub: convertExpr(ctx, sub!) };
    }
    case 'fairness': {
      const [sub, action] = namedKids(node);
      const strength = node.child(0)!.text.startsWith('SF') ? 'SF' : 'WF';
      return {
        kind: 'Fairness',
        loc,
        strength,
        sub: convertExpr(ctx, sub!),
        action: convertExpr(ctx, action!),
      };
    }
    case 'if_then_else':
      return {
        kind: 'If',
        loc,
        cond: convertExpr(ctx, node.childForFieldName('if')!),
        // biome-ignore lint/suspicious/noThenProperty: `then` is the field name fixed by src/tla/ast.ts.
        then: convertExpr(ctx, node.childForFieldName('then')!),
        else: convertExpr(ctx, node.childForFieldName('else')!),
      };
    case 'case':
      return convertCase(ctx, node, loc);
    case 'let_in':
      return {
        kind: 'Let',
        loc,
        defs: convertLetDefinitions(ctx, fieldChildren(node, 'definitions')),
        body: convertExpr(ctx, node.childForFieldName('expression')!),
      };
    case 'conj_list':
    case 'disj_list':
      return convertJunctionList(ctx, node, loc);
    case 'subexpression':
      return convertSubexpression(ctx, node, convertExpr);
    default:
      unsupported(ctx, node, describeNode(node));
      return { kind: 'Ident', loc, name: node.text };
  }
}

/** Named children that are expressions (drops brackets, arrows, `|->` and comments). */
const PUNCTUATION = new Set([
  'langle_bracket',
  'rangle_bracket',
  'rangle_bracket_sub',
  'maps_to',
  'all_map_to',
  'case_arrow',
  'case_box',
  'comment',
  'block_comment',
]);
function exprKids(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c) => !PUNCTUATION.has(c.type));
}

/** `[a |-> e, ...]` and `[a : S, ...]`: (field name, converted expression) pairs. */
function namedPairs(ctx: ConvertContext, node: SyntaxNode): [string, Expr][] {
  const kids = exprKids(node);
  const out: [string, Expr][] = [];
  for (let i = 0; i + 1 < kids.length; i += 2) out.push([kids[i]!.text, convertExpr(ctx, kids[i + 1]!)]);
  return out;
}

function radixValue(node: SyntaxNode): string {
  const format = node.child(0)!.text.toLowerCase();
  const digits = node.child(1)!.text;
  const prefix = format === '\\b' ? '0b' : format === '\\o' ? '0o' : '0x';
  return BigInt(prefix + digits).toString();
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', '"': '"', '\\': '\\' };

/** Strip the quotes of a string literal and decode its escapes (`\"`, `\\`, `\n`, `\t`, `\r`, `\f`). */
export function decodeString(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

/** TLA+ strings know only the escapes above; SANY refuses any other (`"\q"`) as a lexical error. */
function checkEscapes(ctx: ConvertContext, text: string, loc: Loc): void {
  for (const m of text.slice(1, -1).matchAll(/\\(.)/g)) {
    if (Object.hasOwn(ESCAPES, m[1]!)) continue;
    const col = loc.col + 1 + m.index;
    ctx.diagnostics.push({
      code: 'syntax',
      severity: 'error',
      message: `Lexical error at line ${loc.line}, column ${col}: the escape \\${m[1]} is not allowed in a string (only \\" \\\\ \\n \\t \\r \\f).`,
      loc: { file: loc.file, line: loc.line, col },
    });
  }
}

function convertExcept(ctx: ConvertContext, node: SyntaxNode, loc: Loc): Expr {
  const fcn = convertExpr(ctx, node.childForFieldName('expr_to_update')!);
  const updates = namedKids(node)
    .filter((c) => c.type === 'except_update')
    .map((u) => {
      const spec = namedKids(u).find((c) => c.type === 'except_update_specifier')!;
      const path: ExceptStep[] = namedKids(spec).map((step) =>
        step.type === 'except_update_record_field'
          ? { kind: 'field', name: namedKids(step)[0]!.text }
          : { kind: 'index', args: namedKids(step).map((a) => convertExpr(ctx, a)) },
      );
      return { path, value: convertExpr(ctx, u.childForFieldName('new_val')!) };
    });
  return { kind: 'Except', loc, fcn, updates };
}

function convertCase(ctx: ConvertContext, node: SyntaxNode, loc: Loc): Expr {
  const arms: { guard: Expr; body: Expr }[] = [];
  let other: Expr | undefined;
  for (const arm of namedKids(node)) {
    const parts = exprKids(arm);
    if (arm.type === 'case_arm') {
      arms.push({ guard: convertExpr(ctx, parts[0]!), body: convertExpr(ctx, parts[1]!) });
    } else if (arm.type === 'other_arm') {
      other = convertExpr(ctx, parts[0]!);
    }
  }
  return other ? { kind: 'Case', loc, arms, other } : { kind: 'Case', loc, arms };
}

/** A bulleted `/\` or `\/` list: one n-ary application in source order (a single bullet is its item). */
function convertJunctionList(ctx: ConvertContext, node: SyntaxNode, loc: Loc): Expr {
  const items = namedKids(node).map((item) => {
    const body = namedKids(item).filter((c) => c.type !== 'bullet_conj' && c.type !== 'bullet_disj');
    return convertExpr(ctx, body[0]!);
  });
  if (items.length === 1) return items[0]!;
  return { kind: 'OpApp', loc, name: node.type === 'conj_list' ? '/\\' : '\\/', args: items };
}

function describeNode(node: SyntaxNode): string {
  switch (node.type) {
    case 'real_number':
      return `The real number ${node.text}`;
    case 'subexpression':
    case 'proof_step_ref':
      return `The subexpression reference ${node.text}`;
    default:
      return `The construct ${JSON.stringify(node.text.slice(0, 40))} (${node.type})`;
  }
}
