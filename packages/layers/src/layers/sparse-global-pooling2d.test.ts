/**
 * The global pooling layers: gradients against finite differences, the values of a small event,
 * and a model trained here, exported and run by the bit-exact interpreter: same outputs as the
 * TensorFlow.js forward pass (bit for bit where float32 holds the values, within a stated
 * tolerance where it cannot).
 */
import { createInterpreter, prepareModel } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportIR } from '../export/export-ir';
import { quantizedBits } from '../quantizers/quantized-bits';
import '../register-layers';
import { checkGradients } from '../testing/gradient-check.test-util';
import { randomImages } from '../testing/images.test-util';
import { randomSparseBatch } from '../testing/sparse-events.test-util';
import { fit, predictProbs } from '../train/fit';
import { InputReduce } from './input-reduce';
import { QActivation } from './qactivation';
import { QConv2DSparse } from './qconv2d-sparse';
import { QDense } from './qdense';
import { QuantizeInput } from './quantize-input';
import { SparseActivation } from './sparse-activation';
import { GlobalAveragePooling2DSparse, GlobalMaxPooling2DSparse } from './sparse-global-pooling2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const grid: [number, number] = [8, 8];

describe('GlobalAveragePooling2DSparse and GlobalMaxPooling2DSparse', () => {
  it('average over the valid slots (hash != 0) times r_k, and the maximum; 0 for an event without valid slots', () => {
    // event 0: slots (1,1) = [1, -2], (2,3) = [0.5, -1], invalid; event 1: nothing valid.
    const x = tf.tensor3d([1, -2, 0.5, -1, 9, 9, 0, 0, 0, 0, 0, 0], [2, 3, 2]);
    const hash = tf.tensor3d([1, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0], [2, 3, 2], 'int32');
    const avg = new GlobalAveragePooling2DSparse({ grid }).apply([x, hash]) as tf.Tensor;
    expect(Array.from(avg.dataSync())).toEqual([0.75, -1.5, 0, 0]);
    const avg2 = new GlobalAveragePooling2DSparse({ grid, reciprocalBits: 1 }).apply([x, hash]) as tf.Tensor; // r_2 = 0.5
    expect(Array.from(avg2.dataSync())).toEqual([0.75, -1.5, 0, 0]);
    const max = new GlobalMaxPooling2DSparse({ grid }).apply([x, hash]) as tf.Tensor;
    expect(Array.from(max.dataSync())).toEqual([1, -1, 0, 0]);
  });

  it('gradients against finite differences (quantizers off)', () => {
    for (const [i, Layer] of [GlobalAveragePooling2DSparse, GlobalMaxPooling2DSparse].entries()) {
      const s = randomSparseBatch({ batch: 3, nMax: 9, c: 2, h: 8, w: 8, active: 7, seed: 40 + i });
      const feat = s.feat.map((v, k) => (v === 0 ? 0 : v + k * 1e-3)); // no ties for max
      const x = tf.variable(tf.tensor3d(feat, [3, 9, 2]), true, `gx${i}`);
      const hash = tf.tensor3d(s.hash, [3, 9, 2], 'int32');
      const layer = new Layer({ grid });
      const r = checkGradients(() => layer.apply([x, hash]) as tf.Tensor, [x], { h: 1e-4, skipZeros: [x] });
      expect(r.checked).toBeGreaterThan(20);
      expect(r.maxError).toBeLessThan(2e-3 * r.scale);
    }
  });

  it('checks its attributes like IR validation, and refuses reciprocalBits on max', () => {
    expect(() => new GlobalAveragePooling2DSparse({ name: 'g', reciprocalBits: 40 })).toThrow('layer "g": reciprocalBits 40 is out of range');
    expect(() => new GlobalMaxPooling2DSparse({ name: 'g', reciprocalBits: 4 })).toThrow('reciprocalBits applies to the average only');
  });

  it.each([
    ['avg', 'exact 1/k', () => new GlobalAveragePooling2DSparse({ quantizer: quantizedBits(10, 3) })],
    ['avg', 'F = 12', () => new GlobalAveragePooling2DSparse({ reciprocalBits: 12, quantizer: quantizedBits(10, 3) })],
    ['max', '', () => new GlobalMaxPooling2DSparse()],
  ] as const)('trained %s (%s), exported: the interpreter gives the tfjs outputs', async (mode, _f, pool) => {
    const q = () => quantizedBits(8, 2);
    const input = tf.input({ shape: [10, 10, 1] });
    let t = new QuantizeInput({ type: 'ap_ufixed<8,1>' }).apply(input) as tf.SymbolicTensor;
    let s = new InputReduce({ nMax: 12, threshold: 0.1 }).apply(t) as tf.SymbolicTensor[];
    s = new QConv2DSparse({ filters: 3, kernelSize: 3, kernelQuantizer: q(), biasQuantizer: q(), seed: 1 }).apply(s) as tf.SymbolicTensor[];
    s = new SparseActivation({ activation: quantizedBits(8, 2) }).apply(s) as tf.SymbolicTensor[];
    t = pool().apply(s) as tf.SymbolicTensor;
    t = new QDense({ units: 3, kernelQuantizer: q(), biasQuantizer: q(), seed: 2 }).apply(t) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: new QActivation({ activation: 'softmax' }).apply(t) as tf.SymbolicTensor });
    const data = randomImages(200, 10, 10, 3, 7);
    await fit(model, data, { epochs: 1, batchSize: 50, learningRate: 1e-2, progress: false, earlyStopping: false });
    const ir = exportIR(model);
    expect(prepareModel(ir).model.layers.find((l) => l.op === 'SparseGlobalPooling2D')!.attrs).toMatchObject({ mode });
    const fw = createInterpreter(ir).run(data.x, 200).values[0]!;
    const probs = predictProbs(model, data);
    expect(new Set(probs).size).toBeGreaterThan(50);
    if (_f === 'exact 1/k') {
      // Float tolerance: training divides by k exactly in float32, the firmware multiplies by r_k
      // with the inferred F (error < half an LSB of the 10-bit result), so a quantized mean can
      // land one LSB apart and move a softmax output by a few of its 2^-16 steps.
      const diff = Array.from(probs).map((p, i) => Math.abs(p - fw[i]!));
      expect(Math.max(...diff)).toBeLessThan(0.02);
      expect(diff.filter((d) => d === 0).length / diff.length).toBeGreaterThan(0.9);
    } else {
      expect(Array.from(probs)).toEqual(Array.from(fw)); // 8-10 bit values: float32 holds them exactly
    }
  });
});
