export type { EmbeddedConfig } from './embedded.js';
export {
  embeddedConfigName,
  extractEmbeddedConfig,
  hasEmbeddedConfig,
  parseEmbeddedConfigFile,
  parseEmbeddedConfigText,
} from './embedded.js';
export type { CfgToken, CfgTokenKind } from './lexer.js';
export { tokenizeConfig } from './lexer.js';
export { CONFIG_KEYWORDS, parseConfigFile, parseConfigText } from './parse.js';
export type { CfgLoc, CfgValue, ConstantAssignment, ModelConfig, NamedRef } from './types.js';
