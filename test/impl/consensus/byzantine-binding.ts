/**
 * The binding of specs/ByzantineGenerals.tla to the OM(m) implementation
 * (src/impl/consensus/byzantine/). Spec actions become calls on an army:
 * `Command(v)` → the commander's order, `Send(p, r)` → the bus sends the
 * message along p to r, `Decide(i)` → lieutenant i decides. Traitors follow a
 * scripted strategy: before each Send, the binding tells it the value the
 * trace says the traitor sent, so a replay decides exactly what traitors say
 * (a loyal general ignores the script: what it sends is its own doing, and
 * the observed messages show it). The army is observed as the spec's
 * `order`, `msgs` (every message of the run: its value, or "none" until
 * sent) and `decision`.
 */

import { TupleValue, type Value } from '../../../src/check/value/index.js';
import {
  Army,
  allEnvelopes,
  COMMANDER,
  type Order,
  type TraitorStrategy,
} from '../../../src/impl/consensus/byzantine/index.js';
import {
  type ActionParams,
  asNumber,
  asString,
  defineBinding,
  tlaFcn,
  tlaSeq,
} from '../../../src/mbt/index.js';
import { cfgConstant, cfgSet } from './models.js';

export interface OMConstants {
  n: number;
  m: number;
  traitors: number[];
}

/** N, M and Traitors of a ByzantineGenerals cfg (path relative to specs/). */
export function omConstantsOf(config: string): OMConstants {
  return {
    n: Number(cfgConstant(config, 'N')),
    m: Number(cfgConstant(config, 'M')),
    traitors: cfgSet(config, 'Traitors').map(Number),
  };
}

export interface ArmyUnderTest {
  army: Army;
  /** The value the next traitor message must carry, set by the binding before each Send. */
  script: { next: Order | undefined };
}

function scripted(script: ArmyUnderTest['script']): TraitorStrategy {
  return ({ path, to }) => {
    if (script.next === undefined)
      throw new Error(`no scripted value for the traitor's message ${path.join('.')} -> ${to}`);
    return script.next;
  };
}

const asOrder = (v: Value | undefined): Order => {
  const s = asString(v);
  if (s !== 'attack' && s !== 'retreat') throw new Error(`not an order: ${s}`);
  return s;
};

const asPath = (v: Value | undefined): number[] => {
  if (!(v instanceof TupleValue)) throw new Error('expected a path (a sequence of generals)');
  return v.elems.map((g) => asNumber(g));
};

/**
 * The binding for a model's constants. `armyTraitors` (default: the model's
 * traitors) are the generals the army under test treats as traitors, so a
 * test can hold an army to a model it does not match.
 */
export function byzantineBinding(
  { n, m, traitors }: OMConstants,
  armyTraitors: readonly number[] = traitors,
) {
  const envelopes = allEnvelopes(n, m);
  const loyalLieutenants = Array.from({ length: n - 1 }, (_, k) => k + 2).filter(
    (g) => !traitors.includes(g),
  );
  return defineBinding<ArmyUnderTest>({
    name: `OM(${m}) n=${n} traitors=${armyTraitors.join(',') || 'none'}`,
    create: () => {
      const script: ArmyUnderTest['script'] = { next: undefined };
      const army = new Army({ n, m, traitors: new Map(armyTraitors.map((t) => [t, scripted(script)])) });
      return { army, script };
    },
    actions: {
      Command: ({ army }, { v }) => army.command(asOrder(v)),
      Send: ({ army, script }, { p, r, v }: ActionParams) => {
        // The spec binds v only where it has a choice (a traitor sending); a loyal sender's value is its own.
        script.next = v === undefined ? undefined : asOrder(v);
        try {
          army.bus.send(asPath(p), asNumber(r));
        } finally {
          script.next = undefined;
        }
      },
      Decide: ({ army }, { i }) => void army.general(asNumber(i)).decide(),
    },
    observe: ({ army }) => ({
      order: army.general(COMMANDER).order ?? 'none',
      msgs: tlaFcn(
        envelopes.map(
          ({ path, to }) => [tlaSeq([tlaSeq(path), to]), army.bus.valueSent(path, to) ?? 'none'] as const,
        ),
      ),
      decision: tlaFcn(loyalLieutenants.map((id) => [id, army.general(id).decision ?? 'none'] as const)),
    }),
  });
}
