/**
 * The idempotency binding as a module for the command line:
 *
 *   IDEM_CONFIG=idempotency/NoFencing.cfg \
 *     tlaw replay traces/idempotency/idempotency-no-fencing-AtMostOnceEffect.itf.json \
 *     --binding test/impl/idempotency/cli-binding.ts
 *
 * IDEM_CONFIG is the model's config under specs/ (default: the correct
 * model, IdempotencyStore.cfg); its constants shape the observed state.
 * IDEM_IMPL is the implementation to drive: "Correct" or an anti-pattern
 * variant (default: the config's Variant, i.e. the implementation the
 * model describes).
 */
import { idempotencyBinding } from './binding.js';
import { constantsOf } from './models.js';

const { variant, ...constants } = constantsOf(process.env.IDEM_CONFIG ?? 'IdempotencyStore.cfg');

export default idempotencyBinding(constants, process.env.IDEM_IMPL ?? variant);
