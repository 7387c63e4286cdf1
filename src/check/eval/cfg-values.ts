/**
 * Values written in a .cfg file (`N = 3`, `Procs = {p1, p2}`, `Nil = Nil`)
 * as checker values. A bare name is a model value.
 */
import type { CfgValue } from '../../tla/cfg/types.js';
import { ModelValue, makeSet, TupleValue, type Value } from '../value/index.js';

export function cfgValue(v: CfgValue): Value {
  switch (v.kind) {
    case 'int':
      return v.value;
    case 'string':
      return v.value;
    case 'bool':
      return v.value;
    case 'modelValue':
      return ModelValue.of(v.name);
    case 'set':
      return makeSet(v.elems.map(cfgValue));
    case 'tuple':
      return new TupleValue(v.elems.map(cfgValue));
  }
}
