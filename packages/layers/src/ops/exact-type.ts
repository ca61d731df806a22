/**
 * The narrowest signed ap_fixed type that holds every given float32 value exactly, or undefined if
 * that needs more than 64 bits (values that lie on no common fixed-point grid).
 */
import { apFixed, type FixedType } from '@sparsepixels/core';

const MAX_FRAC = 160;

function fracBitsOf(v: number): number {
  let f = 0;
  while (f < MAX_FRAC && !Number.isInteger(v * 2 ** f)) f++;
  return f;
}

export function exactTypeOf(values: ArrayLike<number>): FixedType | undefined {
  let frac = 0;
  let maxAbs = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v === 0) continue;
    if (!Number.isFinite(v)) return undefined;
    frac = Math.max(frac, fracBitsOf(v));
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  // integer bits incl. sign: 2^(I-1) > maxAbs (also for the most negative value)
  const integer = maxAbs === 0 ? 1 : Math.max(1, Math.floor(Math.log2(maxAbs)) + 2);
  const width = integer + frac;
  return width <= 64 ? apFixed(width, integer) : undefined;
}
