import { fracBits, type FixedType } from './fixed-type';
import { overflowBig } from './overflow';
import { quantizeBig } from './quantize';

/**
 * The general conversion (docs/semantics.md#cast) on raw integers: `raw` with `fracSrc` fractional
 * bits is quantized (t's Q) and then overflowed (t's O, N) into t. Integer destinations act as
 * `<W, W, S>` with AP_TRN/AP_WRAP. `srcWidth` (the source container's width) only matters for
 * AP_WRAP_SM with N = 0, whose "deleted sign bit" is read as 0 above the source's MSB; when omitted,
 * the source is taken as infinitely sign-extended.
 */
export function castRawBig(raw: bigint, fracSrc: number, t: FixedType, srcWidth?: number): bigint {
  const d = fracSrc - fracBits(t);
  const q = quantizeBig(raw, d, t.quant);
  const lD = t.overflow === 'AP_WRAP_SM' && t.satBits === 0 ? deletedBit(raw, t.width + d, srcWidth) : 0;
  return overflowBig(q, t, lD);
}

/** Bit k of raw (two's complement), or 0 when k is below bit 0 or at/above the source width. */
function deletedBit(raw: bigint, k: number, srcWidth: number | undefined): number {
  if (k < 0 || (srcWidth !== undefined && k >= srcWidth)) return 0;
  return Number((raw >> BigInt(k)) & 1n);
}
