import type { FixedType } from './fixed-type';
import { rawMaxBig, rawMinBig, wrapBig } from './type-range';

/**
 * Overflow handling (docs/semantics.md#overflow) of the quantized integer q into t. `lD` is bit W of the
 * truncated aligned source (only AP_WRAP_SM with N = 0 reads it).
 */
export function overflowBig(q: bigint, t: FixedType, lD: number): bigint {
  const lo = rawMinBig(t);
  const hi = rawMaxBig(t);
  if (t.overflow === 'AP_SAT_SYM' && t.signed) {
    // [quirk] the symmetric clamp also moves an in-range lo to lo + 1 (except for W = 1).
    const loSym = t.width >= 2 ? lo + 1n : lo;
    return q < loSym ? loSym : q > hi ? hi : q;
  }
  if (q >= lo && q <= hi) return q;
  switch (t.overflow) {
    case 'AP_SAT':
    case 'AP_SAT_SYM':
      return q > hi ? hi : lo;
    case 'AP_SAT_ZERO':
      return 0n;
    case 'AP_WRAP':
      return t.satBits === 0 ? wrapBig(q, t.width, t.signed) : wrapWithSatBits(q, t);
    case 'AP_WRAP_SM':
      return wrapSignMagnitude(q, t, lD);
  }
}

/** Bits [lowBit, highBit] (inclusive) of the pattern v set to `bit`. */
function setBits(v: bigint, lowBit: number, highBit: number, bit: number): bigint {
  if (highBit < lowBit) return v;
  const mask = ((1n << BigInt(highBit - lowBit + 1)) - 1n) << BigInt(lowBit);
  return bit ? v | mask : v & ~mask;
}

function bitOf(v: bigint, k: number): number {
  return Number((v >> BigInt(k)) & 1n);
}

/** AP_WRAP with N >= 1: the top N bits show the direction of the overflow. */
function wrapWithSatBits(q: bigint, t: FixedType): bigint {
  const w = t.width;
  const n = t.satBits;
  let v = BigInt.asUintN(w, q);
  if (t.signed) {
    const s = q < 0n ? 1 : 0;
    v = setBits(v, w - 1, w - 1, s);
    v = setBits(v, w - n, w - 2, 1 - s);
  } else {
    v = setBits(v, w - n, w - 1, 1);
  }
  return wrapBig(v, w, t.signed);
}

/** AP_WRAP_SM (signed types only): sign-magnitude wrapping, three cases by N. */
function wrapSignMagnitude(q: bigint, t: FixedType, lD: number): bigint {
  const w = t.width;
  const n = t.satBits;
  const all = (1n << BigInt(w)) - 1n;
  const s = q < 0n ? 1 : 0;
  let v = BigInt.asUintN(w, q);
  if (n === 0) {
    if (lD !== bitOf(v, w - 1)) v = setBits(v ^ all, w - 1, w - 1, lD);
  } else if (n === 1) {
    if (s !== bitOf(v, w - 1)) v ^= all;
    v = setBits(v, w - 1, w - 1, s);
  } else {
    if (bitOf(v, w - n) === s) v ^= all;
    v = setBits(v, w - n, w - 2, 1 - s);
    v = setBits(v, w - 1, w - 1, s);
  }
  return wrapBig(v, w, true);
}
