import { apFixed, apUfixed, formatType, OVERFLOW_MODES, QUANT_MODES, type FixedType } from '@sparsepixels/core';
import type { LayerIR, ModelIR, PrecisionIR, WeightTensorIR } from '../model';
import { validateModel } from '../prepare-model';
import { createRng, type Rng } from './prng';
import { randomGridValues } from './random-grid-values';

export interface RandomModelOptions {
  readonly seed: number;
  /** 'sparse' (InputReduce ... SparseFlatten), 'standard' (dense CNN) or either. */
  readonly variant?: 'sparse' | 'standard' | 'any';
  /** Largest input height/width (default 10). */
  readonly maxGrid?: number;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)]!;

/** A small type with random width, integer bits and (sometimes) non-default modes. */
function randomType(rng: Rng, signed: boolean, maxWidth = 10): FixedType {
  const w = rng.int(3, maxWidth);
  const i = rng.int(-1, Math.min(w, 4));
  const modes = rng.next() < 0.5;
  const q = modes ? pick(rng, QUANT_MODES) : 'AP_TRN';
  const o = modes ? pick(rng, OVERFLOW_MODES.filter((m) => signed || m !== 'AP_WRAP_SM')) : 'AP_WRAP';
  return signed ? apFixed(w, i, q, o) : apUfixed(w, i, q, o);
}

/** Result precision: fixed narrow (as QKeras activations are) most of the time, else 'auto'. */
function resultPrecision(rng: Rng): PrecisionIR {
  return rng.next() < 0.75 ? { result: formatType(randomType(rng, rng.next() < 0.5)) } : {};
}

/** Random precisions and on-grid weights of a conv or dense layer. */
function macParams(rng: Rng, kernel: number[], units: number): Pick<LayerIR, 'precision' | 'weights'> {
  const w = randomType(rng, true, 8);
  const b = randomType(rng, true, 8);
  const fixedAccum = rng.next() < 0.2;
  const precision: PrecisionIR = { weight: formatType(w), bias: formatType(b), ...resultPrecision(rng) };
  if (fixedAccum) precision.accum = formatType(randomType(rng, true, 16));
  const n = kernel.reduce((a, c) => a * c, 1);
  const weights: Record<string, WeightTensorIR> = { kernel: { shape: kernel, values: randomGridValues(rng, n, w, 0.5, 0.6) } };
  if (rng.next() < 0.8) weights['bias'] = { shape: [units], values: randomGridValues(rng, units, b, 0.5) };
  return { precision, weights };
}

interface Grid {
  h: number;
  w: number;
  c: number;
}

/** One random conv / activation / pooling stage on an [h, w, c] image; updates the grid. */
function randomStage(rng: Rng, sparse: boolean, g: Grid, prev: string, k: number): LayerIR {
  const kind = rng.int(0, 2);
  const name = `l${k}`;
  if (kind === 0) {
    const ks = pick(rng, [1, 3, 5].filter((v) => v <= Math.min(g.h, g.w)));
    const f = rng.int(1, 3);
    const l: LayerIR = { name, op: sparse ? 'SparseConv2D' : 'Conv2D', inputs: [prev], attrs: { filters: f, kernelSize: ks }, ...macParams(rng, [ks, ks, g.c, f], f) };
    g.c = f;
    return l;
  }
  if (kind === 1) {
    const activation = pick(rng, (['relu', 'relu', 'linear', 'sigmoid', 'softmax'] as const).filter((a) => sparse || a !== 'softmax'));
    return { name, op: sparse ? 'SparseActivation' : 'Activation', inputs: [prev], attrs: { activation }, ...precisionOf(rng) };
  }
  const p = rng.int(1, Math.min(3, g.h, g.w));
  const mode = pick(rng, ['avg', 'max'] as const);
  g.h = Math.floor(g.h / p);
  g.w = Math.floor(g.w / p);
  return sparse
    ? { name, op: 'SparsePooling2D', inputs: [prev], attrs: { poolSize: p, mode }, ...precisionOf(rng) }
    : { name, op: 'AveragePooling2D', inputs: [prev], attrs: { poolSize: p }, ...precisionOf(rng) };
}

function precisionOf(rng: Rng): { precision?: PrecisionIR } {
  const p = resultPrecision(rng);
  return Object.keys(p).length > 0 ? { precision: p } : {};
}

function build(rng: Rng, o: RandomModelOptions, id: number): ModelIR {
  const sparse = o.variant === 'sparse' || (o.variant !== 'standard' && rng.next() < 0.7);
  const g: Grid = { h: rng.int(3, o.maxGrid ?? 10), w: rng.int(3, o.maxGrid ?? 10), c: rng.int(1, 2) };
  const input = { name: 'x_in', shape: [g.h, g.w, g.c], type: formatType(randomType(rng, rng.next() < 0.3)) };
  const layers: LayerIR[] = [];
  let prev = 'x_in';
  if (sparse) {
    layers.push({ name: 'reduce', op: 'InputReduce', inputs: [prev], attrs: { nMax: rng.int(1, Math.max(1, (g.h * g.w) >> 1)), threshold: pick(rng, [0, 0, 0.25, -0.5]) } });
    prev = 'reduce';
  }
  const stages = rng.int(1, 3);
  for (let k = 0; k < stages; k++) {
    layers.push(randomStage(rng, sparse, g, prev, k));
    prev = layers[layers.length - 1]!.name;
  }
  layers.push({ name: 'flat', op: sparse ? 'SparseFlatten' : 'Flatten', inputs: [prev] });
  const units = rng.int(1, 5);
  layers.push({ name: 'fc', op: 'Dense', inputs: ['flat'], attrs: { units }, ...macParams(rng, [g.h * g.w * g.c, units], units) });
  layers.push({ name: 'out', op: 'Activation', inputs: ['fc'], attrs: { activation: pick(rng, ['linear', 'relu', 'sigmoid', 'softmax'] as const) } });
  return { format: 'sparsepixels-ir', version: 1, name: `random_${o.seed}_${id}`, input, layers, outputs: ['out'] };
}

/**
 * A small random valid model over every op (sparse or standard chain, random types including
 * saturating/rounding modes and narrow user-fixed accumulators, random on-grid weights), for
 * conformance tests of backends and interpreters. Deterministic in `seed`; drafts that fail
 * validation (e.g. an exact type wider than 64 bits) are redrawn.
 */
export function randomModel(o: RandomModelOptions): ModelIR {
  const rng = createRng(o.seed);
  for (let attempt = 0; attempt < 100; attempt++) {
    const m = build(rng, o, attempt);
    if (validateModel(m).valid) return m;
  }
  throw new Error(`randomModel: no valid model for seed ${o.seed}`);
}
