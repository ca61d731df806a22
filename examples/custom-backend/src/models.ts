import { isLayerOf, type ModelIR } from '@sparsepixels/ir';

/** A small sparse model written by hand: 8x8 image -> 4 slots -> 3x3 conv -> ReLU -> flatten -> dense. */
export function tinySparseModel(): ModelIR {
  return {
    format: 'sparsepixels-ir',
    version: 1,
    name: 'tiny_sparse',
    input: { name: 'x_in', shape: [8, 8, 1], type: 'ap_ufixed<8,1>' },
    layers: [
      { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 4, threshold: 0 } },
      {
        name: 'conv1',
        op: 'SparseConv2D',
        inputs: ['reduce'],
        attrs: { filters: 1, kernelSize: 3 },
        precision: { weight: 'ap_fixed<8,3>', bias: 'ap_fixed<8,3>', accum: 'auto', result: 'auto' },
        weights: {
          kernel: { shape: [3, 3, 1, 1], values: [0.125, 0.25, 0.125, 0.25, 0.5, 0.25, 0.125, 0.25, 0.125] },
          bias: { shape: [1], values: [-0.0625] },
        },
      },
      { name: 'relu1', op: 'SparseActivation', inputs: ['conv1'], attrs: { activation: 'relu' }, precision: { result: 'ap_ufixed<8,2,AP_RND_CONV,AP_SAT>' } },
      { name: 'flat', op: 'SparseFlatten', inputs: ['relu1'] },
      {
        name: 'fc1',
        op: 'Dense',
        inputs: ['flat'],
        attrs: { units: 1 },
        precision: { weight: 'ap_fixed<8,3>', bias: 'ap_fixed<8,3>', accum: 'auto', result: 'auto' },
        weights: { kernel: { shape: [64, 1], values: Array.from({ length: 64 }, (_, i) => ((i % 5) - 2) * 0.25) } },
      },
    ],
    outputs: ['fc1'],
  };
}

/** The same start with a standard Conv2D instead: an op the summary backend does not describe. */
export function tinyStandardModel(): ModelIR {
  const m = tinySparseModel();
  const conv = m.layers.find((l) => isLayerOf(l, 'SparseConv2D'))!;
  const dense = m.layers.find((l) => isLayerOf(l, 'Dense'))!;
  return {
    ...m,
    name: 'tiny_standard',
    layers: [
      { ...conv, op: 'Conv2D', inputs: ['x_in'] },
      { name: 'flat', op: 'Flatten', inputs: ['conv1'] },
      { ...dense, inputs: ['flat'] },
    ],
  };
}
