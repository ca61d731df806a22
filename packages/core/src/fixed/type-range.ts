import type { FixedType } from './fixed-type';

/** Smallest raw value of the type: -2^(W-1) signed, 0 unsigned. */
export function rawMinBig(t: FixedType): bigint {
  return t.signed ? -(1n << BigInt(t.width - 1)) : 0n;
}

/** Largest raw value of the type: 2^(W-1) - 1 signed, 2^W - 1 unsigned. */
export function rawMaxBig(t: FixedType): bigint {
  return (1n << BigInt(t.signed ? t.width - 1 : t.width)) - 1n;
}

/** rawMinBig as a number: -2^(W-1) or 0, exact for every width (a power of two). */
export function rawMin(t: FixedType): number {
  return t.signed ? -(2 ** (t.width - 1)) : 0;
}

/**
 * rawMaxBig as a number: exact up to MAX_NUMBER_WIDTH (53) bits, the widths of the number-raw
 * paths; a wider type gives the nearest double (2^W - 1 rounds to 2^W).
 */
export function rawMax(t: FixedType): number {
  return 2 ** (t.signed ? t.width - 1 : t.width) - 1;
}

/**
 * The raws that a cast into t leaves unchanged: rawMinBig..rawMaxBig, except that a signed
 * AP_SAT_SYM type moves its minimum up by one (docs/semantics.md#overflow; W = 1 keeps -1).
 */
export function fixedPointRange(t: FixedType): { lo: bigint; hi: bigint } {
  const lo = rawMinBig(t);
  return { lo: t.signed && t.overflow === 'AP_SAT_SYM' && t.width >= 2 ? lo + 1n : lo, hi: rawMaxBig(t) };
}

/** wrap(v, W, S): v mod 2^W read back as signed or unsigned. */
export function wrapBig(v: bigint, width: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(width, v) : BigInt.asUintN(width, v);
}
