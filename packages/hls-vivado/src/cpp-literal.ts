import { fracBits, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { rawToExactDecimal } from '@sparsepixels/ir';

/**
 * A C++ literal for the value `raw` of type `t`, written as its exact decimal. The compiler reads
 * it as the nearest double, so it is exact only when the value has at most 53 significant bits
 * (always true for values that came from JSON numbers); anything wider is refused rather than
 * silently rounded.
 */
export function cppLiteral(raw: bigint, t: FixedType, where?: string): string {
  if (significantBits(raw) > 53) {
    throw new SparsePixelsError(
      'SP_HLS_CONSTANT',
      `constant with raw value ${raw} in ${t.width}-bit type has more than 53 significant bits and cannot be written exactly`,
      where,
    );
  }
  const text = rawToExactDecimal(raw, fracBits(t));
  // Integers of 10 digits or more become floating literals (an integer literal could overflow).
  if (!text.includes('.') && text.replace('-', '').length > 9) return `${text}.0`;
  return text;
}

/** Bits between the highest and lowest set bit of |raw| (0 for 0). */
function significantBits(raw: bigint): number {
  let m = raw < 0n ? -raw : raw;
  if (m === 0n) return 0;
  while ((m & 1n) === 0n) m >>= 1n;
  return m.toString(2).length;
}
