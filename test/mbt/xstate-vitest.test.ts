import { describe } from 'vitest';
import { printValue } from '../../src/check/value/index.js';
import { xstateTests } from '../../src/mbt/vitest-xstate.js';
import { kvStoreBinding } from '../fixtures/mbt/kv/bindings.js';
import { kvModel } from './kv-model.js';

// The helper under test: one test per transition-covering path, each replayed on the correct store.
describe('xstateTests on the correct store, every state its own abstract state', () => {
  xstateTests(kvModel(), kvStoreBinding);
});

describe('xstateTests on the correct store, states abstracted to their number of writes', () => {
  xstateTests(kvModel(), kvStoreBinding, { abstract: (s) => `writes = ${printValue(s.writes!)}` });
});

describe('xstateTests under the CONSTRAINT of KvStoreBounded.cfg', () => {
  xstateTests(kvModel('KvStoreBounded.cfg'), kvStoreBinding, { maxPathLength: 3 });
});
