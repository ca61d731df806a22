import { formatType, fracBits, SparsePixelsError, type FixedType, type OverflowMode, type QuantMode } from '@sparsepixels/core';
import type { ParamValue } from '../verilog/builder';

/** How a bit vector is read: W bits, F fractional bits (may be negative), signed or not. */
export interface RawFormat {
  readonly width: number;
  readonly frac: number;
  readonly signed: boolean;
}

export function formatOf(t: FixedType): RawFormat {
  return { width: t.width, frac: fracBits(t), signed: t.signed };
}

/** Codes of sp_cast's Q parameter (verilog/sp_cast.v). */
export const QUANT_CODE: Readonly<Record<QuantMode, number>> = {
  AP_RND: 0,
  AP_RND_ZERO: 1,
  AP_RND_MIN_INF: 2,
  AP_RND_INF: 3,
  AP_RND_CONV: 4,
  AP_TRN: 5,
  AP_TRN_ZERO: 6,
};

/** Codes of sp_cast's O parameter. */
export const OVERFLOW_CODE: Readonly<Record<OverflowMode, number>> = {
  AP_SAT: 0,
  AP_SAT_ZERO: 1,
  AP_SAT_SYM: 2,
  AP_WRAP: 3,
  AP_WRAP_SM: 4,
};

/**
 * Refuses, with one line, a destination type sp_cast cannot reproduce: AP_WRAP_SM on an unsigned
 * type (the Xilinx headers themselves exit at run time) and more saturation bits than bits.
 */
export function checkCastTarget(t: FixedType, where?: string): void {
  if (t.overflow === 'AP_WRAP_SM' && !t.signed) {
    throw new SparsePixelsError('SP_RTL_TYPE', `${formatType(t)}: AP_WRAP_SM needs a signed type (ap_ufixed does not support it)`, where);
  }
  if (t.satBits > t.width) {
    throw new SparsePixelsError('SP_RTL_TYPE', `${formatType(t)}: ${t.satBits} saturation bits exceed the width ${t.width}`, where);
  }
}

/** sp_cast parameters converting a `src` vector into type `dst` (src.width = the C++ expression's width). */
export function castParams(src: RawFormat, dst: FixedType): Record<string, ParamValue> {
  const uses = dst.overflow === 'AP_WRAP' || dst.overflow === 'AP_WRAP_SM';
  return {
    SW: src.width,
    SF: src.frac,
    SS: src.signed ? 1 : 0,
    DW: dst.width,
    DF: fracBits(dst),
    DS: dst.signed ? 1 : 0,
    Q: QUANT_CODE[dst.quant],
    O: OVERFLOW_CODE[dst.overflow],
    NB: uses ? dst.satBits : 0,
  };
}
