/**
 * Small helpers for other layers: evaluate a constant expression or a named
 * state predicate of a built model.
 */
import type { Expr } from '../../tla/ast.js';
import { parseModuleText } from '../../tla/parse/index.js';
import type { State } from '../model.js';
import type { Value } from '../value/index.js';
import type { EvalModel } from './build-model.js';
import { evalFail } from './runtime.js';

/** Parses the text of one expression (throws EvalError with the parser's message when it does not parse). */
function parseExpr(text: string): Expr {
  const src = `---- MODULE __Expr ----\n__e == ${text}\n====\n`;
  const r = parseModuleText(src, '<expression>');
  const unit = r.value?.units.find((u) => u.kind === 'OperatorDef');
  if (unit?.kind !== 'OperatorDef') {
    return evalFail('other', r.diagnostics[0]?.message ?? `Cannot parse expression: ${text}`);
  }
  return unit.body;
}

/** The value of a constant-level expression (text or AST) in the model's root module. */
export function evaluateConstant(model: EvalModel, expr: string | Expr): Value {
  return model.evaluate(typeof expr === 'string' ? parseExpr(expr) : expr);
}

/** Whether the state predicate defined as `name` in the root module holds in `state`. */
export function evaluatePredicate(model: EvalModel, name: string, state: State): boolean {
  const v = model.evaluate(
    { kind: 'Ident', name, loc: { file: '<expression>', line: 1, col: 1, endLine: 1, endCol: 1 } },
    state,
  );
  if (typeof v !== 'boolean')
    return evalFail('type', `${name} is not a predicate: it evaluated to a non-boolean.`);
  return v;
}
