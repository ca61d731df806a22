import { apFixed, apUfixed, formatType, type FixedType, type QuantMode, type OverflowMode } from '@sparsepixels/core';
import type { PrecisionIR } from '../document-parts';
import type { LayerIR, ModelIR } from '../model';
import type { LayerOfType } from '../ops/builtin';
import { createRng, type Rng } from './prng';
import { randomGridValues } from './random-grid-values';

const QUANT: readonly QuantMode[] = ['AP_TRN', 'AP_RND', 'AP_RND_CONV'];
const OVERFLOW: readonly OverflowMode[] = ['AP_WRAP', 'AP_SAT'];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)]!;

/** A random fixed type of `minW..maxW` bits, signed or not, with random Q (TRN/RND/RND_CONV) and O (WRAP/SAT). */
export function randomType(rng: Rng, minW = 8, maxW = 24, o: { signed?: boolean; maxInt?: number } = {}): FixedType {
  const w = rng.int(minW, maxW);
  const signed = o.signed ?? rng.next() < 0.6;
  const i = rng.int(signed ? 1 : 0, Math.min(w, o.maxInt ?? 6));
  const q = pick(rng, QUANT);
  const ov = pick(rng, OVERFLOW);
  return signed ? apFixed(w, i, q, ov) : apUfixed(w, i, q, ov);
}

const ts = (t: FixedType): string => formatType(t);

/** 'auto' or a random (often narrow, so it wraps or saturates) user-fixed type. */
function autoOr(rng: Rng, p: number, minW: number, maxW: number): string {
  return rng.next() < p ? 'auto' : ts(randomType(rng, minW, maxW, { maxInt: 10 }));
}

/** Random precisions and on-grid weights of a conv or dense layer. */
function mac(rng: Rng, kernel: number[], units: number): Pick<LayerIR, 'precision' | 'weights'> {
  const wt = randomType(rng, 8, 16, { signed: true, maxInt: 3 });
  const bt = randomType(rng, 8, 16, { signed: true, maxInt: 4 });
  const n = kernel.reduce((a, b) => a * b, 1);
  return {
    precision: { weight: ts(wt), bias: ts(bt), accum: autoOr(rng, 0.5, 10, 32), result: ts(randomType(rng, 8, 24)) },
    weights: {
      kernel: { shape: kernel, values: randomGridValues(rng, n, wt, 1) },
      ...(rng.next() < 0.8 ? { bias: { shape: [units], values: randomGridValues(rng, units, bt, 1) } } : {}),
    },
  };
}

function head(rng: Rng, layers: LayerIR[], input: string, nIn: number): void {
  const units = rng.int(1, 6);
  layers.push({ name: 'fc1', op: 'Dense', inputs: [input], attrs: { units }, ...mac(rng, [nIn, units], units) });
  const act = pick(rng, ['relu', 'linear', 'sigmoid', 'softmax'] as const);
  const precision: PrecisionIR = { result: ts(randomType(rng, 8, 24)) };
  if (act === 'sigmoid' && rng.next() < 0.5) precision.table = ts(randomType(rng, 8, 18, { signed: false, maxInt: 1 }));
  layers.push({ name: 'out', op: 'Activation', inputs: ['fc1'], attrs: activationAttrs(rng, act), precision });
}

/** The activation's attributes, with a random table size for the table-based ones. */
function activationAttrs(rng: Rng, activation: 'relu' | 'linear' | 'sigmoid' | 'softmax'): LayerOfType<'Activation'>['attrs'] {
  return activation === 'sigmoid' || activation === 'softmax' ? { activation, tableSize: pick(rng, [64, 256, 1024]) } : { activation };
}

function model(name: string, input: ModelIR['input'], layers: LayerIR[]): ModelIR {
  return { format: 'sparsepixels-ir', version: 1, name, input, layers, outputs: ['out'], build: { project: 'myproject' } };
}

/**
 * A random sparse model exercising every sparse op: InputReduce -> SparseConv2D -> SparseActivation
 * -> SparsePooling2D -> (SparseConv2D -> SparseActivation) -> SparseFlatten -> Dense -> Activation,
 * with random 8-24 bit precisions (signed/unsigned, TRN/RND/RND_CONV, WRAP/SAT), user-fixed narrow
 * accumulators half of the time, and random weights on their grids.
 */
export function randomSparseModel(seed: number): ModelIR {
  const rng = createRng(seed);
  const [h, w, c] = [rng.int(4, 10), rng.int(4, 10), rng.int(1, 2)];
  const inputType = randomType(rng, 8, 24);
  const nMax = rng.int(1, 8);
  const layers: LayerIR[] = [
    { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax, threshold: pick(rng, [0, 0.25, -0.5, 0.3]) } },
  ];
  let prev = 'reduce';
  let [gh, gw, ch] = [h, w, c];
  const conv = (k: number): void => {
    const f = rng.int(1, 3);
    const kk = Math.min(k, gh % 2 ? gh : gh - 1, gw % 2 ? gw : gw - 1);
    const convName = `conv${k}_${layers.length}`;
    layers.push({ name: convName, op: 'SparseConv2D', inputs: [prev], attrs: { filters: f, kernelSize: kk }, ...mac(rng, [kk, kk, ch, f], f) });
    const act = pick(rng, ['relu', 'relu', 'linear', 'sigmoid', 'softmax'] as const);
    const name = `act${layers.length}`;
    layers.push({ name, op: 'SparseActivation', inputs: [convName], attrs: activationAttrs(rng, act), precision: { result: autoOr(rng, 0.3, 8, 24) } });
    prev = name;
    ch = f;
  };
  conv(pick(rng, [1, 3, 5]));
  const p = rng.int(1, Math.min(3, gh, gw));
  const mode = pick(rng, ['avg', 'max'] as const);
  const poolPrecision = mode === 'avg' ? { accum: autoOr(rng, 0.6, 10, 28), result: autoOr(rng, 0.3, 8, 24) } : { result: autoOr(rng, 0.5, 8, 24) };
  layers.push({ name: 'pool', op: 'SparsePooling2D', inputs: [prev], attrs: { poolSize: p, mode }, precision: poolPrecision });
  prev = 'pool';
  [gh, gw] = [Math.floor(gh / p), Math.floor(gw / p)];
  if (gh >= 1 && gw >= 1 && rng.next() < 0.5) conv(pick(rng, [1, 3]));
  layers.push({ name: 'flat', op: 'SparseFlatten', inputs: [prev] });
  head(rng, layers, 'flat', gh * gw * ch);
  return model(`random_sparse_${seed}`, { name: 'x_in', shape: [h, w, c], type: ts(inputType) }, layers);
}

/** A random standard (dense) model: Conv2D -> Activation -> AveragePooling2D -> Flatten -> Dense -> Activation. */
export function randomStandardModel(seed: number): ModelIR {
  const rng = createRng(seed);
  const [h, w, c] = [rng.int(3, 7), rng.int(3, 7), rng.int(1, 2)];
  const f = rng.int(1, 3);
  const k = Math.min(pick(rng, [1, 3]), h % 2 ? h : h - 1, w % 2 ? w : w - 1);
  const p = rng.int(1, Math.min(3, h, w));
  const layers: LayerIR[] = [
    { name: 'conv', op: 'Conv2D', inputs: ['x_in'], attrs: { filters: f, kernelSize: k }, ...mac(rng, [k, k, c, f], f) },
    { name: 'relu', op: 'Activation', inputs: ['conv'], attrs: { activation: 'relu' }, precision: { result: autoOr(rng, 0.3, 8, 24) } },
    { name: 'pool', op: 'AveragePooling2D', inputs: ['relu'], attrs: { poolSize: p }, precision: { accum: autoOr(rng, 0.6, 10, 28), result: autoOr(rng, 0.3, 8, 24) } },
    { name: 'flat', op: 'Flatten', inputs: ['pool'] },
  ];
  head(rng, layers, 'flat', Math.floor(h / p) * Math.floor(w / p) * f);
  return model(`random_standard_${seed}`, { name: 'x_in', shape: [h, w, c], type: ts(randomType(rng, 8, 24)) }, layers);
}
