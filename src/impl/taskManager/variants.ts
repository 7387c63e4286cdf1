/**
 * The correct design and the bugs the spec's bug models describe, each as a
 * switch of the service: a variant reproduces exactly one design mistake.
 */
export const VARIANTS = [
  'Correct',
  /** Ids are max(id) + 1 (SQLite's rowid without AUTOINCREMENT) and a delete leaves the access rows. */
  'IdReuse',
  /** Writes ignore If-Match. */
  'NoVersionCheck',
  /** Dependencies are added without the cycle check. */
  'NoCycleCheck',
  /** The bulk status update skips the transition rules. */
  'BulkBypass',
  /** Completed and cancelled tasks can be moved back to pending. */
  'ReopenFinal',
  /** A delete leaves the task in its dependents' lists. */
  'DanglingDependency',
  /** A cancelled dependency keeps its dependents blocked. */
  'NoRelease',
] as const;

export type Variant = (typeof VARIANTS)[number];

export function isVariant(name: string): name is Variant {
  return (VARIANTS as readonly string[]).includes(name);
}
