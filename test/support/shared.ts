/**
 * Where the TLC conformance suite lives: `../shared/conformance/cases` beside
 * the checkout (as CI lays it out), or TLAW_SHARED_CASES. Tests that use it
 * skip when it is absent, so the suite stands alone.
 */
import { resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..', '..');

export const SHARED_CASES =
  process.env.TLAW_SHARED_CASES ?? resolve(repoRoot, '..', 'shared', 'conformance', 'cases');
