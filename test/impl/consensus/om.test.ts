/**
 * OM(m) on its own: the interactive consistency conditions (IC1: loyal
 * lieutenants agree; IC2: they obey a loyal commander) hold with at most m
 * traitors among n >= 3m + 1 generals, whatever the traitors send and in
 * whatever order messages travel; they fail below the bound; a run sends
 * exactly the number of messages the formula gives.
 */
import { describe, expect, it } from 'vitest';
import {
  Army,
  allEnvelopes,
  always,
  liar,
  ORDERS,
  omMessageCount,
  randomOrder,
  randomTraitor,
  runOralMessages,
  splitter,
  type TraitorStrategy,
} from '../../../src/impl/consensus/byzantine/index.js';

const STRATEGIES: Record<string, TraitorStrategy> = {
  liar,
  splitter,
  'always attack': always('attack'),
  'always retreat': always('retreat'),
};

const agree = (decisions: Map<number, string>) => new Set(decisions.values()).size <= 1;

describe('OM(1) with four generals and one traitor', () => {
  for (const traitor of [1, 2, 3, 4]) {
    for (const [name, strategy] of Object.entries(STRATEGIES)) {
      it(`traitor ${traitor} (${name}): the loyal lieutenants agree, and obey a loyal commander`, () => {
        for (const order of ORDERS) {
          for (const seed of [1, 2, 3]) {
            const run = runOralMessages(
              { n: 4, m: 1, order, traitors: new Map([[traitor, strategy]]) },
              randomOrder(seed),
            );
            expect(agree(run.decisions)).toBe(true);
            if (traitor !== 1) expect([...run.decisions.values()]).toEqual([order, order]);
          }
        }
      });
    }
  }
});

describe('OM(2) with seven generals', () => {
  it('two traitors with random lies: IC1 always, IC2 when the commander is loyal (60 runs)', () => {
    for (let seed = 0; seed < 30; seed++) {
      for (const traitors of [
        [1, 2],
        [3, 6],
      ]) {
        const run = runOralMessages(
          {
            n: 7,
            m: 2,
            order: 'attack',
            traitors: new Map(traitors.map((t, k) => [t, randomTraitor(seed * 10 + k)])),
          },
          randomOrder(seed),
        );
        expect(agree(run.decisions)).toBe(true);
        if (!traitors.includes(1)) expect(new Set(run.decisions.values())).toEqual(new Set(['attack']));
      }
    }
  });

  it('three traitors can split the loyal lieutenants', () => {
    const splits = Array.from({ length: 40 }, (_, seed) =>
      runOralMessages(
        {
          n: 7,
          m: 2,
          order: 'attack',
          traitors: new Map([1, 2, 3].map((t) => [t, randomTraitor(seed * 10 + t)])),
        },
        randomOrder(seed),
      ),
    ).filter((run) => !agree(run.decisions));
    expect(splits.length).toBeGreaterThan(0);
  });
});

describe('below the bound: three generals, OM(1)', () => {
  it('a lying lieutenant makes the loyal one disobey a loyal commander (IC2 fails)', () => {
    const run = runOralMessages({ n: 3, m: 1, order: 'attack', traitors: new Map([[3, liar]]) });
    // Lieutenant 2 hears "attack" from the commander and "the commander said retreat" from 3: a tie, so retreat.
    expect(run.decisions).toEqual(new Map([[2, 'retreat']]));
  });

  it('a loyal lieutenant cannot tell a lying lieutenant from a lying commander: it hears the same', () => {
    const lyingLieutenant = new Army({ n: 3, m: 1, traitors: new Map([[3, liar]]) });
    lyingLieutenant.command('attack');
    const lyingCommander = new Army({
      n: 3,
      m: 1,
      traitors: new Map([[1, ({ to }) => (to === 2 ? 'attack' : 'retreat')]]),
    });
    for (const army of [lyingLieutenant, lyingCommander]) {
      for (let p = army.bus.pending(); p.length > 0; p = army.bus.pending())
        army.bus.send(p[0]!.path, p[0]!.to);
    }
    const heard = (army: Army) => [army.general(2).heard([1]), army.general(2).heard([1, 3])];
    expect(heard(lyingLieutenant)).toEqual(['attack', 'retreat']);
    expect(heard(lyingCommander)).toEqual(heard(lyingLieutenant));
    // So it decides the same in both: retreat, disobeying the loyal commander of the first.
    expect(lyingLieutenant.general(2).decide()).toBe(lyingCommander.general(2).decide());
  });
});

describe('message count', () => {
  it('equals (n-1) + (n-1)(n-2) + … + (n-1)…(n-1-m) for every n <= 8 and m <= min(n - 2, 3)', () => {
    for (let n = 2; n <= 8; n++) {
      for (let m = 0; m <= Math.min(n - 2, 3); m++) {
        const run = runOralMessages(
          { n, m, order: 'attack', traitors: new Map([[n, liar]]) },
          randomOrder(n * 10 + m),
        );
        expect(run.messages, `n=${n} m=${m}`).toBe(omMessageCount(n, m));
        expect(allEnvelopes(n, m)).toHaveLength(run.messages);
      }
    }
    expect(omMessageCount(4, 1)).toBe(9);
    expect(omMessageCount(7, 2)).toBe(156);
  });
});

describe('the bus and the generals', () => {
  it('a message is sent once: sending one that is not owed is refused', () => {
    const army = new Army({ n: 4, m: 1 });
    expect(() => army.bus.send([1], 2)).toThrow(/not owed|no message/);
    army.command('attack');
    army.bus.send([1], 2);
    expect(() => army.bus.send([1], 2)).toThrow(/no message/);
  });

  it('a lieutenant cannot decide before every message addressed to it has arrived', () => {
    const army = new Army({ n: 4, m: 1 });
    army.command('retreat');
    army.bus.send([1], 2);
    expect(() => army.general(2).decide()).toThrow(/has not received/);
  });

  it('a traitor is asked for each value when it sends, with what a loyal general would have sent', () => {
    const asked: string[] = [];
    const army = new Army({
      n: 4,
      m: 1,
      traitors: new Map([
        [
          3,
          (turn) => {
            asked.push(`${turn.path.join('.')}->${turn.to} honest=${turn.honest}`);
            return 'retreat';
          },
        ],
      ]),
    });
    army.command('attack');
    army.bus.send([1], 3);
    expect(army.bus.pending().filter((e) => e.path.length === 2)).toHaveLength(2);
    army.bus.send([1, 3], 4);
    expect(asked).toEqual(['1.3->4 honest=attack']);
    expect(army.bus.sent().at(-1)).toMatchObject({ from: 3, to: 4, value: 'retreat' });
  });
});
