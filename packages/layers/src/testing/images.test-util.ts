/**
 * Random sparse images for tests: `count` events of H x W x 1 with a cluster of active pixels of
 * real (float32, off any grid) values in (0.2, 1), and labels 0..classes-1. Higher classes have
 * more and wider-spread hits, so a few training steps can learn something.
 */
import type { Dataset } from '../train/batches';
import { createRng } from '@sparsepixels/ir/testing';

export function randomImages(count: number, h: number, w: number, classes: number, seed: number): Dataset {
  const rng = createRng(seed);
  const x = new Float32Array(count * h * w);
  const y = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    y[e] = rng.int(0, classes - 1);
    const hits = rng.int(3, 10) + 8 * y[e]!;
    const spread = 2 + 2 * y[e]!;
    const [h0, w0] = [rng.int(0, h - 1), rng.int(0, w - 1)];
    for (let k = 0; k < hits; k++) {
      const ph = Math.min(h - 1, Math.max(0, h0 + rng.int(-spread, spread)));
      const pw = Math.min(w - 1, Math.max(0, w0 + rng.int(-spread, spread)));
      x[e * h * w + ph * w + pw] = rng.uniform(0.2, 1);
    }
  }
  return { x, y };
}
