/**
 * The spec's invariants as bad outcomes seen in the implementation: after a
 * counterexample replays on an implementation variant, these say in plain
 * terms what went wrong there (an effect applied twice, two answers to one
 * request, a key nobody can retry), from the driver's observation and, for
 * a blocked key, from a retry actually sent. They are written against the
 * implementation, not the spec, so that a replay that "matches" a
 * counterexample is also shown to reproduce its failure.
 */
import type { Observation, ReceiveResult, RequestDriver } from '../../../src/impl/idempotency/index.js';
import type { Binding } from '../../../src/mbt/index.js';

/** What the end of a replay left behind in the implementation. */
export interface FinalObservation {
  observation: Observation;
  /** The answer to one more request for each pending record whose lock has expired. */
  retries: { user: string; key: string; result: ReceiveResult }[];
}

/**
 * The same binding, also recording what the implementation looks like once
 * the replay ends (just before the system is disposed), including the
 * answer to a retry of every expired pending record.
 */
export function observingEnd<Sut extends { driver: RequestDriver; clock: { t: number } }>(
  binding: Binding<Sut>,
): { binding: Binding<Sut>; end: () => FinalObservation | undefined } {
  let end: FinalObservation | undefined;
  const wrapped: Binding<Sut> = {
    ...binding,
    async dispose(sut) {
      const observation = sut.driver.observe();
      const retries: FinalObservation['retries'] = [];
      for (const r of observation.records) {
        if (r.status !== 'pending' || r.lockedUntil > sut.clock.t) continue;
        const result = await sut.driver.receive('retry', r.user, r.key, r.payload);
        retries.push({ user: r.user, key: r.key, result });
      }
      end = { observation, retries };
      await binding.dispose?.(sut);
    },
  };
  return { binding: wrapped, end: () => end };
}

/** How `invariant` is seen broken in the implementation, or undefined when it is not. */
export function violationSeen(invariant: string, end: FinalObservation): string | undefined {
  const { effects, responses } = end.observation;
  switch (invariant) {
    case 'AtMostOnceEffect': {
      const twice = effects.find((e) => e.count > 1);
      return twice && `${twice.user}/${twice.key} step ${twice.step} was applied ${twice.count} times`;
    }
    case 'SameResponse': {
      for (const a of responses) {
        const b = responses.find(
          (b) =>
            b.user === a.user &&
            b.key === a.key &&
            b.payload === a.payload &&
            (b.status !== a.status || JSON.stringify(b.body) !== JSON.stringify(a.body)),
        );
        if (b) return `${a.user}/${a.key}/${a.payload} was answered ${a.status} and then ${b.status}`;
      }
      return undefined;
    }
    case 'ResponseMatchesRequest': {
      const wrong = responses.find(
        (r) => r.body?.user !== r.user || r.body.key !== r.key || r.body.payload !== r.payload,
      );
      if (!wrong) return undefined;
      const by = wrong.body
        ? `the handler of ${wrong.body.user}/${wrong.body.key}/${wrong.body.payload}`
        : 'no handler';
      return `${wrong.user}/${wrong.key}/${wrong.payload} got ${wrong.status} produced by ${by}`;
    }
    case 'NoKeyBlockedForever': {
      const blocked = end.retries.find(
        (r) => r.result.kind === 'answered' && r.result.response.status === 409,
      );
      return blocked && `a retry of ${blocked.user}/${blocked.key} after its lock expired still gets 409`;
    }
    default:
      throw new Error(`no implementation-side check for the invariant ${invariant}`);
  }
}
