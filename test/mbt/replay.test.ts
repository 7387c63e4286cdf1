import { describe, expect, it } from 'vitest';
import { defineBinding, type ReplayStep, replay, tlaFcn } from '../../src/mbt/index.js';
import { kvStoreBinding } from '../fixtures/mbt/kv/bindings.js';
import { KvStore } from '../fixtures/mbt/kv/kv-store.js';

const state = (a: number, b: number, writes: number) => ({
  store: tlaFcn([
    ['a', a],
    ['b', b],
  ]),
  writes,
});

const putThenDelete: ReplayStep[] = [
  { values: state(0, 0, 0) },
  {
    action: {
      name: 'Put',
      params: [
        ['k', 'b'],
        ['v', 2],
      ],
    },
    values: state(0, 2, 1),
  },
  { action: { name: 'Delete', params: { k: 'b' } }, values: state(0, 0, 1) },
];

describe('replay', () => {
  it('passes a trace the implementation follows, with parameters as pairs or as a record', async () => {
    expect(await replay(putThenDelete, kvStoreBinding)).toEqual({ ok: true, stepsChecked: 3 });
  });

  it('stops at the first differing state with the action, its parameters and a diff', async () => {
    const wrong = [...putThenDelete.slice(0, 2), { ...putThenDelete[2]!, values: state(0, 0, 0) }];
    const r = await replay(wrong, kvStoreBinding);
    expect(r.ok).toBe(false);
    expect(r.stepsChecked).toBe(2);
    expect(r.failure).toMatchObject({
      step: 3,
      action: 'Delete',
      params: { k: 'b' },
      reason: 'state-mismatch',
      diff: [{ variable: 'writes', expected: '0', actual: '1' }],
    });
    expect(r.failure!.message).toBe(
      'state 3 differs after Delete(k = "b"):\n  writes\n    expected: 0\n    actual:   1',
    );
  });

  it('checks the initial state before any action', async () => {
    const r = await replay([{ values: state(1, 0, 0) }], kvStoreBinding);
    expect(r.failure).toMatchObject({ step: 1, action: 'Initial predicate', reason: 'state-mismatch' });
  });

  it('names an action the binding does not bind, and skips the ones it ignores', async () => {
    const putOnly = defineBinding<KvStore>({
      ...kvStoreBinding,
      actions: { Put: kvStoreBinding.actions.Put! },
    });
    const r = await replay(putThenDelete, putOnly);
    expect(r.failure?.reason).toBe('unbound-action');
    expect(r.failure?.message).toMatch(
      /state 3 \(Delete\(k = "b"\)\): the binding kv-store has no function for action Delete/,
    );
    // Ignored: the action is not run, so the store still holds b and the state differs.
    const ignoring = { ...putOnly, ignoredActions: ['Delete'] };
    expect((await replay(putThenDelete, ignoring)).failure).toMatchObject({
      step: 3,
      reason: 'state-mismatch',
    });
  });

  it('reports an implementation that throws, with the call that threw', async () => {
    const tiny = { ...kvStoreBinding, create: () => new KvStore(['a', 'b'], 0) };
    const r = await replay(putThenDelete, tiny);
    expect(r.failure).toMatchObject({ step: 2, reason: 'implementation-error' });
    expect(r.failure!.message).toBe('state 2: Put(k = "b", v = 2) threw: write budget exhausted');
  });

  it('compares only the variables the binding observes, and disposes the system every time', async () => {
    let disposed = 0;
    const writesOnly = defineBinding<KvStore>({
      ...kvStoreBinding,
      observe: (sut) => ({ writes: sut.writes }),
      dispose: () => {
        disposed++;
      },
    });
    const lying = putThenDelete.map((s) => ({ ...s, values: { ...s.values, store: 'anything' } }));
    expect((await replay(lying, writesOnly)).ok).toBe(true);
    expect((await replay([{ values: { writes: 5 } }], writesOnly)).ok).toBe(false);
    expect(disposed).toBe(2);
  });

  it('flags an observed variable the trace does not have', async () => {
    const extra = { ...kvStoreBinding, observe: () => ({ ...state(0, 0, 0), cache: 1 }) };
    const r = await replay([{ values: state(0, 0, 0) }], extra);
    expect(r.failure?.diff).toEqual([{ variable: 'cache', expected: '(not a spec variable)', actual: '1' }]);
  });
});
