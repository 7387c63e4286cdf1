/**
 * Built-in operators evaluated natively: the logic and set operators of the
 * language and the standard modules' overridden operators (Naturals,
 * Integers, Sequences, FiniteSets, TLC, Bags, TLCExt, Randomization) and of
 * the bundled community modules (natives-folds, -sets-ext, -sequences-ext,
 * -graphs, -json), with TLC's errors.
 * Importing this module registers them all.
 */
import './natives-core.js';
import './natives-stdlib.js';
import './natives-tlcext.js';
import './natives-random.js';
import './natives-folds.js';
import './natives-sets-ext.js';
import './natives-sequences-ext.js';
import './natives-graphs.js';
import './natives-json.js';

export { compileNative, hasNative } from './native-table.js';
