import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportIR } from '../export/export-ir';
import { buildCnn } from '../models/build-cnn';
import type { CnnArchitecture } from '../models/cnn-architectures';
import '../register-layers';
import { randomImages } from '../testing/images.test-util';
import { liveWeights } from '../testing/live-weights.test-util';
import { fit } from '../train/fit';
import type { ProgressSink } from '../train/progress';
import { Pruner, pruneModel } from './pruner';
import { pruneTargets } from './prune-targets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The example's tiny CNN: 16x16, 2 filters 3x3, pool 2, dense 8, sigmoid. */
const TINY: CnnArchitecture = {
  name: 'tiny',
  input: [16, 16, 1],
  threshold: 0,
  blocks: [{ conv: { filters: 2, kernelSize: 3 } }, { pool: 2 }],
  hidden: [8],
  outputUnits: 1,
  outputActivation: 'sigmoid',
};

function tinyModel(seed = 3): tf.LayersModel {
  const m = buildCnn(TINY, { nMax: 12, seed });
  liveWeights(m, seed);
  return m;
}

/** Per epoch end: the float kernels of every prunable layer (copied). */
function kernelSnapshots(model: tf.LayersModel): { sink: ProgressSink; snaps: Float32Array[][] } {
  const snaps: Float32Array[][] = [];
  const targets = pruneTargets(model);
  const sink: ProgressSink = {
    startEpoch() {},
    update() {},
    endEpoch: () =>
      void snaps.push(targets.map((t) => (t.variable.read().dataSync() as Float32Array).slice())),
  };
  return { sink, snaps };
}

const zeroSet = (w: Float32Array) => w.reduce<number[]>((a, v, i) => (v === 0 ? [...a, i] : a), []);

describe('pruning in training', () => {
  it('polynomial schedule: exact sparsity at the end epoch, masks fixed afterwards, the rest keeps training', async () => {
    const model = tinyModel();
    const { sink, snaps } = kernelSnapshots(model);
    const pruner = new Pruner(
      model,
      { sparsity: 0.7, schedule: { kind: 'polynomial', beginEpoch: 1, endEpoch: 3 } },
      6,
    );
    const maskHistory: Map<string, Uint8Array>[] = [];
    const endEpoch = sink.endEpoch.bind(sink);
    sink.endEpoch = (line) => {
      endEpoch(line);
      maskHistory.push(pruner.masks());
    };
    const h = await fit(model, randomImages(96, 16, 16, 2, 1), {
      epochs: 6,
      batchSize: 16,
      learningRate: 1e-2,
      progress: sink,
      earlyStopping: false,
      prune: pruner,
    });
    for (const later of maskHistory.slice(3)) expect(later).toEqual(maskHistory[2]);
    expect(maskHistory[1]).not.toEqual(maskHistory[2]);
    const r = pruner.report();
    expect(r.count).toBe(3 * 3 * 1 * 2 + 8 * 8 * 2 * 8 + 8); // conv1, fc1, logits kernels
    expect(r.masked).toBe(Math.round(0.7 * r.count));
    expect(r.zeros).toBeGreaterThanOrEqual(r.masked);
    // the schedule's values, as mask fractions (rounded counts): 0, 0.7(1-1/8), 0.7, 0.7 ...
    const fractions = h.epochs.map((e) => e.sparsity!);
    expect(fractions.map((f) => Math.round(f * r.count))).toEqual([
      0,
      Math.round(0.6125 * r.count),
      ...Array(4).fill(r.masked),
    ]);
    // from the final update on, the pruned set is the same every epoch and the values exactly 0
    const masks = pruner.masks();
    for (const epochSnap of snaps.slice(2)) {
      epochSnap.forEach((w, t) => {
        const m = [...masks.values()][t]!;
        expect(zeroSet(w).filter((i) => m[i] === 0)).toEqual(Array.from(m.keys()).filter((i) => m[i] === 0));
      });
    }
    // unpruned weights still move during fine-tuning
    const moved = snaps[5]!.some((w, t) => w.some((v, i) => v !== snaps[2]![t]![i]));
    expect(moved).toBe(true);
    expect(h.prune?.masked).toBe(r.masked);
    pruner.dispose();
  });

  it('the exported IR holds exact zeros at every pruned weight (quantized grid, raw 0)', async () => {
    const model = tinyModel(5);
    const h = await fit(model, randomImages(64, 16, 16, 2, 2), {
      epochs: 3,
      batchSize: 16,
      learningRate: 1e-2,
      progress: false,
      earlyStopping: false,
      prune: { sparsity: 0.5, schedule: { kind: 'one-shot', epoch: 2 } },
    });
    const ir = exportIR(model);
    const kernels = ir.layers
      .filter((l) => l.weights?.['kernel'])
      .map((l) => l.weights!['kernel']!.values as number[]);
    const zeros = kernels.reduce((a, v) => a + v.filter((x) => x === 0).length, 0);
    const total = kernels.reduce((a, v) => a + v.length, 0);
    expect(zeros).toBe(h.prune!.zeros);
    expect(zeros).toBeGreaterThanOrEqual(Math.round(0.5 * total));
    expect(h.prune!.masked).toBe(Math.round(0.5 * total));
    // biases are not pruned by default
    expect(h.prune!.tensors.every((t) => t.weight === 'kernel')).toBe(true);
  });

  it('ranks on the quantized weights: weights that quantize to 0 go first, then the float magnitude', () => {
    const model = tinyModel(7);
    const t = pruneTargets(model, { layers: ['conv1'] })[0]!;
    // 18 conv weights: values k/64 for k = 0..17 (quantizedBits(8, 2): grid 1/32), signs alternating
    const vals = Float32Array.from({ length: 18 }, (_, k) => ((k % 2 ? -1 : 1) * k) / 64);
    t.variable.write(tf.tensor(vals, t.variable.shape as number[]));
    const p = pruneModel(model, { sparsity: 0.25, layers: ['conv1'], scope: 'layer' });
    // round(4.5) = 5 pruned: quantized 0 for k = 0, 1 (|k/64| rounds to 0 for k <= 1), then 1/32 for k = 2, 3 (k = 2 first), then k = 4
    expect(
      Array.from(p.masks().get('conv1/kernel')!)
        .map((m, k) => (m ? -1 : k))
        .filter((k) => k >= 0),
    ).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(t.variable.read().dataSync()).slice(0, 6)).toEqual([0, 0, 0, 0, 0, -5 / 64]);
    p.dispose();
  });

  it('one-shot pruneModel, then fine-tuning with its fixed masks; gradients of pruned weights are masked', async () => {
    const model = tinyModel(9);
    const p = pruneModel(model, { sparsity: 0.6, biases: true });
    const before = p.masks();
    await fit(model, randomImages(64, 16, 16, 2, 4), {
      epochs: 2,
      batchSize: 16,
      learningRate: 5e-2,
      progress: false,
      earlyStopping: false,
      prune: p,
    });
    expect(p.masks()).toEqual(before);
    for (const t of pruneTargets(model, { biases: true })) {
      const m = before.get(`${t.layer}/${t.weight}`)!;
      const w = t.variable.read().dataSync();
      m.forEach((keep, i) => keep === 0 && expect(w[i]).toBe(0));
    }
    expect(p.report().tensors.some((t) => t.weight === 'bias')).toBe(true);
    const grad = tf.ones(pruneTargets(model)[0]!.variable.shape as number[]);
    const masked = p.maskGradient(pruneTargets(model)[0]!.variable.name, grad).dataSync();
    const m = before.get('conv1/kernel')!;
    expect(Array.from(masked)).toEqual(Array.from(m));
    p.dispose();
  });

  it('early stopping only considers epochs trained with the final masks', async () => {
    const model = tinyModel(11);
    // learning rate 0: the loss is flat, so without pruning epoch 1 would be the best and stop at 3
    const h = await fit(model, randomImages(32, 16, 16, 2, 6), {
      epochs: 8,
      learningRate: 0,
      progress: false,
      earlyStopping: { patience: 2 },
      prune: { sparsity: 0.5, schedule: { kind: 'one-shot', epoch: 4 } },
    });
    expect(h.bestEpoch).toBeGreaterThanOrEqual(4);
    expect(h.epochs.length).toBe(6); // best 4, two epochs without improvement
  });

  it('refuses unknown layers and a model without prunable weights, in one line', () => {
    const model = tinyModel();
    expect(() => new Pruner(model, { sparsity: 0.5, layers: ['conv2'] })).toThrow(
      'prune layers: layer "conv2" has no prunable weights; prunable: conv1, fc1, logits',
    );
    const plain = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    expect(() => new Pruner(plain, { sparsity: 0.5 })).toThrow(
      'has no prunable weights (QConv2DSparse, QConv2D, QDense kernels)',
    );
  });
});
