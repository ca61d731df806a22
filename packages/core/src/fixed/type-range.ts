import type { FixedType } from './fixed-type';

/** Smallest raw value of the type: -2^(W-1) signed, 0 unsigned. */
export function rawMinBig(t: FixedType): bigint {
  return t.signed ? -(1n << BigInt(t.width - 1)) : 0n;
}

/** Largest raw value of the type: 2^(W-1) - 1 signed, 2^W - 1 unsigned. */
export function rawMaxBig(t: FixedType): bigint {
  return (1n << BigInt(t.signed ? t.width - 1 : t.width)) - 1n;
}

/** wrap(v, W, S): v mod 2^W read back as signed or unsigned. */
export function wrapBig(v: bigint, width: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(width, v) : BigInt.asUintN(width, v);
}
