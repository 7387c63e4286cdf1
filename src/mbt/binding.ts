/**
 * A binding ties a spec to an implementation: how to create a fresh system
 * under test, how each spec action maps to a call on it, and how to observe
 * its state as spec variables. Replay, fast-check and xstate tests all drive
 * an implementation through a binding and nothing else.
 */
import type { Value } from '../check/value/index.js';

/** Parameters of a spec action by name: the operator's parameters and its `\E`-bound values. */
export type ActionParams = Record<string, Value>;

export type MaybePromise<T> = T | Promise<T>;

export interface Binding<Sut> {
  /** Short name for reports (usually the spec's module name). */
  name: string;
  /** A fresh system under test; called once per replayed trace or generated run. */
  create(): MaybePromise<Sut>;
  /** Releases what `create` took (servers, files); called even after a failure. */
  dispose?(sut: Sut): MaybePromise<void>;
  /**
   * One function per spec action. A spec action without a function here makes
   * replay fail with a clear message, unless it is listed in `ignoredActions`.
   */
  actions: Record<string, (sut: Sut, params: ActionParams) => MaybePromise<void>>;
  /** Spec actions with no counterpart in the implementation (e.g. a clock tick): skipped, state still compared. */
  ignoredActions?: string[];
  /**
   * The implementation's state as spec variables. Return a subset of the
   * variables to compare only those (an abstraction); values are TLA+ values
   * (build them with the helpers of src/mbt/values.ts).
   */
  observe(sut: Sut): MaybePromise<Record<string, Value>>;
}

/** Identity function that gives a binding literal its types. */
export function defineBinding<Sut>(binding: Binding<Sut>): Binding<Sut> {
  return binding;
}
