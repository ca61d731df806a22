import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCnn } from '../models/build-cnn';
import { NEUTRINO } from '../models/cnn-architectures';
import '../register-layers';
import { randomImages } from '../testing/images.test-util';
import { liveWeights } from '../testing/live-weights.test-util';
import { evaluate } from './evaluate';
import { fit, predictProbs } from './fit';
import type { BatchStats, ProgressSink } from './progress';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function recordingSink(): ProgressSink & { updates: BatchStats[]; lines: string[] } {
  const updates: BatchStats[] = [];
  const lines: string[] = [];
  return { updates, lines, startEpoch: () => {}, update: (_n, s) => void updates.push(s), endEpoch: (l) => void lines.push(l) };
}

describe('fit', () => {
  it('trains: the loss goes down on learnable data; progress reports events/s, loss and accuracy', async () => {
    const model = buildCnn(NEUTRINO, { nMax: 16, seed: 5 });
    const data = randomImages(256, 63, 63, 2, 9);
    const sink = recordingSink();
    const h = await fit(model, data, { epochs: 4, batchSize: 32, learningRate: 1e-2, progress: sink, earlyStopping: false, validation: randomImages(128, 63, 63, 2, 10) });
    expect(h.epochs.length).toBe(4);
    expect(h.epochs[3]!.loss).toBeLessThan(h.epochs[0]!.loss);
    expect(sink.updates.length).toBe(4 * 8);
    expect(sink.updates.every((u) => u.eventsPerSecond > 0 && u.loss > 0 && u.metric >= 0 && u.metric <= 1)).toBe(true);
    expect(sink.lines[0]).toMatch(/^epoch 1\/4: \d+ ev\/s \| loss \d\.\d{4} acc \d\.\d{3} \| val loss \d\.\d{4} acc \d\.\d{3} auc \d\.\d{3}$/);
  });

  it('early stopping: stops after `patience` epochs without improvement and keeps the best epoch', async () => {
    const model = buildCnn(NEUTRINO, { nMax: 8 });
    const data = randomImages(64, 63, 63, 2, 3);
    // learning rate 0: epoch 1 sets the best loss, nothing improves afterwards
    const h = await fit(model, data, { epochs: 10, learningRate: 0, progress: false, earlyStopping: { patience: 2 } });
    expect(h.epochs.length).toBe(3);
    expect(h.stoppedEarly).toBe(true);
    expect(h.bestEpoch).toBe(1);
  });
});

describe('evaluate', () => {
  it('reports the firmware metric (interpreter) next to the float one; 8-bit: identical', async () => {
    const model = buildCnn(NEUTRINO, { nMax: 16 });
    liveWeights(model, 3);
    await fit(model, randomImages(128, 63, 63, 2, 4), { epochs: 1, batchSize: 32, learningRate: 1e-2, progress: false, earlyStopping: false });
    const e = evaluate(model, randomImages(200, 63, 63, 2, 5));
    expect(new Set(predictProbs(model, randomImages(200, 63, 63, 2, 5))).size).toBeGreaterThan(30);
    expect(e.identicalOutputs).toBe(1);
    expect(e.decisionAgreement).toBe(1);
    expect(e.firmware).toEqual(e.float);
    expect(e.firmware.auc).toBeGreaterThan(0);
    expect(e.overflowEvents).toBeGreaterThan(0); // up to 30 hits per event, nMax 16
  });
});
