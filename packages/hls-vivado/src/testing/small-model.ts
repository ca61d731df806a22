import { DEFAULT_BUILD, type ModelIR } from '@sparsepixels/ir';
import { createRng, randomGridValues } from '@sparsepixels/ir/testing';

/**
 * The small model of the golden-file tests (the shape of hls4ml's sparse test): 8x8x1 input,
 * InputReduce N=4 -> SparseConv2D 3x3, 2 filters -> ReLU -> avg pool 2 -> flatten 32 -> Dense 3
 * -> softmax, 8-bit weights.
 */
export function smallSparseModel(): ModelIR {
  const rng = createRng(2024);
  const w = 'ap_fixed<8,3>';
  return {
    format: 'sparsepixels-ir',
    version: 2,
    activity: 'nonzero',
    name: 'small_sparse',
    input: { name: 'x_in', shape: [8, 8, 1], type: 'ap_ufixed<8,1>' },
    layers: [
      { name: 'reduce', op: 'InputReduce', inputs: ['x_in'], attrs: { nMax: 4, threshold: 0.25 } },
      {
        name: 'conv1',
        op: 'SparseConv2D',
        inputs: ['reduce'],
        attrs: { filters: 2, kernelSize: 3 },
        precision: { weight: w, bias: w, accum: 'auto', result: 'auto' },
        weights: {
          kernel: { shape: [3, 3, 1, 2], values: randomGridValues(rng, 18, w, 1) },
          bias: { shape: [2], values: randomGridValues(rng, 2, w, 0.2) },
        },
      },
      {
        name: 'relu1',
        op: 'SparseActivation',
        inputs: ['conv1'],
        attrs: { activation: 'relu' },
        precision: { result: 'ap_ufixed<8,3,AP_RND_CONV,AP_SAT>' },
      },
      { name: 'pool1', op: 'SparsePooling2D', inputs: ['relu1'], attrs: { poolSize: 2, mode: 'avg', reciprocalBits: 10 } },
      { name: 'flat', op: 'SparseFlatten', inputs: ['pool1'] },
      {
        name: 'fc1',
        op: 'Dense',
        inputs: ['flat'],
        attrs: { units: 3 },
        precision: { weight: w, bias: w, accum: 'auto', result: 'ap_fixed<12,5,AP_RND,AP_SAT>' },
        weights: {
          kernel: { shape: [32, 3], values: randomGridValues(rng, 96, w, 1) },
          bias: { shape: [3], values: randomGridValues(rng, 3, w, 0.2) },
        },
      },
      { name: 'out', op: 'Activation', inputs: ['fc1'], attrs: { activation: 'softmax', tableSize: 256 } },
    ],
    outputs: ['out'],
    build: { ...DEFAULT_BUILD }, // written out in model.ir.json
  };
}
