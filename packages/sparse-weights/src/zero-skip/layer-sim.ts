/**
 * One MAC layer, one event, computed twice from the compressed store, each step the normative
 * `acc += w * x` (fixed-step.ts):
 *
 * - dense: every term of the normative order, zero weights and zero inputs included;
 * - zero-skip: only the stored (index, value) entries of each output channel, and of those only the
 *   ones whose input is non-zero, in the same order.
 *
 * Adding an exact zero product leaves the accumulator unchanged (docs/semantics.md#accumulate), so
 * both give the same bits; the caller also compares them with the interpreter's output. MACs are
 * counted on the way: input-sparse = terms with a non-zero input (every weight), zero-skip = terms
 * with a non-zero input and a non-zero weight (the MACs the zero-skip engine performs).
 */
import { mulType, rawConverterBig, type DecodedWeightStore } from '@sparsepixels/core';
import { planStep, step, type StepPlan } from '../fixed-step';
import type { MacLayer } from '../ir-adapter';
import { outputUnits } from './term-groups';

export interface PreparedLayerSim {
  readonly layer: MacLayer;
  readonly weights: readonly bigint[];
  readonly bias: readonly bigint[];
  /** Per channel o, per tap t: entries [tapStart[o][t], tapStart[o][t+1]) hold indices of tap t. */
  readonly tapStart: readonly Int32Array[];
  readonly index: readonly number[];
  readonly value: readonly bigint[];
  readonly term: StepPlan;
  readonly biasStep: StepPlan;
  readonly biasToAcc: (raw: bigint) => bigint;
  readonly toResult: (raw: bigint) => bigint;
}

export interface EventResult {
  readonly dense: bigint[];
  readonly zeroSkip: bigint[];
  readonly inputSparse: number;
  readonly zeroSkipMacs: number;
}

export function prepareLayerSim(layer: MacLayer, store: DecodedWeightStore): PreparedLayerSim {
  const { types: t, cin, cout, k } = layer;
  const taps = k * k;
  const segments = store.metadata.channel_segments;
  const tapStart = segments.map((s) => {
    const starts = new Int32Array(taps + 1);
    let e = s.offset;
    for (let tap = 0; tap <= taps; tap++) {
      while (e < s.offset + s.length && store.entries.index[e]! < tap * cin) e++;
      starts[tap] = e;
    }
    return starts;
  });
  return {
    layer,
    weights: store.raws,
    bias: store.bias?.raws ?? new Array<bigint>(cout).fill(0n),
    tapStart,
    index: store.entries.index,
    value: store.entries.value,
    term: planStep(t.accum, mulType(t.weight, t.input)),
    biasStep: planStep(t.accum, t.bias),
    biasToAcc: rawConverterBig(t.bias, t.accum),
    toResult: rawConverterBig(t.accum, t.result),
  };
}

export function simulateEvent(p: PreparedLayerSim, x: readonly bigint[], hash?: Int32Array): EventResult {
  const { layer: l, weights, bias, tapStart, index, value, term, biasStep } = p;
  const { cin, cout } = l;
  const units = outputUnits(l, x, hash);
  const size = units.length * cout;
  const dense = new Array<bigint>(size).fill(0n);
  const zeroSkip = new Array<bigint>(size).fill(0n);
  let inputSparse = 0;
  let zeroSkipMacs = 0;
  for (const u of units) {
    if (!u.active) continue;
    for (const g of u.groups)
      if (g.x >= 0) for (let c = 0; c < cin; c++) if (x[g.x + c] !== 0n) inputSparse += cout;
    for (let o = 0; o < cout; o++) {
      const start = l.biasRule === 'first' ? p.biasToAcc(bias[o]!) : 0n;
      let a = start;
      let z = start;
      const ts = tapStart[o]!;
      for (const g of u.groups) {
        for (let c = 0; c < cin; c++) {
          const xv = g.x < 0 ? 0n : x[g.x + c]!;
          a = step(a, weights[(g.tap * cin + c) * cout + o]! * xv, term);
        }
        if (g.x < 0) continue;
        for (let e = ts[g.tap]!; e < ts[g.tap + 1]!; e++) {
          const xv = x[g.x + index[e]! - g.tap * cin]!;
          if (xv === 0n) continue;
          z = step(z, value[e]! * xv, term);
          zeroSkipMacs++;
        }
      }
      if (l.biasRule === 'if-nonzero') {
        if (a !== 0n) a = step(a, bias[o]!, biasStep);
        if (z !== 0n) z = step(z, bias[o]!, biasStep);
      }
      dense[u.out + o] = p.toResult(a);
      zeroSkip[u.out + o] = p.toResult(z);
    }
  }
  return { dense, zeroSkip, inputSparse, zeroSkipMacs };
}
