import { type EvalErrorKind, EvalError as ModelEvalError } from '../model.js';

/** Throws the checker's evaluation error (src/check/model.ts) of the given kind. */
export function fail(kind: EvalErrorKind, message: string): never {
  throw new ModelEvalError(kind, message);
}
