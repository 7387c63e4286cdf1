/**
 * Evaluating a constant expression in any scope of the spec (a quantifier's
 * set or an operator argument inside a temporal formula, where the names
 * bound so far live in scopes the model's `evaluate` does not see).
 */

import { compileExpr } from '../eval/compile-expr.js';
import type { EvalModel, ScopedExpr } from '../eval/index.js';
import { run } from '../eval/model-builder.js';
import { makeCtx } from '../eval/runtime.js';
import type { Value } from '../value/index.js';

/** The value of `x`, evaluated without a state; throws EvalError when it needs one. */
export function constantInScope(model: EvalModel, x: ScopedExpr): Value {
  const alloc = { size: 0 };
  const fn = compileExpr(x.expr, {
    scope: x.scope,
    depth: 1,
    alloc,
    primed: false,
    deps: { state: false, prime: false, local: false },
    g: model.globals,
  });
  return run({ fn, alloc }, makeCtx());
}
