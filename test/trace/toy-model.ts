/**
 * A small hand-written Model for recovery tests: two processes take turns in
 * a critical section.
 *   pc  : function from {p1, p2} to "idle" | "cs"
 *   bag : set of the processes that ever entered
 *   log : sequence of the processes in order of entry
 * Actions Enter(self) and Leave(self), self in {p1, p2} (in that order).
 */
import type { ActionLabel, Model, State, Transition } from '../../src/check/model.js';
import {
  applyFcn,
  type FcnValue,
  fcnUpdate,
  ModelValue,
  makeFcn,
  makeSet,
  type SetValue,
  setElems,
  TupleValue,
  type Value,
} from '../../src/check/value/index.js';

export const p1 = ModelValue.of('p1');
export const p2 = ModelValue.of('p2');
const PROCS = [p1, p2];

const loc = (line: number) => ({ file: 'Toy.tla', line, col: 1, endLine: line, endCol: 20 });

function label(name: string, self?: Value): ActionLabel {
  if (!self) return { name, params: [] };
  return { name, loc: loc(name === 'Enter' ? 10 : 14), module: 'Toy', params: [['self', self]] };
}

export function toyModel(): Model {
  return {
    moduleName: 'Toy',
    variables: ['pc', 'bag', 'log'],
    *initialStates(): Iterable<Transition> {
      yield {
        state: [makeFcn(PROCS, ['idle', 'idle']), makeSet([]), TupleValue.empty],
        action: label('Initial predicate'),
      };
    },
    *successors(state: State): Iterable<Transition> {
      const [pc, bag, log] = state as [FcnValue, SetValue, TupleValue];
      for (const self of PROCS) {
        if (applyFcn(pc, self) === 'idle') {
          yield {
            state: [
              fcnUpdate(pc, self, () => 'cs'),
              makeSet([...setElems(bag), self]),
              new TupleValue([...log.elems, self]),
            ],
            action: label('Enter', self),
          };
        }
      }
      for (const self of PROCS) {
        if (applyFcn(pc, self) === 'cs') {
          yield { state: [fcnUpdate(pc, self, () => 'idle'), bag, log], action: label('Leave', self) };
        }
      }
    },
    invariants: [],
    stateProperties: [],
    actionProperties: [],
    stateConstraints: [],
    actionConstraints: [],
    checkAssumptions: () => [],
    postconditions: [],
    checkDeadlock: true,
    fingerprint: () => {},
    display: (state) => [
      ['bag', state[1]!],
      ['log', state[2]!],
      ['pc', state[0]!],
    ],
  };
}
