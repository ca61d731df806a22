/** Fixed-point types as the Verilog blocks' parameters (widths, fraction bits, signedness, mode numbers). */
import { fracBits, type FixedType, type OverflowMode, type QuantMode } from '@sparsepixels/core';

/** The RTL backend's numbering of the modes (verilog/fixed/spw_cast.v). */
export const Q_CODE: Readonly<Record<QuantMode, number>> = {
  AP_RND: 0,
  AP_RND_ZERO: 1,
  AP_RND_MIN_INF: 2,
  AP_RND_INF: 3,
  AP_RND_CONV: 4,
  AP_TRN: 5,
  AP_TRN_ZERO: 6,
};

export const O_CODE: Readonly<Record<OverflowMode, number>> = {
  AP_SAT: 0,
  AP_SAT_ZERO: 1,
  AP_SAT_SYM: 2,
  AP_WRAP: 3,
  AP_WRAP_SM: 4,
};

export interface CastParams {
  readonly SW: number;
  readonly SF: number;
  readonly SS: number;
  readonly DW: number;
  readonly DF: number;
  readonly DS: number;
  readonly Q: number;
  readonly O: number;
  readonly NB: number;
}

/** spw_cast parameters for converting a `srcWidth`-bit expression with `srcFrac` fraction bits into `dst`. */
export function castParams(
  srcWidth: number,
  srcFrac: number,
  srcSigned: boolean,
  dst: FixedType,
): CastParams {
  return {
    SW: srcWidth,
    SF: srcFrac,
    SS: srcSigned ? 1 : 0,
    DW: dst.width,
    DF: fracBits(dst),
    DS: dst.signed ? 1 : 0,
    Q: Q_CODE[dst.quant],
    O: O_CODE[dst.overflow],
    NB: dst.satBits,
  };
}

/** `#(.A(1), .B(2))` */
export function paramList(p: Readonly<Record<string, number | string>>): string {
  return `#(${Object.entries(p)
    .map(([k, v]) => `.${k}(${typeof v === 'string' ? JSON.stringify(v) : String(v)})`)
    .join(', ')})`;
}

/** A raw as a sized Verilog hex literal of `width` bits (its two's complement pattern). */
export function hexLiteral(raw: bigint, width: number): string {
  return `${width}'h${BigInt.asUintN(width, raw).toString(16)}`;
}
