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
 * Layers whose types are all at most 53 bits wide run on numbers (same bits), others on bigints.
 */
import { mulType, rawConverter, rawConverterBig, type DecodedWeightStore } from '@sparsepixels/core';
import { numberSafe, planStep, step, stepNumber, type StepPlan } from '../fixed-step';
import type { MacLayer } from '../ir-adapter';
import { outputUnits } from './term-groups';

/** The arithmetic of one representation of raws (bigint, or number when exact). */
interface Arith<T> {
  readonly zero: T;
  readonly weights: ArrayLike<T>;
  readonly value: ArrayLike<T>;
  readonly bias: ArrayLike<T>;
  from(x: bigint): T;
  toBig(v: T): bigint;
  mul(w: T, x: T): T;
  step(acc: T, term: T, s: StepPlan): T;
  biasToAcc(b: T): T;
  toResult(a: T): T;
}

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
  readonly arith: Arith<bigint> | Arith<number>;
}

export interface EventResult {
  readonly dense: bigint[];
  readonly zeroSkip: bigint[];
  readonly inputSparse: number;
  readonly zeroSkipMacs: number;
}

function bigArith(
  l: MacLayer,
  weights: readonly bigint[],
  value: readonly bigint[],
  bias: readonly bigint[],
): Arith<bigint> {
  const t = l.types;
  return {
    zero: 0n,
    weights,
    value,
    bias,
    from: (x) => x,
    toBig: (v) => v,
    mul: (w, x) => w * x,
    step,
    biasToAcc: rawConverterBig(t.bias, t.accum),
    toResult: rawConverterBig(t.accum, t.result),
  };
}

function numberArith(
  l: MacLayer,
  weights: readonly bigint[],
  value: readonly bigint[],
  bias: readonly bigint[],
): Arith<number> {
  const t = l.types;
  return {
    zero: 0,
    weights: Float64Array.from(weights, Number),
    value: Float64Array.from(value, Number),
    bias: Float64Array.from(bias, Number),
    from: Number,
    toBig: BigInt,
    mul: (w, x) => w * x,
    step: stepNumber,
    biasToAcc: rawConverter(t.bias, t.accum),
    toResult: rawConverter(t.accum, t.result),
  };
}

export function prepareLayerSim(layer: MacLayer, store: DecodedWeightStore): PreparedLayerSim {
  const { types: t, cin, cout, k } = layer;
  const taps = k * k;
  const tapStart = store.metadata.channel_segments.map((s) => {
    const starts = new Int32Array(taps + 1);
    let e = s.offset;
    for (let tap = 0; tap <= taps; tap++) {
      while (e < s.offset + s.length && store.entries.index[e]! < tap * cin) e++;
      starts[tap] = e;
    }
    return starts;
  });
  const bias = store.bias?.raws ?? new Array<bigint>(cout).fill(0n);
  const term = planStep(t.accum, mulType(t.weight, t.input));
  const biasStep = planStep(t.accum, t.bias);
  const widths = [
    t.input.width,
    t.weight.width,
    t.bias.width,
    t.accum.width,
    t.result.width,
    mulType(t.weight, t.input).width,
    term.width,
    biasStep.width,
  ];
  const make = numberSafe(widths) ? numberArith : bigArith;
  return {
    layer,
    weights: store.raws,
    bias,
    tapStart,
    index: store.entries.index,
    value: store.entries.value,
    term,
    biasStep,
    arith: make(layer, store.raws, store.entries.value, bias),
  };
}

function run<T>(
  p: PreparedLayerSim,
  a: Arith<T>,
  xBig: readonly bigint[],
  hash: Int32Array | undefined,
): EventResult {
  const { layer: l, tapStart, index, term, biasStep } = p;
  const { cin, cout } = l;
  const x = xBig.map((v) => a.from(v));
  const units = outputUnits(l, xBig, hash);
  const size = units.length * cout;
  const dense = new Array<bigint>(size).fill(0n);
  const zeroSkip = new Array<bigint>(size).fill(0n);
  let inputSparse = 0;
  let zeroSkipMacs = 0;
  for (const u of units) {
    if (!u.active) continue;
    for (const g of u.groups)
      if (g.x >= 0) for (let c = 0; c < cin; c++) if (xBig[g.x + c] !== 0n) inputSparse += cout;
    for (let o = 0; o < cout; o++) {
      const start = l.biasRule === 'first' ? a.biasToAcc(a.bias[o]!) : a.zero;
      let d = start;
      let z = start;
      const ts = tapStart[o]!;
      for (const g of u.groups) {
        for (let c = 0; c < cin; c++)
          d = a.step(
            d,
            a.mul(a.weights[(g.tap * cin + c) * cout + o]!, g.x < 0 ? a.zero : x[g.x + c]!),
            term,
          );
        if (g.x < 0) continue;
        for (let e = ts[g.tap]!; e < ts[g.tap + 1]!; e++) {
          const xi = g.x + index[e]! - g.tap * cin;
          if (xBig[xi] === 0n) continue;
          z = a.step(z, a.mul(a.value[e]!, x[xi]!), term);
          zeroSkipMacs++;
        }
      }
      if (l.biasRule === 'if-nonzero') {
        if (d !== a.zero) d = a.step(d, a.bias[o]!, biasStep);
        if (z !== a.zero) z = a.step(z, a.bias[o]!, biasStep);
      }
      dense[u.out + o] = a.toBig(a.toResult(d));
      zeroSkip[u.out + o] = a.toBig(a.toResult(z));
    }
  }
  return { dense, zeroSkip, inputSparse, zeroSkipMacs };
}

export function simulateEvent(p: PreparedLayerSim, x: readonly bigint[], hash?: Int32Array): EventResult {
  return typeof p.arith.zero === 'number'
    ? run(p, p.arith as Arith<number>, x, hash)
    : run(p, p.arith as Arith<bigint>, x, hash);
}
