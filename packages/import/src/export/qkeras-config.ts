import { parseType, type FixedType } from '@sparsepixels/core';

/**
 * QKeras quantizer configs for IR types, as a Keras 2.14 `.keras` config.json holds them
 * (the shapes the importer reads back: packages/import/README.md, "The quantizer mapping").
 */

/** `quantized_bits(B, I)` for weights already on the grid of `t` (signed: ap_fixed<B, I+1>; unsigned: keep_negative False). */
export function quantizedBitsFor(t: FixedType): Record<string, unknown> | null {
  if (t.kind !== 'fixed' && t.kind !== 'int') return null;
  const signed = t.signed;
  const integer = t.integer - (signed ? 1 : 0);
  if (t.width - (signed ? 1 : 0) < 1 || t.width > 64) return null;
  return {
    module: 'qkeras.quantizers',
    class_name: 'quantized_bits',
    registered_name: 'quantized_bits',
    config: {
      bits: t.width,
      integer,
      symmetric: 0,
      alpha: 1,
      keep_negative: signed,
      use_stochastic_rounding: false,
      qnoise_factor: 1.0,
      post_training_scale: null,
    },
  };
}

/** `quantized_relu(B,I)` when a relu's result type is exactly what it quantizes to (ap_ufixed<B,I,AP_RND_CONV,AP_SAT>). */
export function quantizedReluFor(result: string | undefined): string | undefined {
  if (!result || result === 'auto') return undefined;
  const t = parseType(result);
  if (t.kind !== 'fixed' || t.signed || t.quant !== 'AP_RND_CONV' || t.overflow !== 'AP_SAT' || t.satBits !== 0) return undefined;
  return `quantized_relu(${t.width},${t.integer})`;
}

/** Fraction bits a value needs (its exact binary expansion), for weights declared 'auto'. */
function fractionBitsOf(v: number): number {
  let f = 0;
  while (!Number.isInteger(v * 2 ** f) && f < 1100) f++;
  return f;
}

/** The smallest type holding every value exactly (the IR's rule for weights declared 'auto'). */
export function exactTypeOf(values: readonly number[]): FixedType {
  const f = values.reduce((m, v) => Math.max(m, fractionBitsOf(v)), 0);
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    lo = Math.min(lo, v * 2 ** f);
    hi = Math.max(hi, v * 2 ** f);
  }
  const signed = lo < 0;
  const mag = signed ? Math.max(-lo - 1, hi) : hi;
  const width = Math.max(1, (mag === 0 ? 0 : Math.floor(Math.log2(mag)) + 1) + (signed ? 1 : 0));
  return { kind: 'fixed', signed, width, integer: width - f, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 };
}

/** The grid type of a weight tensor: its declared type, or the exact type of its values when 'auto'. */
export function weightGrid(declared: string | undefined, values: readonly number[]): FixedType {
  return declared && declared !== 'auto' ? parseType(declared) : exactTypeOf(values);
}

