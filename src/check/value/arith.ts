/**
 * 32-bit integer arithmetic with TLC's overflow error and TLA+'s \div and %
 * (\div rounds toward negative infinity; a % b, for b > 0 only, is in 0..b-1).
 */
import { fail } from './fail.js';
import type { Value } from './kinds.js';
import { printValue } from './print.js';

const MIN = -2147483648;
const MAX = 2147483647;

function overflow(op: string, a: number, b: number): never {
  fail('overflow', `Overflow when computing ${a}${op}${b}`);
}

/** Requires an integer, else TLC's type error naming the operator. */
export function asInt(v: Value, op: string): number {
  if (typeof v === 'number') return v;
  fail('type', `Attempted to apply the operator ${op} to a non-integer argument:\n${printValue(v)}`);
}

export function intAdd(a: number, b: number): number {
  const r = a + b;
  if (r > MAX || r < MIN) overflow('+', a, b);
  return r;
}

export function intSub(a: number, b: number): number {
  const r = a - b;
  if (r > MAX || r < MIN) overflow('-', a, b);
  return r;
}

export function intMul(a: number, b: number): number {
  const r = a * b;
  if (r > MAX || r < MIN) overflow('*', a, b);
  return r;
}

export function intDiv(a: number, b: number): number {
  if (b === 0) fail('type', `The second argument of \\div is 0.`);
  return Math.floor(a / b);
}

export function intMod(a: number, b: number): number {
  if (b <= 0) fail('type', `The second argument of % should be a positive number, but instead it is:\n${b}`);
  const r = a % b;
  return r < 0 ? r + b : r;
}

export function intPow(a: number, b: number): number {
  if (b < 0) fail('type', `Attempted to compute ${a}^${b}: the exponent is negative.`);
  if (b === 0 && a === 0) fail('type', '0^0 is undefined.');
  let r = 1;
  for (let i = 0; i < b; i++) {
    r *= a;
    if (r > MAX || r < MIN) overflow('^', a, b);
  }
  return r;
}

export function intNeg(a: number): number {
  if (a === MIN) fail('overflow', `Overflow when computing -(${a})`);
  return -a;
}

/** Decimal literal text to an integer, or TLC's overflow error. */
export function intLiteral(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n > MAX) fail('overflow', `Integer literal ${text} is too large.`);
  return n;
}
