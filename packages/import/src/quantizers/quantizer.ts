import { formatType, quantizeNumber, rawToNumber, type FixedType } from '@sparsepixels/core';

/**
 * A quantizer read from a model file, reduced to what the IR needs: the ap type that reproduces it
 * bit for bit (round and overflow modes included) and the values it produces from float weights.
 * `elementTypes` is set when every element has its own type (HGQ2 per-element bit widths).
 */
export interface ImportedQuantizer {
  /** The ap type (one for all elements), or undefined when elements differ (see elementTypes). */
  readonly type: FixedType | undefined;
  readonly elementTypes?: readonly (FixedType | null)[];
  /** Human description, e.g. `quantized_bits(8,2)`. */
  readonly text: string;
}

/** Quantizes float values as the quantizer does (exact: ap rounding and overflow of its type). */
export function quantizeValues(q: ImportedQuantizer, values: ArrayLike<number>): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const t = q.elementTypes ? q.elementTypes[i] : q.type;
    out[i] = t === null || t === undefined ? 0 : quantizeTo(values[i]!, t);
  }
  return out;
}

/** The real value of x cast to t. */
export function quantizeTo(x: number, t: FixedType): number {
  return rawToNumber(quantizeNumber(x, t), t);
}

/** The same grid with the default modes (AP_TRN, AP_WRAP): how weights already on the grid are declared. */
export function gridType(t: FixedType): FixedType {
  return { ...t, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 };
}

export function typeText(t: FixedType | undefined): string {
  return t ? formatType(t) : 'per-element types';
}
