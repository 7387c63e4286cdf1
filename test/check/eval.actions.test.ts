import { describe, expect, it } from 'vitest';
import { evaluateConstant, evaluatePredicate } from '../../src/check/eval/index.js';
import type { Transition } from '../../src/check/model.js';
import { printValue, TupleValue } from '../../src/check/value/index.js';
import { modelFromText } from '../fixtures/check/build.js';

const show = (ts: Iterable<Transition>) => [...ts].map((t) => t.state.map(printValue).join(' '));
const labels = (ts: Iterable<Transition>) =>
  [...ts].map(
    (t) => `${t.action.name}(${t.action.params.map(([n, v]) => `${n}=${printValue(v)}`).join(',')})`,
  );

const spec = (body: string) => `---- MODULE Act ----
EXTENDS Naturals, Sequences
VARIABLES x, y
${body}
====`;

describe('initial states', () => {
  it('enumerates conjunctions, disjunctions, \\in and \\E in TLC order', () => {
    const m = modelFromText(
      spec(`Init == /\\ x \\in {2, 1} /\\ (y = "a" \\/ y = "b")
Next == UNCHANGED <<x, y>>`),
    );
    expect(show(m.initialStates({ level: 1 }))).toEqual(['1 "a"', '1 "b"', '2 "a"', '2 "b"']);
    const m2 = modelFromText(
      spec(`Init == \\E v \\in 1..2 : x = v /\\ y = v * 10
Next == UNCHANGED <<x, y>>`),
    );
    expect(show(m2.initialStates({ level: 1 }))).toEqual(['1 10', '2 20']);
  });

  it('treats x = e as a test once x is assigned', () => {
    const m = modelFromText(
      spec(`Init == x \\in 1..3 /\\ y = x /\\ x = 2
Next == UNCHANGED <<x, y>>`),
    );
    expect(show(m.initialStates({ level: 1 }))).toEqual(['2 2']);
  });

  it('reports a variable the initial predicate leaves unassigned', () => {
    const m = modelFromText(
      spec(`Init == x = 1
Next == UNCHANGED <<x, y>>`),
    );
    expect(() => [...m.initialStates({ level: 1 })]).toThrow(
      'Initial state is not completely specified by the initial predicate. The following variable is not assigned: y.',
    );
  });
});

describe('successors', () => {
  const m = modelFromText(
    spec(`Init == x = 0 /\\ y = 0
Inc(d) == x' = x + d /\\ UNCHANGED y
Reset == x' = 0 /\\ y' = y + 1
Next == \\/ \\E d \\in {2, 1} : Inc(d)
        \\/ Reset
        \\/ x > 5 /\\ x' = 0 /\\ y' = 0`),
  );
  const init = [...m.initialStates({ level: 1 })][0].state;

  it('generates successors disjunct by disjunct, domains in value order', () => {
    expect(show(m.successors(init, { level: 1 }))).toEqual(['1 0', '2 0', '0 1']);
  });

  it('labels each successor with its action and bound values', () => {
    expect(labels(m.successors(init, { level: 1 }))).toEqual(['Inc(d=1)', 'Inc(d=2)', 'Reset()']);
    const t = [...m.successors(init, { level: 1 })][2];
    expect(t.action.loc?.line).toBe(6);
    expect(t.action.module).toBe('Act');
  });

  it('labels an action with its own parameters, then the values it binds with \\E', () => {
    const m2 = modelFromText(
      spec(`Init == x = 0 /\\ y = 0
Add(d) == \\E e \\in {d, d + 1} : x' = x + e /\\ UNCHANGED y
Next == \\/ \\E n \\in {5}, unused \\in {7} : Add(n)
        \\/ \\E v \\in {9} : x' = v /\\ y' = v`),
    );
    expect(labels(m2.successors([0, 0], { level: 1 }))).toEqual([
      'Add(d=5,e=5)',
      'Add(d=5,e=6)',
      'Next(v=9)',
    ]);
  });

  it('labels inline disjuncts with the enclosing definition and the disjunct location', () => {
    const succ = [...m.successors([6, 0], { level: 2 })];
    const last = succ[succ.length - 1];
    expect(last.action.name).toBe('Next');
    expect(last.action.loc?.line).toBe(9);
    expect(last.action.loc?.col).toBe(12);
  });

  it("uses primed variables after they are assigned and tests x' = e when already assigned", () => {
    const m2 = modelFromText(
      spec(`Init == x = 0 /\\ y = 0
Next == x' = 1 /\\ y' = x' + 1 /\\ x' = 1 /\\ (x' = 2 \\/ y' = 2)`),
    );
    expect(show(m2.successors([0, 0], { level: 1 }))).toEqual(['1 2']);
  });

  it("branches over x' \\in S and IF/CASE actions", () => {
    const m2 = modelFromText(
      spec(`Init == x = 0 /\\ y = 0
Next == /\\ y' \\in {3, 1}
        /\\ IF y' > 2 THEN x' = 10 ELSE CASE x = 0 -> x' = 20 [] OTHER -> x' = 30`),
    );
    expect(show(m2.successors([0, 0], { level: 1 }))).toEqual(['20 1', '10 3']);
  });

  it('reports an action that leaves a variable unassigned', () => {
    const m2 = modelFromText(
      spec(`Init == x = 0 /\\ y = 0
Next == x' = 1`),
    );
    expect(() => [...m2.successors([0, 0], { level: 1 })]).toThrow(
      'Successor state is not completely specified by action Next of the next-state relation. The following variable is not assigned: y.',
    );
  });

  it('expands UNCHANGED of a definition naming a tuple of variables', () => {
    const m2 = modelFromText(
      spec(`vars == <<x, y>>
Init == x = 0 /\\ y = 0
Next == \\/ x < 2 /\\ x' = x + 1 /\\ UNCHANGED y
        \\/ UNCHANGED vars`),
    );
    expect(show(m2.successors([0, 5], { level: 1 }))).toEqual(['1 5', '0 5']);
  });

  it('undoes the assignments of a conjunction that fails part way', () => {
    const m2 = modelFromText(
      spec(`Init == x = 0 /\\ y = 0
Next == \\/ x' = 1 /\\ y' = 2 /\\ x' = 2
        \\/ y' = 5 /\\ x' = y' + 2
        \\/ x' = 9 /\\ UNCHANGED <<y, x>>`),
    );
    expect(show(m2.successors([0, 0], { level: 1 }))).toEqual(['7 5']);
  });

  it('treats UNCHANGED of an already assigned variable as a test', () => {
    const m2 = modelFromText(
      spec(`Init == x = 0 /\\ y = 0
Next == x' \\in {0, 1} /\\ UNCHANGED <<y, x>>`),
    );
    expect(show(m2.successors([0, 3], { level: 1 }))).toEqual(['0 3']);
    expect(show(m2.successors([1, 3], { level: 1 }))).toEqual(['1 3']);
  });

  it('lets an operator prime a parameter given a state variable', () => {
    const m2 = modelFromText(
      spec(`Send(ch, m) == ch' = Append(ch, m)
Init == x = <<>> /\\ y = <<>>
Next == \\/ Send(x, 1) /\\ UNCHANGED y
        \\/ Send(y, 2) /\\ UNCHANGED x
        \\/ Len(x) = 0 /\\ Send(x, Len(y)) /\\ y' = y`),
    );
    expect(show(m2.successors([new TupleValue([]), new TupleValue([])], { level: 1 }))).toEqual([
      '<<1>> <<>>',
      '<<>> <<2>>',
      '<<0>> <<>>',
    ]);
  });

  it('sees TLCGet("level") as the search context level', () => {
    const m2 = modelFromText(
      `---- MODULE L ----
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x' = TLCGet("level")
====`,
    );
    expect(show(m2.successors([0], { level: 7 }))).toEqual(['7']);
  });
});

describe('properties and display', () => {
  it('checks invariants, constraints and action properties', () => {
    const m = modelFromText(
      spec(`Init == x = 0 /\\ y = 0
Next == x' = x + 1 /\\ y' = y
Small == x < 3
Bound == x + y <= 5
Grows == [][x' > x]_x`),
      {
        init: { name: 'Init', loc: { file: 'c', line: 1, col: 1 } },
        next: { name: 'Next', loc: { file: 'c', line: 1, col: 1 } },
        invariants: [{ name: 'Small', loc: { file: 'c', line: 1, col: 1 } }],
        constraints: [{ name: 'Bound', loc: { file: 'c', line: 1, col: 1 } }],
        properties: [{ name: 'Grows', loc: { file: 'c', line: 1, col: 1 } }],
      },
    );
    expect(m.invariants[0].holds([2, 0])).toBe(true);
    expect(m.invariants[0].holds([3, 0])).toBe(false);
    expect(m.stateConstraints[0]([5, 1], { level: 1 })).toBe(false);
    expect(m.actionProperties[0].holds([1, 0], [2, 0])).toBe(true);
    expect(m.actionProperties[0].holds([2, 0], [1, 0])).toBe(false);
    expect(m.actionProperties[0].holds([2, 0], [2, 0])).toBe(true);
  });

  it('prints with Print and PrintT the TLC way', () => {
    const lines: string[] = [];
    const m = modelFromText(
      `---- MODULE P ----
EXTENDS Naturals, TLC
VARIABLE x
ASSUME PrintT([a |-> 1, b |-> {3, 1, 2}, c |-> <<"s", TRUE>>])
Init == x = 0 /\\ PrintT(<<"init", x>>)
Next == x < 1 /\\ x' = Print(<<"next from", x>>, x + 1)
====`,
      undefined,
      { print: (l) => lines.push(l) },
    );
    expect(m.checkAssumptions()).toEqual([expect.objectContaining({ holds: true })]);
    const [i] = [...m.initialStates({ level: 1 })];
    [...m.successors(i.state, { level: 1 })];
    expect(lines).toEqual([
      '[a |-> 1, b |-> {1, 2, 3}, c |-> <<"s", TRUE>>]',
      '<<"init", 0>>',
      '<<"next from", 0>>  1',
    ]);
  });
});

describe('helpers for other layers', () => {
  const m = modelFromText(
    spec(`Init == x = 0 /\\ y = 0
Inc == x < 2 /\\ x' = x + 1 /\\ UNCHANGED y
Next == Inc
Low == x < 2
CanInc == ENABLED Inc`),
  );
  const loc = { file: 'x', line: 1, col: 1, endLine: 1, endCol: 1 };
  const ident = (name: string) => ({ kind: 'Ident' as const, name, loc });

  it('evaluates ENABLED by looking for a successor', () => {
    expect(m.evaluate(ident('CanInc'), [0, 0])).toBe(true);
    expect(m.evaluate(ident('CanInc'), [2, 0])).toBe(false);
    const enabled = m.enabled({ expr: ident('Inc'), scope: m.rootScope });
    expect([enabled([1, 0]), enabled([2, 0])]).toEqual([true, false]);
  });

  it('compiles state and action predicates for reuse', () => {
    const low = m.statePredicate({ expr: ident('Low'), scope: m.rootScope });
    expect([low([1, 0]), low([2, 0])]).toEqual([true, false]);
    const inc = m.actionPredicate({ expr: ident('Inc'), scope: m.rootScope });
    expect([inc([0, 0], [1, 0]), inc([0, 0], [2, 0])]).toEqual([true, false]);
  });

  it('evaluates constant expressions from text and named predicates', () => {
    expect(printValue(evaluateConstant(m, '{y + 1 : y \\in 1..3}'))).toBe('{2, 3, 4}');
    expect(evaluatePredicate(m, 'Low', [0, 0])).toBe(true);
    expect(evaluatePredicate(m, 'Low', [5, 0])).toBe(false);
  });
});
