import { fixedPointRange, formatType, parseType, quantizeNumber, rawToNumber, fracBits, type FixedType } from '@sparsepixels/core';
import { isLayerOf, type LayerIR } from '@sparsepixels/ir';
import { importError, layerWhere } from './import-error';
import { irRead } from './ir-build/ir-builder';

/**
 * Keras keeps a pixel when its float value is > threshold; the firmware compares the input-type
 * value with the threshold cast to the input type (with that type's own rounding). Writing the
 * largest input-type value t' <= threshold makes the two agree on every value the firmware can
 * receive: for a grid value g, g > t' iff g > threshold, and t' casts to itself under any mode
 * (docs/semantics.md, "InputReduce threshold in training"). A threshold below the input type's
 * range cannot be compared in it and is refused.
 */
export function snapThreshold(t: number, type: FixedType, layer: string): number {
  // values cast into an AP_SAT_SYM type never reach its minimum raw
  const lo = Number(fixedPointRange(type).lo) * 2 ** -fracBits(type);
  if (t < lo)
    throw importError(
      layerWhere(layer, 'InputReduce'),
      `the threshold ${t} lies below the range of the input type ${formatType(type)} (from ${lo}): Keras keeps every pixel above it, the firmware cannot compare below ${lo}; use a signed or wider input type`,
    );
  return rawToNumber(quantizeNumber(t, { ...type, quant: 'AP_TRN', overflow: 'AP_SAT', satBits: 0 }), type);
}

/** The layers with every InputReduce threshold snapped to the input type's grid (firmware documents). */
export function snapThresholds(layers: readonly LayerIR[], inputType: string): LayerIR[] {
  const type = parseType(inputType);
  return layers.map((l) => (isLayerOf(l, 'InputReduce') ? irRead.withThreshold(l, snapThreshold(l.attrs.threshold, type, l.name)) : l));
}
