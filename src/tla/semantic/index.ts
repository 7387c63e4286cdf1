export type { BuiltinArity } from './builtins.js';
export { LANGUAGE_BUILTINS } from './builtins.js';
export { checkConfig } from './checkConfig.js';
export { checkModule, checkSpec } from './checkSpec.js';
