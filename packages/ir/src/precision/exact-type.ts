import type { FixedType } from '@sparsepixels/core';
import type { Interval } from './interval';

/** Bits of a two's-complement or unsigned integer range. */
function bitsFor(lo: bigint, hi: bigint): { signed: boolean; width: number } {
  if (lo < 0n) {
    // smallest w with -2^(w-1) <= lo and hi <= 2^(w-1)-1
    const m = -lo - 1n > hi ? -lo - 1n : hi;
    return { signed: true, width: m.toString(2).length + (m === 0n ? 0 : 1) };
  }
  return { signed: false, width: hi === 0n ? 1 : hi.toString(2).length };
}

/**
 * The narrowest TRN/WRAP type holding every value of `iv` exactly (F = iv.f; unsigned when the
 * interval has no negative value). Returns the width it needs; callers cap it at 64.
 */
export function exactType(iv: Interval): FixedType {
  const { signed, width } = bitsFor(iv.lo, iv.hi);
  const w = Math.max(width, 1);
  return { kind: 'fixed', signed, width: w, integer: w - iv.f, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 };
}

/** The smallest exact type of a set of dyadic values (raw bigints at f fractional bits). */
export function exactTypeOfValues(raws: readonly bigint[], f: number): FixedType {
  let lo = 0n;
  let hi = 0n;
  for (const r of raws) {
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  return exactType({ lo, hi, f });
}
