/**
 * exportIR: a model trained here for a few steps, exported, and run by the bit-exact IR
 * interpreter gives the same class on every test event as the TensorFlow.js forward pass, and the
 * same raw output bits wherever float32 holds the values exactly (8-bit models: all of them).
 */
import { parseType, rawToNumber } from '@sparsepixels/core';
import { createInterpreter, prepareModel } from '@sparsepixels/ir';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputReduce } from '../layers/input-reduce';
import { QActivation } from '../layers/qactivation';
import { QConv2DSparse } from '../layers/qconv2d-sparse';
import { QDense } from '../layers/qdense';
import { QuantizeInput } from '../layers/quantize-input';
import { SparseActivation } from '../layers/sparse-activation';
import { SparseFlatten } from '../layers/sparse-flatten';
import { MaxPooling2DSparse } from '../layers/sparse-pooling2d';
import { quantizedBits } from '../quantizers/quantized-bits';
import { buildCnn, type BuildCnnOptions } from '../models/build-cnn';
import { DIGITS, JET, NEUTRINO, type CnnArchitecture } from '../models/cnn-architectures';
import '../register-layers';
import { randomImages } from '../testing/images.test-util';
import { liveWeights } from '../testing/live-weights.test-util';
import { fit, predictProbs } from '../train/fit';
import { predictedClasses } from '../train/metrics';
import { exportIR } from './export-ir';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function trainedComparison(arch: CnnArchitecture, o: BuildCnnOptions, trainEvents: number, testEvents: number) {
  const model = buildCnn(arch, o);
  liveWeights(model, 17);
  const [h, w] = arch.input;
  await fit(model, randomImages(trainEvents, h, w, Math.max(2, arch.outputUnits), 1), { epochs: 1, batchSize: 64, learningRate: 1e-2, progress: false, earlyStopping: false });
  const test = randomImages(testEvents, h, w, Math.max(2, arch.outputUnits), 2);
  const ir = exportIR(model);
  const it = createInterpreter(ir, { trace: true });
  const fw = it.run(test.x, testEvents);
  const probs = predictProbs(model, test);
  // the pre-activation logits too (a sub-model of the trained layers)
  const logitsModel = tf.model({ inputs: model.inputs, outputs: model.getLayer('logits').output as tf.SymbolicTensor });
  const logits = (logitsModel.predict(tf.tensor(test.x, [testEvents, ...arch.input])) as tf.Tensor).dataSync();
  const tr = it.run(test.x, testEvents).trace!['logits']!;
  const t = parseType(tr.type);
  const fwLogits = Array.from(tr.raw as ArrayLike<number>, (r) => rawToNumber(Number(r), t));
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).filter((v, i) => v === b[i]).length / a.length;
  return {
    ir,
    units: arch.outputUnits,
    decisionsEqual: Array.from(predictedClasses(probs, arch.outputUnits)).every((c, i) => c === predictedClasses(fw.values[0]!, arch.outputUnits)[i]),
    identicalOutputs: same(probs, fw.values[0]!),
    identicalLogits: same(logits, fwLogits),
    /** Distinct logit values: the comparison means something only if the network is not constant. */
    distinctLogits: new Set(logits).size,
  };
}

describe('exportIR + interpreter vs TensorFlow.js', () => {
  it('neutrino sparse-m, 8-bit: equal raw outputs and logits on every event', async () => {
    const r = await trainedComparison(NEUTRINO, { nMax: 16, bits: 8, integer: 2 }, 256, 300);
    expect(r.identicalLogits).toBe(1);
    expect(r.identicalOutputs).toBe(1);
    expect(r.decisionsEqual).toBe(true);
    expect(r.distinctLogits).toBeGreaterThan(50);
  });

  it('neutrino standard CNN, 8-bit: equal raw outputs on every event', async () => {
    const r = await trainedComparison(NEUTRINO, { bits: 8, integer: 2 }, 64, 64);
    expect(r.distinctLogits).toBeGreaterThan(30);
    expect(r.identicalOutputs).toBe(1);
    expect(r.decisionsEqual).toBe(true);
  });

  it('digits (two pools, softmax over 10) and jet (softmax over 5) sparse, 8-bit: equal raw outputs', async () => {
    for (const [arch, integer] of [
      [DIGITS, 0],
      [JET, 4],
    ] as const) {
      const r = await trainedComparison(arch, { nMax: 12, bits: 8, integer }, 128, 200);
      expect(r.distinctLogits).toBeGreaterThan(50);
      expect(r.identicalOutputs).toBe(1);
      expect(r.decisionsEqual).toBe(true);
    }
  });

  it('neutrino sparse-m, 16-bit: identical decisions; reports the fraction of bit-identical outputs', async () => {
    const r = await trainedComparison(NEUTRINO, { nMax: 16, bits: 16, integer: 6 }, 256, 300);
    expect(r.distinctLogits).toBeGreaterThan(50);
    console.log(`16-bit neutrino sparse-m: ${(100 * r.identicalOutputs).toFixed(1)}% of outputs and ${(100 * r.identicalLogits).toFixed(1)}% of logits bit-identical`);
    expect(r.decisionsEqual).toBe(true);
  });

  it('16-bit without pooling quantizers ("auto" pool results, wider than float32): reports the fraction', async () => {
    const r = await trainedComparison(NEUTRINO, { nMax: 16, bits: 16, integer: 6, quantizePools: false }, 256, 300);
    expect(r.distinctLogits).toBeGreaterThan(50);
    console.log(`16-bit neutrino sparse-m, auto pool results: ${(100 * r.identicalOutputs).toFixed(1)}% of outputs and ${(100 * r.identicalLogits).toFixed(1)}% of logits bit-identical`);
    expect(r.decisionsEqual).toBe(true);
  });

  it('max pooling of signed values, a separate SparseActivation, softmax: equal raw outputs', async () => {
    const q = () => quantizedBits(8, 2);
    const input = tf.input({ shape: [12, 12, 1] });
    let t = new QuantizeInput({ type: 'ap_ufixed<8,1>' }).apply(input) as tf.SymbolicTensor;
    let s = new InputReduce({ nMax: 10, threshold: 0.1 }).apply(t) as tf.SymbolicTensor[];
    s = new QConv2DSparse({ filters: 2, kernelSize: 3, kernelQuantizer: q(), biasQuantizer: q(), seed: 1 }).apply(s) as tf.SymbolicTensor[];
    s = new SparseActivation({ activation: quantizedBits(8, 2) }).apply(s) as tf.SymbolicTensor[];
    s = new MaxPooling2DSparse({ poolSize: 3 }).apply(s) as tf.SymbolicTensor[];
    t = new SparseFlatten().apply(s) as tf.SymbolicTensor;
    t = new QDense({ units: 4, kernelQuantizer: q(), biasQuantizer: q(), seed: 2, name: 'logits' }).apply(t) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: new QActivation({ activation: 'softmax' }).apply(t) as tf.SymbolicTensor });
    const test = randomImages(300, 12, 12, 4, 6);
    await fit(model, test, { epochs: 1, batchSize: 50, learningRate: 1e-2, progress: false, earlyStopping: false });
    const fw = createInterpreter(exportIR(model)).run(test.x, 300).values[0]!;
    const probs = predictProbs(model, test);
    expect(new Set(probs).size).toBeGreaterThan(100);
    expect(Array.from(probs)).toEqual(Array.from(fw));
  });

  it('writes weights on their declared grids, quantizer types, auto accumulators', async () => {
    const model = buildCnn(NEUTRINO, { nMax: 8 });
    const ir = exportIR(model);
    expect(ir.input).toEqual({ name: 'x_in', shape: [63, 63, 1], type: 'ap_ufixed<8,1>' });
    expect(ir.layers.map((l) => `${l.name}:${l.op}:${JSON.stringify(l.precision ?? {})}`)).toMatchInlineSnapshot(`
      [
        "reduce:InputReduce:{}",
        "conv1:SparseConv2D:{"weight":"ap_fixed<8,3>","accum":"auto","result":"auto","bias":"ap_fixed<8,3>"}",
        "conv1_act:SparseActivation:{"result":"ap_ufixed<8,2,AP_RND_CONV,AP_SAT>"}",
        "conv2:SparseConv2D:{"weight":"ap_fixed<8,3>","accum":"auto","result":"auto","bias":"ap_fixed<8,3>"}",
        "conv2_act:SparseActivation:{"result":"ap_ufixed<8,2,AP_RND_CONV,AP_SAT>"}",
        "pool1:SparsePooling2D:{"result":"ap_ufixed<16,2,AP_RND_CONV,AP_SAT>","accum":"auto"}",
        "flatten:SparseFlatten:{}",
        "fc1:Dense:{"weight":"ap_fixed<8,3>","accum":"auto","result":"auto","bias":"ap_fixed<8,3>"}",
        "fc1_act:Activation:{"result":"ap_ufixed<8,2,AP_RND_CONV,AP_SAT>"}",
        "logits:Dense:{"weight":"ap_fixed<8,3>","accum":"auto","result":"auto","bias":"ap_fixed<8,3>"}",
        "out:Activation:{"result":"auto","table":"auto"}",
      ]
    `);
    expect(() => prepareModel(ir)).not.toThrow();
  });
});

describe('exportIR errors', () => {
  it('an unsupported layer, named', () => {
    const x = tf.input({ shape: [4] });
    const m = tf.model({ inputs: x, outputs: tf.layers.dense({ units: 2, name: 'plain_dense' }).apply(x) as tf.SymbolicTensor });
    expect(() => exportIR(m, { inputType: 'ap_fixed<8,3>' })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "plain_dense": Dense is not supported by exportIR; supported: InputReduce, QConv2DSparse, SparseActivation, AveragePooling2DSparse, MaxPooling2DSparse, SparseFlatten, GlobalAveragePooling2DSparse, GlobalMaxPooling2DSparse, QDense, QActivation, QConv2D, QAveragePooling2D, Flatten]`);
  });

  it('weights without a quantizer', () => {
    const x = tf.input({ shape: [8, 8, 1] });
    const s = new InputReduce({ nMax: 4, name: 'reduce' }).apply(x);
    const m = tf.model({ inputs: x, outputs: new QConv2DSparse({ filters: 1, kernelSize: 3, name: 'conv1' }).apply(s) as tf.SymbolicTensor[] });
    expect(() => exportIR(m, { inputType: 'ap_ufixed<8,1>' })).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: layer "conv1": kernel has no quantizer; exportIR needs one (e.g. quantizedBits(8, 2)) to give the weights a fixed-point type]`);
  });

  it('no input type', () => {
    const x = tf.input({ shape: [8, 8, 1] });
    const m = tf.model({ inputs: x, outputs: new InputReduce({ nMax: 4 }).apply(x) as tf.SymbolicTensor[] });
    expect(() => exportIR(m)).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: the model has no QuantizeInput layer, so its input type is unknown; add one, or give exportIR the option inputType (e.g. "ap_ufixed<8,1>")]`);
  });
});
