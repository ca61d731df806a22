import { formatType } from '@sparsepixels/core';
import type { Activity, LayerIR, ModelIR } from '@sparsepixels/ir';
import { createRng, randomGridValues, randomInputs, randomType } from '@sparsepixels/ir/testing';
import type { ConformanceCase } from './conformance';

/**
 * Random models ending in SparseGlobalPooling2D + Dense: InputReduce -> SparseConv2D (3x3) ->
 * relu/linear -> global pooling -> Dense, random 8-16 bit types. seed % 3 picks what the pooling
 * declares: 0 = a result type, 1 = a narrow accumulator and a result type, 2 = an explicit
 * reciprocal (else everything is inferred).
 */
export function globalPoolModel(seed: number, activity: Activity, mode: 'avg' | 'max'): ModelIR {
  const rng = createRng(seed);
  const [h, w, c] = [rng.int(3, 8), rng.int(3, 8), rng.int(1, 2)];
  const nMax = rng.int(1, 12);
  const ts = (t: ReturnType<typeof randomType>) => formatType(t);
  const f = rng.int(1, 3);
  const wt = randomType(rng, 8, 12, { signed: true, maxInt: 2 });
  const units = rng.int(1, 4);
  const variant = seed % 3;
  const poolPrecision: Record<string, string> = {};
  if (variant !== 2) poolPrecision['result'] = ts(randomType(rng, 8, 16, { maxInt: 6 }));
  if (mode === 'avg' && variant === 1) poolPrecision['accum'] = ts(randomType(rng, 8, 16, { maxInt: 8 }));
  const explicit = mode === 'avg' && variant === 2 ? { reciprocalBits: rng.int(4, 16) } : {};
  const layers: LayerIR[] = [
    { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax, threshold: 0 } },
    {
      name: 'conv',
      op: 'SparseConv2D',
      inputs: ['reduce'],
      attrs: { filters: f, kernelSize: 3 },
      precision: { weight: ts(wt), result: ts(randomType(rng, 8, 16, { maxInt: 5 })) },
      weights: { kernel: { shape: [3, 3, c, f], values: randomGridValues(rng, 9 * c * f, wt, 1) } },
    },
    {
      name: 'act',
      op: 'SparseActivation',
      inputs: ['conv'],
      attrs: { activation: rng.next() < 0.5 ? 'relu' : 'linear' },
    },
    {
      name: 'gpool',
      op: 'SparseGlobalPooling2D',
      inputs: ['act'],
      attrs: { mode, ...explicit },
      precision: poolPrecision,
    },
    {
      name: 'out',
      op: 'Dense',
      inputs: ['gpool'],
      attrs: { units },
      precision: { weight: ts(wt), bias: ts(wt), result: ts(randomType(rng, 10, 20, { maxInt: 8 })) },
      weights: {
        kernel: { shape: [f, units], values: randomGridValues(rng, f * units, wt, 1) },
        bias: { shape: [units], values: randomGridValues(rng, units, wt, 1) },
      },
    },
  ];
  const input = { name: 'x_in', shape: [h, w, c], type: ts(randomType(rng, 8, 12, { maxInt: 3 })) };
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity,
    name: `gpool_${mode}_${activity}_${seed}`,
    input,
    layers,
    outputs: ['out'],
    build: { project: 'myproject' },
  };
}

/** Both activity rules and both modes for each seed: 4 cases per seed. */
export function globalPoolCases(seeds: readonly number[], events: number): ConformanceCase[] {
  return seeds.flatMap((seed) =>
    (['mask', 'nonzero'] as const).flatMap((activity) =>
      (['avg', 'max'] as const).map((mode) => {
        const model = globalPoolModel(seed, activity, mode);
        return { name: model.name, model, events: randomInputs(model, events, seed) };
      }),
    ),
  );
}
