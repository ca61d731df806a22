import type { LayerIR, ModelIR } from '../model';
import type { LayerOfType } from '../ops/builtin';

/**
 * A 4x4x1 sparse model small enough to compute by hand: InputReduce(3) -> SparseConv2D 3x3 (1 filter)
 * -> ReLU -> avg pool 2 -> SparseFlatten (4) -> Dense(2) -> linear. Weights are k/4 values.
 */
export function tinySparseModel(): ModelIR {
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity: 'nonzero',
    name: 'tiny_sparse',
    input: { name: 'x_in', shape: [4, 4, 1], type: 'ap_ufixed<4,2>' },
    layers: [
      { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 3, threshold: 0 } },
      {
        name: 'conv',
        op: 'SparseConv2D',
        inputs: ['reduce'],
        attrs: { filters: 1, kernelSize: 3 },
        precision: { weight: 'ap_fixed<4,2>', bias: 'ap_fixed<4,2>', accum: 'auto', result: 'auto' },
        weights: {
          // taps (kh, kw) row-major: centre 1, right neighbour 0.5, lower neighbour -0.25, others 0
          kernel: { shape: [3, 3, 1, 1], values: [0, 0, 0, 0, 1, 0.5, 0, -0.25, 0] },
          bias: { shape: [1], values: [0.25] },
        },
      },
      { name: 'relu', op: 'SparseActivation', inputs: ['conv'], attrs: { activation: 'relu' }, precision: { result: 'ap_ufixed<6,3,AP_RND_CONV,AP_SAT>' } },
      { name: 'pool', op: 'SparsePooling2D', inputs: ['relu'], attrs: { poolSize: 2, mode: 'avg' } },
      { name: 'flat', op: 'SparseFlatten', inputs: ['pool'] },
      {
        name: 'fc',
        op: 'Dense',
        inputs: ['flat'],
        attrs: { units: 2 },
        precision: { weight: 'ap_fixed<4,2>', bias: 'ap_fixed<4,2>' },
        weights: {
          kernel: { shape: [4, 2], values: [1, 0, 0, 1, 0.5, -1, 0, 0.25] },
          bias: { shape: [2], values: [0, -0.5] },
        },
      },
      { name: 'out', op: 'Activation', inputs: ['fc'], attrs: { activation: 'linear' } },
    ],
    outputs: ['out'],
  };
}

/** The standard counterpart of tinySparseModel: Conv2D -> ReLU -> AveragePooling2D -> Flatten -> Dense -> linear. */
export function tinyStandardModel(): ModelIR {
  const [, conv, relu, , , fc, out] = tinySparseModel().layers as [
    LayerIR,
    LayerOfType<'SparseConv2D'>,
    LayerOfType<'SparseActivation'>,
    LayerIR,
    LayerIR,
    LayerIR,
    LayerIR,
  ];
  return {
    ...tinySparseModel(),
    name: 'tiny_standard',
    layers: [
      { ...conv, op: 'Conv2D', inputs: ['x_in'] },
      { ...relu, op: 'Activation' },
      { name: 'pool', op: 'AveragePooling2D', inputs: ['relu'], attrs: { poolSize: 2 } },
      { name: 'flat', op: 'Flatten', inputs: ['pool'] },
      fc,
      out,
    ],
  };
}

/**
 * A one-layer model for hand-computed type and overflow tests: input `x` of `shape` and `type` ->
 * Dense `fc` with the given precision, kernel ([inputs, units] row-major) and optional bias.
 */
export function denseOnlyModel(o: {
  name: string;
  shape: number[];
  type: string;
  units: number;
  precision: Record<string, string>;
  kernel: number[];
  bias?: number[];
}): ModelIR {
  const inputs = o.shape.reduce((a, b) => a * b, 1);
  return {
    format: 'sparsepixels-ir',
    version: 2,
    name: o.name,
    input: { name: 'x', shape: o.shape, type: o.type },
    layers: [
      {
        name: 'fc',
        op: 'Dense',
        inputs: ['x'],
        attrs: { units: o.units },
        precision: o.precision,
        weights: {
          kernel: { shape: [inputs, o.units], values: o.kernel },
          ...(o.bias ? { bias: { shape: [o.units], values: o.bias } } : {}),
        },
      },
    ],
    outputs: ['fc'],
  };
}
