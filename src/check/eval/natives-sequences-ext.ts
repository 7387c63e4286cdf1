/**
 * SequencesExt operators evaluated natively: those whose definitions
 * enumerate function sets or sets of subsequences (SetToSeq, AllSubSeqs
 * helpers, IndexFirstSubSeq, ReplaceAllSubSeqs) and the common cheap ones
 * (Reverse, FlattenSeq). Strings are sequences of characters here, as the
 * Sequences operators treat them.
 */
import {
  asSet,
  printValue,
  seqElems,
  setElems,
  TupleValue,
  type Value,
  valueEquals,
} from '../value/index.js';
import { nativeOp } from './natives-args.js';
import { evalFail } from './runtime.js';

/** A sequence or a string as an array of elements (characters for a string). */
type Items = { items: readonly Value[]; text: boolean };

function items(v: Value, op: string): Items {
  return typeof v === 'string' ? { items: [...v], text: true } : { items: seqElems(v, op), text: false };
}

function rebuild(xs: readonly Value[], text: boolean): Value {
  return text ? xs.join('') : new TupleValue(xs);
}

/** Index (0-based) of the first occurrence of `s` in `t` at or after `from`, or -1. */
function indexOf(s: readonly Value[], t: readonly Value[], from: number): number {
  outer: for (let i = from; i + s.length <= t.length; i++) {
    for (let j = 0; j < s.length; j++) if (!valueEquals(s[j], t[i + j])) continue outer;
    return i;
  }
  return -1;
}

/** Operands of one kind: all strings or all sequences. */
function sameKind(op: string, ...vs: Value[]): Items[] {
  const all = vs.map((v) => items(v, op));
  if (all.some((x) => x.text !== all[0].text)) {
    return evalFail('type', `${op} expects only strings or only sequences: ${vs.map(printValue).join(', ')}`);
  }
  return all;
}

// SetToSeq(S): the elements of S in ascending order (the first injective tuple over S).
nativeOp('SetToSeq', ['value'], (call) => new TupleValue(setElems(asSet(call.args[0]))));

nativeOp('Reverse', ['value'], (call) => {
  const { items: xs, text } = items(call.args[0], 'Reverse');
  return rebuild([...xs].reverse(), text);
});

// FlattenSeq(seqs): the concatenation of the sequences (or strings) of seqs.
nativeOp('FlattenSeq', ['value'], (call) => {
  const seqs = seqElems(call.args[0], 'FlattenSeq');
  if (seqs.length === 0) return call.args[0];
  const parts = sameKind('FlattenSeq', ...seqs);
  return rebuild(
    parts.flatMap((p) => p.items),
    parts[0].text,
  );
});

// IndexFirstSubSeq(s, t): where s first occurs in t (1 for the empty s).
nativeOp('IndexFirstSubSeq', ['value', 'value'], (call) => {
  const [s, t] = sameKind('IndexFirstSubSeq', call.args[0], call.args[1]);
  if (s.items.length === 0) return 1;
  const i = indexOf(s.items, t.items, 0);
  if (i < 0) {
    return evalFail(
      'choose',
      `IndexFirstSubSeq: ${printValue(call.args[0])} does not occur in ${printValue(call.args[1])}.`,
    );
  }
  return i + 1;
});

// ReplaceAllSubSeqs(r, s, t): occurrences of s in t, left to right without overlaps, replaced by r.
nativeOp('ReplaceAllSubSeqs', ['value', 'value', 'value'], (call) => {
  const [r, s, t] = sameKind('ReplaceAllSubSeqs', ...call.args);
  if (valueEquals(call.args[1], call.args[2])) return call.args[0];
  const out: Value[] = [];
  if (s.items.length === 0) {
    for (const x of t.items) out.push(...r.items, x);
    return rebuild(out, t.text);
  }
  let at = 0;
  for (let i = indexOf(s.items, t.items, 0); i >= 0; i = indexOf(s.items, t.items, at)) {
    out.push(...t.items.slice(at, i), ...r.items);
    at = i + s.items.length;
  }
  out.push(...t.items.slice(at));
  return rebuild(out, t.text);
});
