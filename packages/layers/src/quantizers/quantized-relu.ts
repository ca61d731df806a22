/**
 * QKeras `quantized_relu(bits, integer)` (docs/semantics.md#quantizers): relu, then
 * 2^integer * clip(round(x * 2^bits / 2^integer) / 2^bits, 0, 1 - 2^-bits) with round half to
 * even: exactly a cast to ap_ufixed<bits, integer, AP_RND_CONV, AP_SAT> (negatives saturate to 0).
 * Gradient as QKeras: 1 on (0, max], 0 elsewhere.
 */
import { apUfixed, SparsePixelsError } from '@sparsepixels/core';
import { makeQuantizer, type Quantizer } from './quantizer';

export function quantizedRelu(bits: number, integer = 0): Quantizer {
  if (!Number.isInteger(bits) || bits < 1) {
    throw new SparsePixelsError('SP_LAYER_ARG', `quantizedRelu bits ${String(bits)} is not allowed; expected an integer >= 1`);
  }
  if (!Number.isInteger(integer) || integer < -64) {
    throw new SparsePixelsError('SP_LAYER_ARG', `quantizedRelu integer ${String(integer)} is not allowed; expected an integer >= -64`);
  }
  const type = apUfixed(bits, integer, 'AP_RND_CONV', 'AP_SAT');
  return makeQuantizer('quantizedRelu', type, apUfixed(bits, integer), 'relu', 'relu-window', { bits, integer });
}
