/**
 * A quantizer maps real values onto the grid of one fixed-point type, with that type's own
 * rounding and overflow (QKeras semantics are exactly such types, see quantized-bits.ts and
 * quantized-relu.ts). Values are computed in float64 by core's exact `quantizeNumber`, so a
 * quantized value is the very number the firmware holds; it is stored in float32 exactly because
 * quantizer types are limited to 24 significant bits.
 */
import { formatType, quantizeNumber, rawMax, SparsePixelsError, type FixedType } from '@sparsepixels/core';

/** Widest grid a float32 tensor holds exactly (24-bit significand). */
export const MAX_QUANTIZER_BITS = 24;

/** How the straight-through gradient passes a pre-activation value v. */
export type GradientRule = 'identity' | 'relu-window';

/** What a quantizer serializes to (Keras style: class name + config). */
export interface QuantizerJson {
  className: string;
  config: Record<string, number | string | boolean>;
}

export interface Quantizer {
  /** Serialized name: 'quantizedBits', 'quantizedRelu' or 'fixed'. */
  readonly className: string;
  /** The type outputs lie in, with its Q/O (the result precision of an activation). */
  readonly type: FixedType;
  /** The same grid with AP_TRN/AP_WRAP: the type of weights already on the grid. */
  readonly weightType: FixedType;
  /** The function the quantizer implies before rounding: relu for quantizedRelu. */
  readonly activation: 'relu' | 'linear';
  readonly gradient: GradientRule;
  /** The quantized value of v (float64 in, grid value out). */
  quantize(v: number): number;
  /** d out / d v of the straight-through estimator at pre-activation v (1 or 0). */
  gradMask(v: number): number;
  toJSON(): QuantizerJson;
}

/** Checks a quantizer's type fits a float32 tensor exactly. */
export function checkQuantizerWidth(t: FixedType, what: string): void {
  if (t.width > MAX_QUANTIZER_BITS) {
    throw new SparsePixelsError(
      'SP_LAYER_ARG',
      `${what} type ${formatType(t)} has ${t.width} bits; TensorFlow.js stores float32, allowed widths 1..${MAX_QUANTIZER_BITS}`,
    );
  }
}

/** Shared implementation: quantize with the type's own Q/O; gradient by rule. */
export function makeQuantizer(
  className: string,
  type: FixedType,
  weightType: FixedType,
  activation: 'relu' | 'linear',
  gradient: GradientRule,
  config: QuantizerJson['config'],
): Quantizer {
  checkQuantizerWidth(type, className);
  const step = 2 ** -(type.width - type.integer);
  const max = rawMax(type) * step;
  return Object.freeze({
    className,
    type,
    weightType,
    activation,
    gradient,
    quantize: (v: number) => {
      const r = quantizeNumber(v, type);
      return r === 0 ? 0 : r * step;
    },
    gradMask:
      gradient === 'identity' ? () => 1 : (v: number) => (v > 0 && v <= max ? 1 : 0),
    toJSON: () => ({ className, config: { ...config } }),
  });
}
