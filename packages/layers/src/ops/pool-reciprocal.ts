import { poolReciprocalRaw, V1_RECIPROCAL_BITS } from '@sparsepixels/core';

/**
 * The reciprocal precision a pooling layer trains with and exports explicitly (attrs.reciprocalBits,
 * docs/semantics.md), so what is trained is what the firmware computes: log2 P for powers of two
 * (r = 1/P exactly), else the v1 constant 10 (an explicit reciprocal keeps the exact product as the
 * 'auto' result, and more bits would widen every later exact type).
 */
export function layerReciprocalBits(p: number): number {
  const k = Math.log2(p);
  return Number.isInteger(k) ? k : V1_RECIPROCAL_BITS;
}

/** r * r as the float the training ops multiply by (exact in float64 up to 26 fraction bits). */
export function reciprocalSquared(p: number, bits: number): number {
  const r = poolReciprocalRaw(p, bits) / 2 ** bits;
  return r * r;
}
