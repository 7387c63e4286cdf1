/** OM(m), the oral-messages algorithm for the Byzantine generals problem. */
export {
  Army,
  type ArmyOptions,
  fifo,
  type RunOptions,
  type RunResult,
  randomOrder,
  runOralMessages,
  type Scheduler,
} from './army.js';
export { General, type GeneralOptions } from './general.js';
export { decideOM, majority, valueFor } from './majority.js';
export { MessageBus } from './message-bus.js';
export { allEnvelopes, allPaths, lieutenants, omMessageCount, receiversOf } from './paths.js';
export {
  always,
  liar,
  randomTraitor,
  seededRandom,
  splitter,
  type TraitorStrategy,
  type TraitorTurn,
} from './traitors.js';
export {
  COMMANDER,
  DEFAULT_ORDER,
  type Envelope,
  type GeneralId,
  messageKey,
  ORDERS,
  type OralMessage,
  type Order,
  type Path,
} from './types.js';
