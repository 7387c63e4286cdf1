/**
 * Built-in operators evaluated natively: the logic and set operators of the
 * language and the standard modules' overridden operators (Naturals,
 * Integers, Sequences, FiniteSets, TLC, Bags, TLCExt), with TLC's errors.
 * Importing this module registers them all.
 */
import './natives-core.js';
import './natives-stdlib.js';

export { compileNative, hasNative } from './native-table.js';
