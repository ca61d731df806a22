/**
 * QKeras `quantized_bits(bits, integer, symmetric, keep_negative)` (docs/semantics.md#quantizers):
 * x -> 2^integer * clip(round(x * m / 2^integer), lo, m - 1) / m with m = 2^(bits - keepNegative)
 * and round = half to even. That is exactly a cast to
 *   keepNegative:  ap_fixed<bits, integer+1, AP_RND_CONV, AP_SAT>   (symmetric: AP_SAT_SYM)
 *   otherwise:     ap_ufixed<bits, integer, AP_RND_CONV, AP_SAT>
 * (`rounding` picks another ap quantization mode). Weights quantized by it are exported with the
 * same grid and AP_TRN/AP_WRAP, exact because the values are already on the grid. Gradient: the
 * straight-through estimator, d/dx = 1 everywhere (QKeras use_ste).
 */
import { apFixed, apUfixed, QUANT_MODES, SparsePixelsError, type QuantMode } from '@sparsepixels/core';
import { modeToConfig } from './config-type';
import { makeQuantizer, type Quantizer } from './quantizer';

export interface QuantizedBitsOptions {
  keepNegative?: boolean;
  symmetric?: boolean;
  rounding?: QuantMode;
}

function checkInt(v: unknown, lo: number, what: string): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo) {
    throw new SparsePixelsError('SP_LAYER_ARG', `${what} ${String(v)} is not allowed; expected an integer >= ${lo}`);
  }
}

export function quantizedBits(bits: number, integer = 0, options: QuantizedBitsOptions = {}): Quantizer {
  const { keepNegative = true, symmetric = false, rounding = 'AP_RND_CONV' } = options;
  checkInt(bits, keepNegative ? 2 : 1, 'quantizedBits bits');
  checkInt(integer, -64, 'quantizedBits integer');
  if (!QUANT_MODES.includes(rounding)) {
    throw new SparsePixelsError(
      'SP_LAYER_ARG',
      `quantizedBits rounding "${String(rounding)}" is unknown; allowed ${QUANT_MODES.join(', ')}`,
    );
  }
  const type = keepNegative
    ? apFixed(bits, integer + 1, rounding, symmetric ? 'AP_SAT_SYM' : 'AP_SAT')
    : apUfixed(bits, integer, rounding, 'AP_SAT');
  const weightType = keepNegative ? apFixed(bits, integer + 1) : apUfixed(bits, integer);
  return makeQuantizer('quantizedBits', type, weightType, 'linear', 'identity', {
    bits,
    integer,
    keepNegative,
    symmetric,
    rounding: modeToConfig(rounding),
  });
}
