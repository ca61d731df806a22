import { formatType } from '@sparsepixels/core';
import type { Activity, LayerIR, ModelIR } from '@sparsepixels/ir';
import { createRng, randomGridValues, randomType } from '@sparsepixels/ir/testing';

export interface GpoolCase {
  readonly seed: number;
  readonly activity: Activity;
  readonly mode: 'avg' | 'max';
  /** 'reduce': pooling reads InputReduce (all-at-once); 'conv': a conv + activation first. */
  readonly after: 'reduce' | 'conv';
  /** Declared pooling precision (else drawn from the seed, or inferred). */
  readonly precision?: Record<string, string>;
  readonly reciprocalBits?: number;
  /** A Dense head after the pooling (else the pooled vector is the model output). */
  readonly dense?: boolean;
  /** A narrow saturating conv accumulator (stepwise: the conv's output comes all at once). */
  readonly convScatter?: boolean;
}

const ts = formatType;

/** InputReduce [-> SparseConv2D 3x3 -> relu | linear] -> SparseGlobalPooling2D [-> Dense]. */
export function gpoolModel(k: GpoolCase): ModelIR {
  const rng = createRng(1000 + k.seed);
  const [h, w, c] = [rng.int(3, 6), rng.int(3, 6), rng.int(1, 3)];
  const nMax = rng.int(2, 9);
  const input = { name: 'x_in', shape: [h, w, c], type: ts(randomType(rng, 6, 12, { maxInt: 3 })) };
  const layers: LayerIR[] = [{ name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax, threshold: 0 } }];
  let last = 'reduce';
  let ch = c;
  if (k.after === 'conv') {
    const f = rng.int(1, 3);
    const wt = randomType(rng, 6, 10, { signed: true, maxInt: 2 });
    layers.push(
      {
        name: 'conv',
        op: 'SparseConv2D',
        inputs: ['reduce'],
        attrs: { filters: f, kernelSize: 3 },
        precision: {
          weight: ts(wt),
          result: ts(randomType(rng, 6, 14, { maxInt: 5 })),
          ...(k.convScatter ? { accum: 'ap_fixed<7,2,AP_TRN,AP_SAT>' } : {}),
        },
        weights: { kernel: { shape: [3, 3, c, f], values: randomGridValues(rng, 9 * c * f, wt, 1) } },
      },
      { name: 'act', op: 'SparseActivation', inputs: ['conv'], attrs: { activation: rng.next() < 0.5 ? 'relu' : 'linear' } },
    );
    last = 'act';
    ch = f;
  }
  const precision = k.precision ?? (rng.next() < 0.5 ? { result: ts(randomType(rng, 5, 16, { maxInt: 5 })) } : {});
  const recip = k.reciprocalBits !== undefined ? { reciprocalBits: k.reciprocalBits } : {};
  layers.push({ name: 'gpool', op: 'SparseGlobalPooling2D', inputs: [last], attrs: { mode: k.mode, ...recip }, precision });
  if (k.dense) {
    const units = rng.int(1, 3);
    const wt = randomType(rng, 6, 10, { signed: true, maxInt: 2 });
    layers.push({
      name: 'head',
      op: 'Dense',
      inputs: ['gpool'],
      attrs: { units },
      precision: { weight: ts(wt), bias: ts(wt), result: ts(randomType(rng, 10, 18, { maxInt: 8 })) },
      weights: {
        kernel: { shape: [ch, units], values: randomGridValues(rng, ch * units, wt, 1) },
        bias: { shape: [units], values: randomGridValues(rng, units, wt, 1) },
      },
    });
  }
  const name = `gpool_${k.mode}_${k.activity}_${k.after}_${k.seed}`;
  return { format: 'sparsepixels-ir', version: 2, activity: k.activity, name, input, layers, outputs: [layers.at(-1)!.name], build: { project: 'gp' } };
}


/**
 * docs/semantics.md 5.6's example: ap_fixed<8,3>, N = 5, kept pixels (1, -0.5), (0.5, -1), (0, 0),
 * (-0.75, -0.25) of a 2x2 image (threshold -1 keeps all four) and one unused slot. `identity`
 * puts a 1x1 identity conv before the pooling (its output comes progressively: the step core).
 */
export function docsExampleModel(activity: Activity, mode: 'avg' | 'max', identity: boolean): ModelIR {
  const T = 'ap_fixed<8,3>';
  const layers: LayerIR[] = [{ name: 'reduce', op: 'InputReduce', inputs: ['x'], attrs: { nMax: 5, threshold: -1 } }];
  if (identity) {
    layers.push({
      name: 'conv',
      op: 'SparseConv2D',
      inputs: ['reduce'],
      attrs: { filters: 2, kernelSize: 1 },
      precision: { weight: T, result: T },
      weights: { kernel: { shape: [1, 1, 2, 2], values: [1, 0, 0, 1] } },
    });
  }
  layers.push({ name: 'gpool', op: 'SparseGlobalPooling2D', inputs: [identity ? 'conv' : 'reduce'], attrs: { mode } });
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity,
    name: `docs_${mode}_${activity}_${identity ? 'step' : 'tree'}`,
    input: { name: 'x', shape: [2, 2, 2], type: T },
    layers,
    outputs: ['gpool'],
    build: { project: 'gp' },
  };
}

/** The example's event (pixels in raster order, channels last). */
export const DOCS_EXAMPLE_EVENT = [1, -0.5, 0.5, -1, 0, 0, -0.75, -0.25];
