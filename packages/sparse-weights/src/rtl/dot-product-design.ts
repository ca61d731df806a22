/**
 * The parameters of a sparse_dot_product instance for one MAC layer and its compressed store: every
 * width and step constant derived from the layer's types with the interpreter's own rules (core's
 * result types, fixed-step.ts), so the Verilog computes what the interpreter computes.
 */
import { fracBits, mulType, sameType, type EncodedWeightStore } from '@sparsepixels/core';
import { planStep } from '../fixed-step';
import type { MacLayer } from '../ir-adapter';
import { O_CODE, Q_CODE } from './type-params';

export type DotProductParams = Readonly<Record<string, number | string>>;

const bits = (n: number) => Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));

/** `hexDir` is where the simulator or synthesis tool finds the .hex files (paths are written into the design). */
export function dotProductParams(l: MacLayer, store: EncodedWeightStore, hexDir: string): DotProductParams {
  const t = l.types;
  const m = store.metadata;
  const term = planStep(t.accum, mulType(t.weight, t.input));
  const biasStep = planStep(t.accum, t.bias);
  const biasMode = !l.bias ? 0 : l.biasRule === 'first' ? 1 : 2;
  return {
    DEPTH: m.nnz,
    CHANNELS: m.channels,
    CW: bits(m.channels),
    IW: m.index.width,
    OW: m.segment.offset_width,
    LW: m.segment.length_width,
    ENTRIES_HEX: `${hexDir}/weights_entries.hex`,
    SEGMENTS_HEX: `${hexDir}/weights_segments.hex`,
    BIAS_HEX: `${hexDir}/bias_values.hex`,
    XW: t.input.width,
    XS: t.input.signed ? 1 : 0,
    WW: t.weight.width,
    WS: t.weight.signed ? 1 : 0,
    AW: t.accum.width,
    AS: t.accum.signed ? 1 : 0,
    AF: fracBits(t.accum),
    AQ: Q_CODE[t.accum.quant],
    AO: O_CODE[t.accum.overflow],
    ANB: t.accum.satBits,
    SW: term.width,
    SF: term.frac,
    ASH: Number(term.accShift),
    PSH: Number(term.termShift),
    BIAS_MODE: biasMode,
    BW: t.bias.width,
    BS: t.bias.signed ? 1 : 0,
    BF: fracBits(t.bias),
    BIAS_COPY: sameType(t.bias, t.accum) ? 1 : 0,
    BSW: biasStep.width,
    BSF: biasStep.frac,
    BASH: Number(biasStep.accShift),
    BBSH: Number(biasStep.termShift),
    RW: t.result.width,
    RS: t.result.signed ? 1 : 0,
    RF: fracBits(t.result),
    RQ: Q_CODE[t.result.quant],
    RO: O_CODE[t.result.overflow],
    RNB: t.result.satBits,
    RES_COPY: sameType(t.accum, t.result) ? 1 : 0,
  };
}
