/**
 * The binding ties the spec to the implementation: each spec action is a
 * call, and `observe` reads the implementation back as spec variables.
 * Add a line to `actions` for every action you add to specs/Counter.tla.
 */
import { defineBinding } from 'tla-workbench';
import { Counter } from '../src/counter.js';

export default defineBinding({
  name: 'Counter',
  create: () => new Counter(3), // Max = 3, as in specs/Counter.cfg
  actions: {
    Inc: (counter) => counter.inc(),
    Reset: (counter) => counter.reset(),
  },
  observe: (counter) => ({ count: counter.count }),
});
