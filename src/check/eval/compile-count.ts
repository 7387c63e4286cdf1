/**
 * `Cardinality({x \in S : P})` counted without building the filtered set:
 * specs count matching processes or messages (`Cardinality({m \in msgs :
 * m.type = "vote"})`) in nearly every step, and only the number is needed.
 * Results and errors are those of building the set and taking its size.
 */
import type { Loc, SetFilter } from '../../tla/ast.js';
import { asSet, cardinality, FilterSet, setElems, Tag, type Value } from '../value/index.js';
import { bindComponent, compileBinder } from './compile-binders.js';
import { asBool, compileExpr } from './compile-expr.js';
import type { CEnv } from './env.js';
import { type Fn, locate } from './runtime.js';

export function compileFilterCount(e: SetFilter, loc: Loc, env: CEnv): Fn {
  const binder = compileBinder([e.bound], env);
  const pred = compileExpr(e.pred, binder.env);
  const comps = binder.components;
  const predLoc = e.pred.loc;
  return (c, f) => {
    const s = asSet(comps[0].set(c, f));
    const fr = f!;
    const test = (v: Value): boolean => {
      for (const cp of comps) bindComponent(cp, fr, v);
      return asBool(pred(c, f), predLoc, 'condition of a set filter');
    };
    if (s.tag === Tag.LazySet && !s.finite) {
      // An infinite S: the filter is a lazy set, and taking its cardinality TLC's error.
      try {
        return cardinality(new FilterSet(s, test));
      } catch (err) {
        return locate(err, loc);
      }
    }
    const elems = setElems(s);
    let n = 0;
    for (let k = 0; k < elems.length; k++) if (test(elems[k])) n++;
    return n;
  };
}
