import * as tf from '@tensorflow/tfjs';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportIR } from '../export/export-ir';
import { buildCnn } from '../models/build-cnn';
import { DIGITS, NEUTRINO } from '../models/cnn-architectures';
import { randomImages } from '../testing/images.test-util';
import { liveWeights } from '../testing/live-weights.test-util';
import { fit, predictProbs } from '../train/fit';
import { loadModel, saveModel } from './file-system-handler';

const dir = mkdtempSync(join(tmpdir(), 'sp-layers-save-'));

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('save and load on the file system', () => {
  it('round-trips trained sparse and standard models with identical predictions and IR', async () => {
    for (const [i, [arch, nMax]] of ([
      [NEUTRINO, 16],
      [DIGITS, 12],
      [NEUTRINO, undefined],
    ] as const).entries()) {
      const model = buildCnn(arch, { nMax, bits: 8, integer: 2 });
      liveWeights(model, i);
      const data = randomImages(64, arch.input[0], arch.input[1], Math.max(2, arch.outputUnits), 3);
      await fit(model, data, { epochs: 1, batchSize: 32, learningRate: 1e-2, progress: false, earlyStopping: false });
      const sub = join(dir, `m${i}`);
      await saveModel(model, sub);
      expect(readdirSync(sub).sort()).toEqual(['model.json', 'weights.bin']);
      const loaded = await loadModel(sub);
      expect(loaded.layers.map((l) => l.getClassName())).toEqual(model.layers.map((l) => l.getClassName()));
      const probs = predictProbs(model, data);
      expect(new Set(probs).size).toBeGreaterThan(10);
      expect(Array.from(predictProbs(loaded, data))).toEqual(Array.from(probs));
      expect(exportIR(loaded)).toEqual(exportIR(model));
    }
  });

  it('refuses a truncated, padded or missing weights.bin in one line naming it (not a tfjs shape error)', async () => {
    const model = buildCnn(DIGITS, { nMax: 8, bits: 8, integer: 2 });
    const good = join(dir, 'w-good');
    await saveModel(model, good);
    const bin = (d: string) => join(d, 'weights.bin');
    const size = statSync(bin(good)).size;
    for (const [name, damage, what] of [
      ['w-cut', (d: string) => truncateSync(bin(d), 100), `is truncated: model.json lists ${size} bytes of weights, the file has 100`],
      ['w-pad', (d: string) => appendFileSync(bin(d), 'garbage'), `has trailing bytes: model.json lists ${size} bytes of weights, the file has ${size + 7}`],
    ] as const) {
      const d = join(dir, name);
      cpSync(good, d, { recursive: true });
      damage(d);
      await expect(loadModel(d)).rejects.toThrow(`${bin(d)}: the weights file ${what}`);
    }
    const gone = join(dir, 'w-gone');
    cpSync(good, gone, { recursive: true });
    unlinkSync(bin(gone));
    await expect(loadModel(gone)).rejects.toThrow(`${bin(gone)}: cannot read the weights: no such file`);
  });

  it('a missing model file gives a one-line error naming the path', async () => {
    await expect(loadModel(join(dir, 'nope'))).rejects.toThrow(/^cannot read .*nope\/model\.json: ENOENT/);
  });
});
