/** Fixed-point types as the Verilog blocks' parameters (widths, fraction bits, signedness, mode numbers). */
import { fracBits, type FixedType, type OverflowMode, type QuantMode } from '@sparsepixels/core';
import { OVERFLOW_CODE, QUANT_CODE } from '@sparsepixels/rtl/verilog-lib';

/** sp_cast's numbering of the modes (@sparsepixels/rtl's verilog/sp_cast.v). */
export const Q_CODE: Readonly<Record<QuantMode, number>> = QUANT_CODE;
export const O_CODE: Readonly<Record<OverflowMode, number>> = OVERFLOW_CODE;

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

/** sp_cast parameters for converting a `srcWidth`-bit expression with `srcFrac` fraction bits into `dst`. */
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
